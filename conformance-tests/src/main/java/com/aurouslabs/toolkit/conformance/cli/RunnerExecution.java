package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.conformance.ConformanceRunner;
import com.aurouslabs.toolkit.conformance.ConformanceRunner.RunOutcome;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import com.aurouslabs.toolkit.conformance.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SuiteExecution} over the suite's {@link ConformanceRunner} (in-process, JUnit Platform Launcher). */
final class RunnerExecution implements SuiteExecution {

  @Override
  public Result run(Map<String, String> settings, ProgressListener progress) throws ConfigurationException {
    progress.progress("preflight", 0);
    Optional<Result> unusable = preflight(settings);
    if (unusable.isPresent()) {
      return unusable.get();
    }
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

  /**
   * The suite's own preflight ({@link SuiteRun#target()}: one valid request, the key checked) before the launcher
   * loads and discovers the property classes, so an unreachable target or a rejected key ends the CLI within
   * seconds. It costs one request more than the run reports when the target is fine.
   */
  private static Optional<Result> preflight(Map<String, String> settings) throws ConfigurationException {
    SuiteRun probe = new SuiteRun(Settings.over(settings));
    try {
      probe.target();
      return Optional.empty();
    } catch (AssertionError | RuntimeException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (probe.targetProblem().filter(p -> p == SuiteRun.TargetProblem.CONFIGURATION).isPresent()) {
        throw new ConfigurationException(why);
      }
      return Optional.of(new Result(Optional.of(why), List.of(why), 0));
    } finally {
      probe.close();
    }
  }

  /** "DimensionsProperties" -> "dimensions", "BudgetPlanRun" -> "budget plan". */
  static String familyName(String className) {
    String s = className.endsWith("Properties") ? className.substring(0, className.length() - "Properties".length())
        : className.equals("BudgetPlanRun") ? "BudgetPlan" : className;
    return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
