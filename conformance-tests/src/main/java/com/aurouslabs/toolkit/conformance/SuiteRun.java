package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.check.ResponseChecks;
import com.aurouslabs.toolkit.conformance.check.VerdictPolicy;
import com.aurouslabs.toolkit.conformance.config.ConfigurationException;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.config.Target;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.http.Throttle;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.conformance.report.ReportWriter;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Everything one test run (one JUnit Platform test plan execution) shares: settings, the spec and catalog, the
 * target (started lazily after one preflight request, stopped at the end), the throttled transport, the oracle,
 * the verdict policy, the recorder and the scope of the property in progress. Created per test plan (by
 * {@link ConformanceRunner} or {@link ConformanceListener}) and closed at its end; checks reach it through
 * {@link Conformance}. Caches (spec, catalog, checks) live here, never in static fields.
 */
public final class SuiteRun implements AutoCloseable {

  /** jqwik tries per property against the embedded mock (coverage minimums are enforced from here on). */
  public static final int MOCK_TRIES = 100;
  /**
   * Tries per property against a URL when AUROUS_TRIES is not set: small enough that a default live run of every
   * property fits the default budget of {@value #LIVE_BUDGET} requests (the boundary-weighted arbitraries put
   * boundary cases first, and rules a property did not reach are reported SKIPPED, not passed).
   */
  public static final int LIVE_TRIES = 10;
  public static final long LIVE_BUDGET = 600;
  public static final double LIVE_RATE = 2.0;
  /** Requests budget mode may send to a URL, the preflight included. */
  public static final int BUDGET_MODE_LIMIT = 240;

  private final Settings settings;
  private final Recorder recorder = new Recorder();
  private final SpecDocument spec;
  private final RuleCatalog catalog;
  private final VerdictPolicy policy;
  private ResponseChecks checks;
  private Target target;
  private Transport transport;
  private ExpectedOutcome oracle;
  private String targetError;
  private TargetProblem targetProblem;
  private boolean targetErrorReported;
  private int tries;
  private java.util.function.LongConsumer requestListener = n -> {};
  private Scope scope = new Scope("(outside any property)");

  public SuiteRun(Settings settings) {
    this(settings, null);
  }

  /** A run; {@code parent} (the enclosing run, if any) lends its spec, catalog and checks when they are the same. */
  public SuiteRun(Settings settings, SuiteRun parent) {
    this.settings = settings;
    SpecDocument s = settings.get(Setting.SPEC).map(p -> SpecDocument.file(Path.of(p))).orElse(null);
    if (parent != null && (s == null ? parent.spec.source().startsWith("classpath:")
        : s.text().equals(parent.spec.text()))) {
      this.spec = parent.spec;
      this.catalog = parent.catalog;
      this.checks = parent.checks;
    } else {
      this.spec = s != null ? s : SpecDocument.classpath();
      this.catalog = RuleCatalog.classpath();
    }
    this.policy = new VerdictPolicy(catalog, settings.get(Setting.STRICT).orElse(null), spec::fieldsCiting);
  }

  public Settings settings() {
    return settings;
  }

  /** Whether the run prints nothing (AUROUS_QUIET). */
  public boolean quiet() {
    return settings.flag(Setting.QUIET);
  }

  /** Whether the run writes report files (AUROUS_REPORT, default true). */
  public boolean reporting() {
    return !"false".equals(settings.get(Setting.REPORT).orElse("true"));
  }

  public Path reportDir() {
    return Path.of(settings.get(Setting.REPORT_DIR).orElse("target"));
  }

  /** AUROUS_ONLY: the rule IDs to run (empty = every rule). */
  public java.util.Set<String> only() {
    return settings.list(Setting.ONLY);
  }

  /** Whether a check claiming {@code rules} runs under AUROUS_ONLY. */
  public boolean selected(java.util.Collection<String> rules) {
    java.util.Set<String> only = only();
    return only.isEmpty() || rules.stream().anyMatch(only::contains);
  }

  public Recorder recorder() {
    return recorder;
  }

  public boolean budgetMode() {
    return settings.flag(Setting.BUDGET_MODE);
  }

  public boolean strict() {
    return policy.strict();
  }

  public SpecDocument spec() {
    return spec;
  }

  public RuleCatalog catalog() {
    return catalog;
  }

  public VerdictPolicy policy() {
    return policy;
  }

  public synchronized ResponseChecks checks() {
    if (checks == null) {
      checks = new ResponseChecks(spec, catalog);
    }
    return checks;
  }

