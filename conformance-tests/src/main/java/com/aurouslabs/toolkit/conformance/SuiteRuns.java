package com.aurouslabs.toolkit.conformance;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one bridge between the test plan and the checks: which {@link SuiteRun} the code running on this thread
 * belongs to. {@link ConformanceListener} (the only component that sees a whole test plan and its configuration
 * parameters) binds a run when the plan starts and unbinds it when it ends; {@link Conformance#run()} reads it.
 *
 * <p>Why it cannot go: the suite runs on two engines in one plan (jqwik for the properties and the budget plan,
 * Jupiter for the module's own tests and the Pact replay), and jqwik's lifecycle hooks see neither JUnit
 * configuration parameters nor a store shared with the launcher or with Jupiter, so the run built from the plan's
 * parameters has no other way to reach them. It is kept per thread (the launcher runs a plan on the calling
 * thread), so two runs on two threads, e.g. two {@link ConformanceRunner} calls, never see each other; a run
 * started inside a test (the self-check's nested runs) stacks on the outer one and is unbound when it ends.
 */
public final class SuiteRuns {

  private static final ThreadLocal<Deque<SuiteRun>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

  private SuiteRuns() {}

  static void bind(SuiteRun run) {
    BOUND.get().push(run);
  }

  static void unbind(SuiteRun run) {
    Deque<SuiteRun> runs = BOUND.get();
    runs.remove(run);
    if (runs.isEmpty()) {
      BOUND.remove();
    }
  }

  /** The innermost run bound on this thread. */
  static SuiteRun current() {
    SuiteRun run = BOUND.get().peek();
    if (run == null) {
      BOUND.remove();
      throw new IllegalStateException("No conformance run on this thread: run the suite through the JUnit Platform "
          + "launcher (ConformanceRunner, @AurousConformance, or a test plan with ConformanceListener registered)");
    }
    return run;
  }

  /** The innermost run bound on this thread, if any (a nested run borrows its spec and checks). */
  static java.util.Optional<SuiteRun> innermost() {
    return java.util.Optional.ofNullable(BOUND.get().peek());
  }
}
