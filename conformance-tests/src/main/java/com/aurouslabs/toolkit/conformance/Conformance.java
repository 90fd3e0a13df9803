package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.check.Finding;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.check.VerdictPolicy;
import com.aurouslabs.toolkit.conformance.check.VerdictPolicy.Verdict;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * What properties and tests call: send a case to the current target, judge the answer against the oracle and
 * the per-response checks with the one {@link VerdictPolicy}, and record a verdict per rule. Nothing here throws
 * on a failed rule: a property keeps going after any finding, every rule gets its own verdict, and the property
 * (or test) fails at its end with every failing rule and the smallest case per rule ({@link Scope}).
 */
public final class Conformance {

  /** Rules every answer is checked for. */
  private static final List<String> EVERY_ANSWER = List.of("NO-SERVER-ERROR", "REQUEST-ID", "RATE-LIMIT-HEADERS",
      "VERSION-ECHO");

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

  /** Sends, judges and records the case; returns the exchange for further invariants (status 0: no answer). */
  public static Exchange check(String primaryRule, EstimateCase c) {
    SuiteRun run = run();
    Expectation exp = run.oracle().decide(c);
    run.recorder().countCase();
    Exchange ex;
    try {
      ex = run.transport().send(c, !exp.violates("RATE-LIMIT-BUCKET"));
    } catch (Transport.TargetUnusable e) {
      run.targetLost(e.getMessage());
      throw e;
    } catch (Transport.NoAnswer e) {
      ex = Exchange.none(c, run.transport().baseUrl() + c.path());
      record(run, List.of(new Verdict("NO-SERVER-ERROR", run.policy().classify(run.catalog().rule("NO-SERVER-ERROR"),
          Set.of("status")), e.getMessage(), Set.of("status"))), Set.of(primaryRule), ex);
      return ex;
    }
    if (ex.status() == 429 && !exp.violates("RATE-LIMIT-BUCKET")) {
      throw new TestAbortedException("still rate limited (429) after honouring Retry-After: " + c);
    }
    List<Verdict> verdicts = new ArrayList<>(run.policy().judge(exp, ex, primaryRule));
    for (Finding f : run.checks().check(ex)) {
      verdicts.add(run.policy().finding(f));
    }
    Set<String> involved = new LinkedHashSet<>();
    involved.add(primaryRule);
    if (ex.status() > 0 && ex.status() < 500) {
      involved.addAll(exp.ruleIds()); // accept rules, or the violations the answer may name without remark
    }
    involved.addAll(EVERY_ANSWER);
    if (ex.status() / 100 == 2) {
      involved.addAll(List.of("PRICE-SHAPE", "PRICE-SUM"));
    } else {
      involved.add("ENVELOPE-SHAPE");
    }
    record(run, verdicts, involved, ex);
    return ex;
  }

  /** Records an invariant over one or more exchanges (pricing, identical 404s, ...): documented when it fails. */
  public static void invariant(String ruleId, boolean holds, String message, Exchange... evidence) {
    invariant(ruleId, holds, true, message, evidence);
  }

  /**
   * Records an invariant whose documented statement ({@code documentedHolds}) and this project's reading of it
   * ({@code decisionHolds}) may differ: only the first can fail.
   */
  public static void invariant(String ruleId, boolean documentedHolds, boolean decisionHolds, String message,
      Exchange... evidence) {
    SuiteRun run = run();
    Verdict v = run.policy().invariant(ruleId, documentedHolds, decisionHolds, message);
    Exchange last = evidence.length > 0 ? evidence[evidence.length - 1] : null;
    record(run, v.result() == Result.PASSED ? List.of() : List.of(v), Set.of(ruleId), last);
  }

  /**
   * A check that could not be made because the suite itself threw (a step of the budget plan, say): recorded as a
   * failure of {@code ruleId}, so the run goes on and the error is reported, never lost.
   */
  public static void error(String ruleId, EstimateCase c, Throwable e) {
    SuiteRun run = run();
    String msg = "[" + ruleId + "] the check threw " + e + "\n  request: " + c;
    run.recorder().outcome(ruleId, Result.FAILED, msg, 0);
    run.scope().failed(ruleId, msg, "", c);
  }

  /** A rule the current test cannot check, with the reason (a missing fixture, the request budget, ...). */
  public static void skipped(String ruleId, String reason) {
    run().recorder().outcome(ruleId, Result.SKIPPED, reason, 0);
  }

  private static void record(SuiteRun run, List<Verdict> verdicts, Set<String> involved, Exchange ex) {
    String where = ex == null ? "" : "\n  request: " + ex.request() + "\n  answer:  " + ex.summary()
        + "\n  curl:    " + run.transport().curl(ex.request()) + "\n  target:  " + run.target().description();
    long requests = ex == null ? 0 : 1;
    Set<String> judged = new LinkedHashSet<>();
    for (Verdict v : verdicts) {
      judged.add(v.ruleId());
      String msg = "[" + v.ruleId() + "] " + v.message();
      run.recorder().outcome(v.ruleId(), v.result(), msg + where, requests, v.parts());
      if (v.result() == Result.FAILED) {
        run.scope().failed(v.ruleId(), msg, where, ex == null ? null : ex.request());
      } else if (v.result() == Result.WARNING) {
        run.scope().warned(v.ruleId());
      }
    }
    for (String rule : involved) {
      if (!judged.contains(rule) && run.catalog().contains(rule)) {
        run.recorder().outcome(rule, Result.PASSED, null, requests);
      }
    }
  }

  /**
   * Runs {@code body} (a plain JUnit test that calls {@link #check}) in its own scope and fails at the end with
   * every rule that failed in it.
   */
  public static void scoped(String name, Runnable body) {
    SuiteRun run = run();
    run.target(); // a target that cannot be used fails here, once, with the line that says what to set
    Scope scope = run.openScope(name);
    try {
      body.run();
    } catch (Transport.TargetUnusable e) {
      throw new AssertionError(e.getMessage());
    } finally {
      run.closeScope(scope);
    }
    scope.failure().ifPresent(msg -> {
      throw new AssertionError(msg);
    });
  }

  /** Rules that failed so far in the current scope (for tests that go on to assert more). */
  public static Map<String, Scope.Failure> failuresSoFar() {
    return run().scope().failures();
  }
}