  /**
   * The target, started on first use and checked with one preflight request. A target that cannot be used fails
   * the first test that asks for it with one line saying what to set; every later test is skipped with that line.
   */
  public synchronized Target target() {
    if (targetError != null) {
      if (targetErrorReported) {
        throw new TestAbortedException("not run: " + targetError);
      }
      targetErrorReported = true;
      throw new AssertionError(targetError);
    }
    if (target == null) {
      try {
        target = Target.resolve(settings);
        double rate = settings.number(Setting.RATE_PER_SECOND).orElse(target.isEmbeddedMock() ? 0 : LIVE_RATE);
        long budget = settings.number(Setting.REQUEST_BUDGET).map(Double::longValue)
            .orElse(target.isEmbeddedMock() ? Long.MAX_VALUE : budgetMode() ? BUDGET_MODE_LIMIT : LIVE_BUDGET);
        tries = settings.number(Setting.TRIES).map(Double::intValue)
            .orElse(target.isEmbeddedMock() ? MOCK_TRIES : LIVE_TRIES);
        if (tries < 1) {
          throw new ConfigurationException("AUROUS_TRIES (or -Daurous.tries) must be at least 1, got " + tries);
        }
        transport = new Transport(target.baseUrl(), target.apiKey(), target.fixtures(), new Throttle(rate), budget);
        transport.onRequest(requestListener);
        oracle = new ExpectedOutcome(spec, catalog, target.fixtures());
        preflight();
      } catch (RuntimeException e) {
        targetError = e.getMessage() == null ? e.toString() : e.getMessage();
        targetProblem = e instanceof ConfigurationException ? TargetProblem.CONFIGURATION : TargetProblem.PREFLIGHT;
        if (target != null) {
          target.close();
        }
        recorder.fatal(targetError);
        targetErrorReported = true;
        throw new AssertionError(targetError, e);
      }
      if (!quiet()) {
        System.out.println(plan());
      }
    }
    return target;
  }

  /**
   * One valid request before anything else: an unreachable target or a rejected key stops the run here, within
   * seconds, with the line that says what to set (instead of hundreds of requests reported as failed rules).
   */
  private void preflight() {
    Exchange ex;
    try {
      ex = transport.send(EstimateCase.prompt("preflight: a lighthouse at dusk").auth(Auth.API_KEY));
    } catch (Transport.TargetUnusable | Transport.NoAnswer e) {
      // TargetUnusable says "Target <url> is unreachable (...)" itself; NoAnswer gives the reason only.
      String what = e instanceof Transport.TargetUnusable ? e.getMessage()
          : "Conformance target " + target.description() + " is unreachable (" + e.getMessage() + ")";
      throw new IllegalStateException(what + ". " + settings.hint(Setting.BASE_URL)
              .map(h -> "Give " + h + " the API's reachable base URL.")
              .orElse("Set AUROUS_BASE_URL (-Daurous.base.url) to the API's reachable base URL, or unset it to test "
                  + "the embedded mock."));
    }
    recorder.requests(Recorder.PREFLIGHT, 1);
    if (ex.status() == 401) {
      throw new IllegalStateException("Conformance target " + target.description() + " rejected the key "
          + Auth.mask(target.apiKey()) + " (401 " + ex.error().path("code").asText("") + "). "
          + settings.hint(Setting.API_KEY).map(h -> "Put a valid key of that target in " + h + ".")
              .orElse("Set AUROUS_API_KEY (-Daurous.api.key) to a valid key of that target."));
    }
    if (ex.status() == 404 || ex.status() == 405) {
      throw new IllegalStateException("Conformance target " + target.description() + " answered " + ex.status()
          + " for POST " + SpecDocument.PATH + ". " + settings.hint(Setting.BASE_URL)
              .map(h -> "Give " + h + " the API's base URL")
              .orElse("Set AUROUS_BASE_URL (-Daurous.base.url) to the API's base URL")
          + " (scheme, host and port, without the /v1 path).");
    }
  }

