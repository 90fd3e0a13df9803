package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.conformance.ConformanceRunner;
import com.aurouslabs.toolkit.conformance.ConformanceRunner.RunOutcome;
import java.util.Map;
import java.util.Optional;

/** {@link SuiteExecution} over the suite's {@link ConformanceRunner} (in-process, JUnit Platform Launcher). */
final class RunnerExecution implements SuiteExecution {

  @Override
  public Result run(Map<String, String> settings, ProgressListener progress) throws ConfigurationException {
    // The suite's own preflight (SuiteRun#target: one valid request, the key checked) is the first thing the run
    // does; an unreachable target or a rejected key ends it there (PREFLIGHT_FAILED, exit 3), and the request is
    // counted in the run's total and in budget mode's limit.
    progress.progress("preflight", 0);
    RunOutcome outcome = ConformanceRunner.run(settings, new ConformanceRunner.Listener() {
      private String family = "preflight";
      private long requests;

      @Override
      public void familyStarted(String f) {
        family = familyName(f);
        progress.progress(family, requests);
      }

      @Override
      public void requestSent(long requestsSoFar) {
        requests = requestsSoFar;
        progress.progress(family, requests);
      }
    });
    String first = outcome.fatal().isEmpty() ? "" : outcome.fatal().get(0);
    return switch (outcome.status()) {
      case CONFIGURATION_ERROR -> throw new ConfigurationException(first.isEmpty()
          ? "the suite refused its settings" : first);
      case PREFLIGHT_FAILED -> new Result(Optional.of(first.isEmpty() ? "the preflight request failed" : first),
          outcome.fatal(), outcome.requests());
      case FAILED, PASSED -> new Result(Optional.empty(), outcome.fatal(), outcome.requests());
    };
  }

  /** "DimensionsProperties" -> "dimensions", "BudgetPlanRun" -> "budget plan". */
  static String familyName(String className) {
    String s = className.endsWith("Properties") ? className.substring(0, className.length() - "Properties".length())
        : className.equals("BudgetPlanRun") ? "BudgetPlan" : className;
    return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
