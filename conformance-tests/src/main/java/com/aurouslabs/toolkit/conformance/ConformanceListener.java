package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.report.ReportWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Opens a {@link SuiteRun} when a test plan starts and, when it ends, stops the target, writes the report and
 * prints the request and case counts. Registered through META-INF/services for plain launcher runs (surefire, an
 * IDE): settings from the plan's configuration parameters, system properties, environment. {@link
 * ConformanceRunner} registers its own instance with the run it built.
 */
public final class ConformanceListener implements TestExecutionListener {

  private final SuiteRun given;
  private SuiteRun run;
  private Map<String, Object> report;

  /** For META-INF/services: a run per test plan, from its configuration parameters. */
  public ConformanceListener() {
    this(null);
  }

  ConformanceListener(SuiteRun run) {
    this.given = run;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    if (given != null) {
      run = given;
    } else {
      var params = plan.getConfigurationParameters();
      run = new SuiteRun(Settings.standard(params::get), SuiteRuns.innermost().orElse(null));
    }
    boolean outermost = SuiteRuns.innermost().isEmpty();
    SuiteRuns.bind(run);
    Settings settings = run.settings();
    // the first run of a build (its part "1-...") or a runner's own run starts the report dir afresh
    if (run.reporting() && (outermost || given != null)
        && settings.get(Setting.REPORT_PART).map(p -> p.startsWith("1-")).orElse(given != null)) {
      ReportWriter.clearParts(run.reportDir());
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    SuiteRun finished = run;
    SuiteRuns.unbind(finished);
    try {
      var rec = finished.recorder();
      if (finished.reporting() && (rec.cases() > 0 || !rec.snapshot().isEmpty() || !rec.selfCheckEntries().isEmpty()
          || !rec.pactEntries().isEmpty() || !rec.requestsBySource().isEmpty())) {
        Map<String, Object> r = finished.writeReport();
        report = r;
        if (!finished.quiet()) {
          System.out.printf("%nConformance [%s] against %s: this JVM sent %d requests (%d conformance checks, %s), "
                  + "%d cases%nConformance report so far (all JVMs of this build): %d requests = %s; %d cases; "
                  + "rules %s; Pact interactions %s -> %s/conformance-report.{json,md}%n",
              finished.settings().get(Setting.REPORT_PART).orElse("run"),
              finished.isTargetStarted() ? finished.target().description() : "(no conformance target started)",
              finished.requestsUsed() + rec.requestsBySource().values().stream().mapToLong(Long::longValue).sum(),
              finished.requestsUsed(), rec.requestsBySource().isEmpty() ? "nothing else" : rec.requestsBySource(),
              rec.cases(), r.get("requests"), ReportWriter.requestBreakdown(r), r.get("cases"), r.get("totals"),
              r.get("pact_totals"), finished.reportDir());
          ReportWriter.summary(r).forEach(System.out::println);
        }
      }
    } finally {
      finished.close();
    }
  }

  /** The merged report written when the plan finished, if one was. */
  java.util.Optional<Map<String, Object>> report() {
    return java.util.Optional.ofNullable(report);
  }
}
