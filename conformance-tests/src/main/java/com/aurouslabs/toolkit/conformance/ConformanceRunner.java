package com.aurouslabs.toolkit.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.aurouslabs.toolkit.conformance.budget.BudgetPlanRun;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the suite once, in-process, through the JUnit Platform Launcher: the property classes and the budget plan
 * (jqwik engine only), with the given settings, writing {@code conformance-report.{json,md}} into the report dir as
 * any run does. The API the CLI and the JUnit entry ({@code @AurousConformance}) call.
 *
 * <p>Settings are the keys of {@link com.aurouslabs.toolkit.conformance.config.Setting#property()} ({@code
 * aurous.base.url}, {@code aurous.api.key}, {@code aurous.budget.mode}, {@code aurous.strict}, {@code
 * aurous.tries}, {@code aurous.seed}, {@code aurous.only}, {@code aurous.report.dir}, the fixtures, ...), and any
 * other launcher configuration parameter ({@code jqwik.*}); a key not in the map falls back to the system property,
 * then the environment variable, as everywhere in the suite.
 */
public final class ConformanceRunner {

  /** The suite's property classes (every class of the package) and the budget plan. */
  public static final String PROPERTIES_PACKAGE = "com.aurouslabs.toolkit.conformance.properties";

  private ConformanceRunner() {}

  /** Progress of a run, on the thread that runs it. Every method does nothing by default. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** A property class (a rule family, e.g. "DimensionsProperties") or the budget plan started. */
    default void familyStarted(String family) {}

    default void familyFinished(String family, String status) {}

    /** A property (or the budget plan) started; {@code rules}: the catalog rules it claims. */
    default void checkStarted(String family, String name, List<String> rules) {}

    /**
     * A property finished: {@code status} is SUCCESSFUL, FAILED or ABORTED (skipped) or SKIPPED (not run, with
     * {@code reason}); {@code requestsSoFar}: requests sent to the target so far, the preflight included.
     */
    default void checkFinished(String family, String name, List<String> rules, String status, String reason,
        long requestsSoFar) {}

