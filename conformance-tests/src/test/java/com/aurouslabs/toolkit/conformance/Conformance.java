package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.check.Finding;
import com.aurouslabs.toolkit.conformance.check.Judge;
import com.aurouslabs.toolkit.conformance.check.Policy;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * What properties and tests call: send a case to the current target, judge the answer against the oracle and
 * the per-response checks, record per rule, and fail (with rule ID, request and a masked curl) on a failure.
 * Warnings (see {@link Policy}) are recorded and do not fail.
 */
public final class Conformance {

  private Conformance() {}

  public static SuiteRun run() {
    return SuiteRuns.current();
  }

  public static Fixtures fixtures() {
    return run().target().fixtures();
  }

  public static Expectation expect(EstimateCase c) {
    return run().oracle().decide(c);
  }

  public static Batch batch() {
    return new Batch();
  }

  /** Sends, judges and records the case; returns the exchange for further invariants. */
  public static Exchange check(String primaryRule, EstimateCase c) {
    SuiteRun run = run();
    Expectation exp = run.oracle().decide(c);
    run.recorder().countCase();
    Exchange ex;
    try {
      ex = run.transport().send(c, !exp.violates("RATE-LIMIT-BUCKET"));
    } catch (com.aurouslabs.toolkit.conformance.http.Transport.NoAnswer e) {
      String msg = "[NO-SERVER-ERROR] " + e.getMessage() + "\n  request: " + c + "\n  curl:    "
          + run.transport().curl(c) + "\n  target:  " + run.target().description();
      run.recorder().outcome("NO-SERVER-ERROR", run.policy().classify(run.catalog().rule("NO-SERVER-ERROR"),
          new Finding("NO-SERVER-ERROR", Set.of("status"), msg)), msg, 1);
      throw new AssertionError(msg, e);
    }
    if (ex.status() == 429 && !exp.violates("RATE-LIMIT-BUCKET")) {
      throw new TestAbortedException("still rate limited (429) after honouring Retry-After: " + c);
    }
    List<Finding> findings = new ArrayList<>(Judge.outcome(exp, ex, primaryRule));
    findings.addAll(SuiteRun.checks().check(ex));
    Set<String> involved = new LinkedHashSet<>();
    involved.add(primaryRule);
    involved.addAll(exp.ruleIds());
    involved.addAll(List.of("NO-SERVER-ERROR", "REQUEST-ID", "RATE-LIMIT-HEADERS", "VERSION-ECHO",
        ex.status() == 200 ? "PRICE-SHAPE" : "ENVELOPE-SHAPE"));
    return settle(run, involved, findings, ex, "expected " + exp);
  }

  /** Records an invariant over one or more exchanges (pricing, identical 404s, ...). */
  public static void invariant(String ruleId, boolean holds, String message, Exchange... evidence) {
    SuiteRun run = run();
    List<Finding> findings = holds ? List.of() : List.of(new Finding(ruleId, Set.of("rule"), message));
    settle(run, Set.of(ruleId), findings, evidence.length > 0 ? evidence[evidence.length - 1] : null, message);
  }

  private static Exchange settle(SuiteRun run, Set<String> involved, List<Finding> findings, Exchange ex,
      String context) {
    Policy policy = run.policy();
    List<String> failures = new ArrayList<>();
    Set<String> finded = new LinkedHashSet<>();
    String where = ex == null ? "" : "\n  request: " + ex.request() + "\n  answer:  " + ex.summary()
        + "\n  curl:    " + run.transport().curl(ex.request()) + "\n  target:  " + run.target().description();
    for (Finding f : findings) {
      Result r = policy.classify(run.catalog().rule(f.ruleId()), f);
      finded.add(f.ruleId());
      String msg = "[" + f.ruleId() + "] " + f.message();
      run.recorder().outcome(f.ruleId(), r, msg + where, ex == null ? 0 : 1);
      if (r == Result.FAILED) {
        failures.add(msg);
      }
    }
    for (String rule : involved) {
      if (!finded.contains(rule) && run.catalog().contains(rule)) {
        run.recorder().outcome(rule, Result.PASSED, null, ex == null ? 0 : 1);
      }
    }
    if (!failures.isEmpty()) {
      throw new ConformanceFailure(String.join("\n", failures) + where, ex);
    }
    return ex;
  }
}
