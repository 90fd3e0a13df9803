package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.openapi.RuleCatalog;

/** Entry point of {@code estimate-conformance.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    boolean terminal = ProgressPrinter.isTerminal(System.console() != null, System.getenv("TERM"));
    ConformanceCli cli = new ConformanceCli(new RunnerExecution(), System::getenv, System.out, System.err,
        terminal, System::nanoTime, RuleCatalog.load());
    System.exit(cli.execute(args));
  }
}