    /** After every request that reached the target: the running count, the preflight included. */
    default void requestSent(long requestsSoFar) {}
  }

  /** How a run ended, for an exit code. */
  public enum Status {
    /** Every documented and security rule that ran passed (warnings allowed unless strict). */
    PASSED,
    /** A documented or security rule failed, or a check failed, or the target was lost mid-run. */
    FAILED,
    /** A setting is missing or malformed (a URL without a key, no target, a bad number): fix the configuration. */
    CONFIGURATION_ERROR,
    /** The preflight request failed: unreachable target, rejected key, no estimate endpoint at the URL. */
    PREFLIGHT_FAILED
  }

  /**
   * What the run found: per-rule results (as in conformance-report.json), requests to the target (the preflight
   * included) and elsewhere by source, the one-line reasons the run could not complete ({@code fatal}), the JUnit
   * summary of the checks, and where the report was written (empty when the run recorded nothing or AUROUS_REPORT
   * is false).
   */
  public record RunOutcome(Status status, Map<String, Recorder.RuleStats> rules, long requests,
      Map<String, Long> requestsBySource, List<String> fatal, TestExecutionSummary summary, Optional<Path> report) {

    /** The result of one rule; absent when no check of this run reached it. */
    public Optional<Result> result(String ruleId) {
      return Optional.ofNullable(rules.get(ruleId)).map(Recorder.RuleStats::result);
    }

    /** The rules with this result, in catalog order. */
    public List<String> rulesWith(Result result) {
      return rules.entrySet().stream().filter(e -> e.getValue().result() == result).map(Map.Entry::getKey).toList();
    }
  }

  /** Runs every property class and the budget plan. */
  public static RunOutcome run(Map<String, String> settings, Listener progress) {
    return run(settings, progress, List.of());
  }

  /**
   * Runs the given suite classes (fully qualified, or simple names of property classes); none = every property
   * class and the budget plan.
   */
  public static RunOutcome run(Map<String, String> settings, Listener progress, List<String> classes) {
    Map<String, String> params = new LinkedHashMap<>();
    Path reportDir = Path.of(settings.getOrDefault("aurous.report.dir", "target"));
    params.put("jqwik.database", reportDir.resolve(".jqwik-database").toString());
    try {
      // jqwik writes its database there before any report: a directory that does not exist yet (a fresh project's
      // target/aurous-conformance) made it log a stack trace and fail its engine
      Files.createDirectories(reportDir);
    } catch (IOException e) {
      // left to the report writer, which names the directory it cannot write
    }
    params.put("jqwik.reporting.onlyfailures", "true");
    params.put("jqwik.reporting.usejunitplatform", "true");
    params.put("jqwik.failures.after.default", "SAMPLE_FIRST");
    params.put("jqwik.edgecases.default", "MIXIN");
    params.putAll(settings);
    Settings resolved = Settings.over(params);
    List<DiscoverySelector> selectors = classes.isEmpty()
        ? List.of(selectPackage(PROPERTIES_PACKAGE), selectClass(BudgetPlanRun.class))
        : classes.stream().<DiscoverySelector>map(c -> selectClass(c.contains(".") ? c
            : PROPERTIES_PACKAGE + "." + c)).toList();
    SuiteRun run = new SuiteRun(resolved, SuiteRuns.innermost().orElse(null));
    run.onRequest(progress::requestSent);
    try {
      // The target and its one preflight request first: an unreachable target, a rejected key or a setting to fix
      // ends the run here, before discovery, with nothing but the report (the run records why).
      run.target();
    } catch (AssertionError | RuntimeException e) {
      selectors = List.of();
    }
    ConformanceListener conformance = new ConformanceListener(run);
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestExecutionListeners(conformance, summary, new Progress(run, progress))
        .build());
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
        .filters(EngineFilter.includeEngines("jqwik")).configurationParameters(params).build());
    Recorder rec = run.recorder();
    Map<String, Recorder.RuleStats> rules = rec.snapshot();
    TestExecutionSummary s = summary.getSummary();
    Status status = run.targetProblem().map(p -> switch (p) {
      case CONFIGURATION -> Status.CONFIGURATION_ERROR;
      case PREFLIGHT -> Status.PREFLIGHT_FAILED;
      case LOST -> Status.FAILED;
    }).orElse(s.getTotalFailureCount() > 0 || rules.values().stream().anyMatch(r -> r.result() == Result.FAILED)
        ? Status.FAILED : Status.PASSED);
    return new RunOutcome(status, rules, run.requestsUsed(), rec.requestsBySource(), rec.fatalMessages(), s,
        conformance.report().map(r -> run.reportDir().resolve("conformance-report.json")));
  }

  /** Forwards the launcher's events to a {@link Listener}. */
  private static final class Progress implements TestExecutionListener {
    private final SuiteRun run;
    private final Listener listener;

    Progress(SuiteRun run, Listener listener) {
      this.run = run;
      this.listener = listener;
    }

    private static Optional<String> family(TestIdentifier id) {
      return id.getSource().filter(ClassSource.class::isInstance)
          .map(s -> ((ClassSource) s).getJavaClass().getSimpleName());
    }

    private static Optional<MethodSource> method(TestIdentifier id) {
      return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    private static List<String> rules(MethodSource m) {
      try {
        Rules r = m.getJavaMethod().getAnnotation(Rules.class);
        return r == null ? List.of() : List.of(r.value());
      } catch (RuntimeException e) {
        return List.of();
      }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isContainer()) {
        family(id).ifPresent(listener::familyStarted);
      } else {
        method(id).ifPresent(m -> listener.checkStarted(simple(m), id.getDisplayName(), rules(m)));
      }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      method(id).ifPresent(m -> listener.checkFinished(simple(m), id.getDisplayName(), rules(m), "SKIPPED", reason,
          run.requestsUsed()));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isContainer()) {
        family(id).ifPresent(f -> listener.familyFinished(f, result.getStatus().name()));
      } else {
        method(id).ifPresent(m -> listener.checkFinished(simple(m), id.getDisplayName(), rules(m),
            result.getStatus().name(), result.getThrowable().map(Throwable::getMessage).orElse(null),
            run.requestsUsed()));
      }
    }

    private static String simple(MethodSource m) {
      String c = m.getClassName();
      return c.substring(c.lastIndexOf('.') + 1);
    }
  }
}
