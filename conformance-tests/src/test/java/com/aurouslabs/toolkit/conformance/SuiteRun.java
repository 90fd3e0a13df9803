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
      double rate = settings.number(Setting.RATE_PER_SECOND).orElse(target.isEmbeddedMock() ? 0 : 2.0);
      long budget = settings.number(Setting.REQUEST_BUDGET).map(Double::longValue)
          .orElse(target.isEmbeddedMock() ? Long.MAX_VALUE : 600L);
      transport = new Transport(target.baseUrl(), target.apiKey(), target.fixtures(), new Throttle(rate), budget);
      oracle = new ExpectedOutcome(spec(), catalog(), target.fixtures());
    }
    return target;
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
