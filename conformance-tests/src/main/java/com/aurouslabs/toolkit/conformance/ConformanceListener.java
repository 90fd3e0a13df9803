package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.report.ReportWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Registered through META-INF/services: opens a {@link SuiteRun} when a test plan starts (settings from the
 * plan's configuration parameters, system properties, environment) and, when it ends, stops the target, writes
 * the report and prints the request and case counts.
 */
public final class ConformanceListener implements TestExecutionListener {

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    var params = plan.getConfigurationParameters();
    Settings settings = new Settings(params::get, System::getProperty, System::getenv);
    SuiteRun run = new SuiteRun(settings, SuiteRuns.innermost().orElse(null));
    SuiteRuns.push(run);
    if (SuiteRuns.isOutermost() && settings.get(Setting.REPORT_PART).map(p -> p.startsWith("1-")).orElse(false)) {
      ReportWriter.clearParts(Path.of(settings.get(Setting.REPORT_DIR).orElse("target")));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    boolean outermost = SuiteRuns.isOutermost();
    SuiteRun run = SuiteRuns.pop();
    try {
      boolean report = outermost && !"false".equals(run.settings().get(Setting.REPORT).orElse("true"));
      var rec = run.recorder();
      if (report && (rec.cases() > 0 || !rec.snapshot().isEmpty() || !rec.selfCheckEntries().isEmpty()
          || !rec.pactEntries().isEmpty() || !rec.requestsBySource().isEmpty())) {
        Map<String, Object> r = run.writeReport();
        System.out.printf("%nConformance [%s] against %s: this JVM sent %d requests (%d conformance checks, %s), "
                + "%d cases%nConformance report so far (all JVMs of this build): %d requests = %s; %d cases; "
                + "rules %s; Pact interactions %s -> %s/conformance-report.{json,md}%n",
            run.settings().get(Setting.REPORT_PART).orElse("run"),
            run.isTargetStarted() ? run.target().description() : "(no conformance target started)",
            run.requestsUsed() + rec.requestsBySource().values().stream().mapToLong(Long::longValue).sum(),
            run.requestsUsed(), rec.requestsBySource().isEmpty() ? "nothing else" : rec.requestsBySource(),
            rec.cases(), r.get("requests"), ReportWriter.requestBreakdown(r), r.get("cases"), r.get("totals"),
            r.get("pact_totals"), run.settings().get(Setting.REPORT_DIR).orElse("target"));
        ReportWriter.summary(r).forEach(System.out::println);
      }
    } finally {
      run.close();
    }
  }
}
