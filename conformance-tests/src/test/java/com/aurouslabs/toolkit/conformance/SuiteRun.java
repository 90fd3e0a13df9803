package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.check.Policy;
import com.aurouslabs.toolkit.conformance.check.ResponseChecks;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.config.Target;
import com.aurouslabs.toolkit.conformance.http.Throttle;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.conformance.report.ReportWriter;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one test run (one JUnit Platform test plan execution) shares: settings, the target (started lazily,
 * stopped at the end), the throttled transport, the oracle and the recorder. Created and closed by
 * {@link ConformanceListener}; tests reach it through {@link Conformance}.
 */
public final class SuiteRun implements AutoCloseable {

  private static volatile ResponseChecks sharedChecks;

  private final Settings settings;
  private final Recorder recorder = new Recorder();
  private Target target;
  private Transport transport;
  private ExpectedOutcome oracle;
  private String targetError;
  private int tries;

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

  public SuiteRun(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  public Recorder recorder() {
    return recorder;
  }

  public boolean budgetMode() {
    return settings.flag(Setting.BUDGET_MODE);
  }

  public boolean strict() {
    return settings.flag(Setting.STRICT);
  }

  public SpecDocument spec() {
    return SpecDocument.get();
  }

  public RuleCatalog catalog() {
    return RuleCatalog.get();
  }

  /** The target, started on first use; a target that cannot be set up fails every test with the reason. */
  public synchronized Target target() {
    if (targetError != null) {
      throw new AssertionError(targetError);
    }
    if (target == null) {
      try {
        target = Target.resolve(settings);
      } catch (RuntimeException e) {
        targetError = "Conformance target not usable: " + e.getMessage();
        throw new AssertionError(targetError, e);
      }
      double rate = settings.number(Setting.RATE_PER_SECOND).orElse(target.isEmbeddedMock() ? 0 : LIVE_RATE);
      long budget = settings.number(Setting.REQUEST_BUDGET).map(Double::longValue)
          .orElse(target.isEmbeddedMock() ? Long.MAX_VALUE : LIVE_BUDGET);
      tries = settings.number(Setting.TRIES).map(Double::intValue)
          .orElse(target.isEmbeddedMock() ? MOCK_TRIES : LIVE_TRIES);
      if (tries < 1) {
        throw new AssertionError(targetError = "AUROUS_TRIES (or -Daurous.tries) must be at least 1, got " + tries);
      }
      transport = new Transport(target.baseUrl(), target.apiKey(), target.fixtures(), new Throttle(rate), budget);
      oracle = new ExpectedOutcome(spec(), catalog(), target.fixtures());
      if (settings.raw("aurous.quiet").isEmpty()) {
        System.out.println(plan());
      }
    }
    return target;
  }

  /** The plan printed at start: target, tries, budget, rate, mode. */
  public String plan() {
    Target t = target();
    String triesFrom = settings.get(Setting.TRIES).isPresent() ? "AUROUS_TRIES"
        : t.isEmbeddedMock() ? "default for the embedded mock" : "default for a URL; AUROUS_TRIES overrides";
    String rate = transport.ratePerSecond() <= 0 ? "unlimited" : transport.ratePerSecond() + " req/s";
    String budget = transport.budget() == Long.MAX_VALUE ? "unlimited" : transport.budget() + " requests";
    return String.format("%nConformance plan against %s: %s; at most %d tries per property (%s; properties that "
            + "declare fewer keep theirs); request budget %s; rate %s; strict %s",
        t.description(), budgetMode() ? "budget mode (fixed plan of <= 240 requests, properties skipped)"
            : "properties", tries, triesFrom, budget, rate, strict());
  }

  /** jqwik tries per property: AUROUS_TRIES, else {@value #MOCK_TRIES} (mock) or {@value #LIVE_TRIES} (URL). */
  public int tries() {
    target();
    return tries;
  }

  public boolean isTargetStarted() {
    return target != null;
  }

  public Transport transport() {
    target();
    return transport;
  }

  public ExpectedOutcome oracle() {
    target();
    return oracle;
  }

  public Policy policy() {
    return new Policy(target().isEmbeddedMock(), strict());
  }

  public static ResponseChecks checks() {
    ResponseChecks c = sharedChecks;
    if (c == null) {
      synchronized (SuiteRun.class) {
        if (sharedChecks == null) {
          sharedChecks = new ResponseChecks(SpecDocument.get(), RuleCatalog.get());
        }
        c = sharedChecks;
      }
    }
    return c;
  }

  public long requestsUsed() {
    return transport == null ? 0 : transport.requestsUsed();
  }

  /** Writes this run's report part and the merged report; returns the merged report. */
  public Map<String, Object> writeReport() {
    Path dir = Path.of(settings.get(Setting.REPORT_DIR).orElse("target"));
    ReportWriter.Part part = new ReportWriter.Part();
    part.target = target != null ? target.description() : settings.get(Setting.BASE_URL).orElse("embedded mock");
    part.embeddedMock = target == null ? settings.get(Setting.BASE_URL).isEmpty() : target.isEmbeddedMock();
    part.strict = strict();
    part.budgetMode = budgetMode();
    part.requests = requestsUsed();
    part.requestsBySource = recorder.requestsBySource();
    part.pact = recorder.pactEntries();
    part.cases = recorder.cases();
    part.rules = recorder.snapshot();
    part.selfCheck = recorder.selfCheckEntries();
    return ReportWriter.write(dir, settings.get(Setting.REPORT_PART).orElse("run"), part, catalog());
  }

  @Override
  public synchronized void close() {
    if (target != null) {
      target.close();
    }
  }
}
