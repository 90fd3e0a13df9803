package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.config.Settings;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The run(s) in progress in this JVM, innermost last. A nested run exists while the mutation self-check
 * executes property classes against a defective mock through its own launcher.
 */
public final class SuiteRuns {

  private static final Deque<SuiteRun> ACTIVE = new ArrayDeque<>();
  private static SuiteRun lastFinished;

  private SuiteRuns() {}

  static synchronized void push(SuiteRun run) {
    ACTIVE.push(run);
  }

  static synchronized SuiteRun pop() {
    SuiteRun run = ACTIVE.pop();
    lastFinished = run;
    return run;
  }

  static synchronized boolean isOutermost() {
    return ACTIVE.size() == 1;
  }

  /** The innermost active run; one without a listener (e.g. a bare IDE run) is created on demand. */
  public static synchronized SuiteRun current() {
    if (ACTIVE.isEmpty()) {
      SuiteRun run = new SuiteRun(Settings.fromSystem());
      ACTIVE.push(run);
      Runtime.getRuntime().addShutdownHook(new Thread(run::close));
    }
    return ACTIVE.peek();
  }

  /** The innermost active run, if any (a nested run borrows its spec and checks). */
  static synchronized java.util.Optional<SuiteRun> innermost() {
    return java.util.Optional.ofNullable(ACTIVE.peek());
  }

  /** The run that finished last (the self-check reads its nested run's results here). */
  public static synchronized SuiteRun lastFinished() {
    return lastFinished;
  }
}
