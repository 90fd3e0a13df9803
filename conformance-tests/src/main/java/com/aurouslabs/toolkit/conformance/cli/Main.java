package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.openapi.RuleCatalog;

/** Entry point of {@code estimate-conformance.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The libraries log through SLF4J and the jar ships no backend: say so once, here, instead of SLF4J's three
    // warning lines on stderr (a -Dslf4j.provider=... on the command line wins).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
    boolean terminal = ProgressPrinter.isTerminal(System.console() != null, System.getenv("TERM"));
    ConformanceCli cli = new ConformanceCli(new RunnerExecution(), System::getenv, System.out, System.err,
        terminal, System::nanoTime, RuleCatalog::load);
    System.exit(cli.execute(args));
  }
}