  /** The plan printed at start: target, spec, tries, budget, rate, mode, strictness. */
  public String plan() {
    Target t = target;
    String triesFrom = settings.get(Setting.TRIES).isPresent() ? "AUROUS_TRIES"
        : t.isEmbeddedMock() ? "default for the embedded mock" : "default for a URL; AUROUS_TRIES overrides";
    String rate = transport.ratePerSecond() <= 0 ? "unlimited" : transport.ratePerSecond() + " req/s";
    String budget = transport.budget() == Long.MAX_VALUE ? "unlimited" : transport.budget() + " requests";
    String mode = budgetMode() ? "budget mode (one preflight request + a fixed plan of " + budgetPlanSize()
        + " requests to the target, limit " + BUDGET_MODE_LIMIT + " in all, nothing sent elsewhere; properties "
        + "skipped)" : "properties";
    return String.format("%nConformance plan against %s (spec %s): %s; at most %d tries per property (%s; "
            + "properties that declare fewer keep theirs); seed %s; request budget %s; rate %s; strict %s",
        t.description(), spec.source(), mode, tries, triesFrom,
        settings.get(Setting.SEED).orElse("random per property (AUROUS_SEED fixes one)"), budget, rate,
        policy.strict() ? policy.strictParts() : "false");
  }

  private int budgetPlanSize() {
    return com.aurouslabs.toolkit.conformance.budget.BudgetPlan.boundaries(target.fixtures(), spec, oracle).size()
        + com.aurouslabs.toolkit.conformance.budget.BudgetPlan.pairwise(target.fixtures(), spec).size();
  }

  /** jqwik tries per property: AUROUS_TRIES, else {@value #MOCK_TRIES} (mock) or {@value #LIVE_TRIES} (URL). */
  public int tries() {
    target();
    return tries;
  }

  /** Called with the running count of requests to the target (the preflight included) after each one. */
  public synchronized void onRequest(java.util.function.LongConsumer listener) {
    this.requestListener = listener;
    if (transport != null) {
      transport.onRequest(listener);
    }
  }

  public boolean isTargetStarted() {
    return target != null;
  }

  /** Why the target could not be used: a setting to fix, a failed preflight, or lost mid-run. */
  public enum TargetProblem {
    /** A start-up mistake (a URL without a key, no target at all, a malformed number): fix a setting. */
    CONFIGURATION,
    /** The preflight request failed: unreachable, the key rejected (401), no estimate endpoint at the URL. */
    PREFLIGHT,
    /** The target stopped answering during the run. */
    LOST
  }

  /** What kept the target from being used, if anything did. */
  public synchronized java.util.Optional<TargetProblem> targetProblem() {
    return java.util.Optional.ofNullable(targetProblem);
  }

  /** The one-line reason the target cannot be used, if it cannot. */
  public synchronized java.util.Optional<String> targetError() {
    return java.util.Optional.ofNullable(targetError);
  }

  public Transport transport() {
    target();
    return transport;
  }

  public ExpectedOutcome oracle() {
    target();
    return oracle;
  }

  /** The scope of the property or test in progress. */
  public synchronized Scope scope() {
    return scope;
  }

  public synchronized Scope openScope(String name) {
    scope = new Scope(name);
    return scope;
  }

  public synchronized void closeScope(Scope s) {
    if (scope == s) {
      scope = new Scope("(outside any property)");
    }
  }

  /**
   * Marks the target unusable mid-run (e.g. three consecutive connection failures): the current property fails
   * with {@code reason}, every later one is skipped with it.
   */
  public synchronized void targetLost(String reason) {
    if (targetError == null) {
      targetError = reason;
      targetProblem = TargetProblem.LOST;
      targetErrorReported = true;
      recorder.fatal(reason);
    }
  }

  public long requestsUsed() {
    return transport == null ? 0 : transport.requestsUsed();
  }

  /** Writes this run's report part and the merged report; returns the merged report. */
  public Map<String, Object> writeReport() {
    Path dir = reportDir();
    ReportWriter.Part part = new ReportWriter.Part();
    part.target = target != null ? target.description() : settings.get(Setting.BASE_URL).orElse("embedded mock");
    part.embeddedMock = target == null ? settings.get(Setting.BASE_URL).isEmpty() : target.isEmbeddedMock();
    part.strict = strict();
    part.budgetMode = budgetMode();
    part.requests = requestsUsed() - recorder.requestsBySource().getOrDefault(Recorder.PREFLIGHT, 0L);
    part.requestsBySource = recorder.requestsBySource();
    part.pact = recorder.pactEntries();
    part.cases = recorder.cases();
    part.rules = recorder.snapshot();
    part.selfCheck = recorder.selfCheckEntries();
    part.fatal = recorder.fatalMessages();
    return ReportWriter.write(dir, settings.get(Setting.REPORT_PART).orElse("run"), part, catalog);
  }

  @Override
  public synchronized void close() {
    if (target != null) {
      target.close();
    }
  }
}
