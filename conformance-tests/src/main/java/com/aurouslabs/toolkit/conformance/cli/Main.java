package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of {@code estimate-conformance.jar}. */
public final class Main {

  private Main() {}

  /** Held here: java.util.logging keeps only a weak reference to a logger, and with it the level set on it. */
  private static final Logger JQWIK_GENERATOR_LOG =
      Logger.getLogger("net.jqwik.engine.properties.RandomizedShrinkablesGenerator");

  public static void main(String[] args) {
    // The libraries log through SLF4J and the jar ships no backend: say so once, here, instead of SLF4J's three
    // warning lines on stderr (a -Dslf4j.provider=... on the command line wins).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
    // jqwik tells, at INFO on java.util.logging, when a request's edge cases outnumber the tries (a spec with more
    // properties than the bundled one): advice for property authors, not for someone checking an API.
    JQWIK_GENERATOR_LOG.setLevel(Level.WARNING);
    boolean terminal = ProgressPrinter.isTerminal(System.console() != null, System.getenv("TERM"));
    ConformanceCli cli = new ConformanceCli(new RunnerExecution(), System::getenv, System.out, System.err,
        terminal, System::nanoTime, RuleCatalog::load);
    System.exit(cli.execute(args));
  }
}
