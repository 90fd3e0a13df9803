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
    SuiteRun run = new SuiteRun(settings);
    SuiteRuns.push(run);
    if (SuiteRuns.isOutermost() && settings.get(Setting.REPORT_PART).map(p -> p.startsWith("1-")).orElse(false)) {
      ReportWriter.clearParts(Path.of(settings.get(Setting.REPORT_DIR).orElse("target")));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void testPlanExecutionFinished(TestPlan plan) {
    boolean outermost = SuiteRuns.isOutermost();
    SuiteRun run = SuiteRuns.pop();
    try {
      boolean report = outermost && !"false".equals(run.settings().get(Setting.REPORT).orElse("true"));
      if (report && (run.recorder().cases() > 0 || !run.recorder().snapshot().isEmpty()
          || !run.recorder().selfCheckEntries().isEmpty())) {
        Map<String, Object> r = run.writeReport();
        System.out.printf("%nConformance [%s] against %s: %d requests, %d cases in this JVM; report so far "
                + "(all JVMs of this build): %d requests, %d cases, rules %s -> %s/conformance-report.{json,md}%n",
            run.settings().get(Setting.REPORT_PART).orElse("run"),
            run.isTargetStarted() ? run.target().description() : "(not started)", run.requestsUsed(),
            run.recorder().cases(), r.get("requests"), r.get("cases"), r.get("totals"),
            run.settings().get(Setting.REPORT_DIR).orElse("target"));
      }
    } finally {
      run.close();
    }
  }
}
