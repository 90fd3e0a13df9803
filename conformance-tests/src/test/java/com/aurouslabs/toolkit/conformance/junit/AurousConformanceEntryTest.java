package com.aurouslabs.toolkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The JUnit entry: an {@code @AurousConformance} class is one JUnit test per catalog rule, with the same reports. */
class AurousConformanceEntryTest {

  /**
   * What a user's test class looks like (here against the embedded mock, in budget mode to keep the build short).
   * Nested, so the build's test runner leaves it to this test's own launcher.
   */
  @AurousConformance(budget = true, reportDir = "target/aurous-conformance")
  static class BudgetPlanAgainstTheEmbeddedMock {
  }

  /** A user's class that leaves everything to launcher configuration parameters (aurous.base.url, ...). */
  @AurousConformance(reportDir = "target/aurous-conformance-unreachable")
  static class ConfiguredByLauncherParameters {
  }

  private static TestExecutionSummary run(Class<?> c, Map<String, String> params, List<String> failures) {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    TestExecutionListener messages = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        result.getThrowable().ifPresent(t -> failures.add(id.getDisplayName() + ": " + t.getMessage()));
      }
    };
    // As in a user's project, which has not this module's junit-platform.properties (usejunitplatform=false there
    // prints jqwik's report of each aborted property of the unreachable case into the build log).
    Map<String, String> launcherParams = new java.util.HashMap<>(params);
    launcherParams.putIfAbsent("jqwik.reporting.usejunitplatform", "true");
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c))
        .filters(EngineFilter.includeEngines(AurousConformanceEngine.ID)).configurationParameters(launcherParams)
        .build(),
        summary, messages);
    return summary.getSummary();
  }

  @Test
  void an_annotated_class_is_one_test_per_catalog_rule_and_writes_the_report() {
    List<String> failures = new ArrayList<>();
    TestExecutionSummary s = run(BudgetPlanAgainstTheEmbeddedMock.class, Map.of("aurous.quiet", "true"), failures);
    int rules = RuleCatalog.classpath().all().size();
    assertThat(s.getTestsFoundCount()).as("tests: one per rule of rules.yaml").isEqualTo(rules);
    assertThat(failures).as("failures against the correct mock").isEmpty();
    assertThat(s.getTestsSucceededCount()).as("rules passed (the rest skipped with a reason)").isGreaterThan(rules - 5);
    assertThat(Path.of("target/aurous-conformance/conformance-report.json")).exists();
    assertThat(Path.of("target/aurous-conformance/conformance-report.md")).exists();
  }

  @Test
  void launcher_parameters_configure_it_and_an_unreachable_url_fails_the_class_with_one_line() throws Exception {
    List<String> failures = new ArrayList<>();
    String key = "al_live_" + "0".repeat(64);
    TestExecutionSummary s = run(ConfiguredByLauncherParameters.class, Map.of("aurous.base.url",
        "http://127.0.0.1:9", "aurous.api.key", key, "aurous.quiet", "true"), failures);
    assertThat(s.getTestsSucceededCount()).isZero();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains("Set AUROUS_BASE_URL").doesNotContain(key).doesNotContain("\n\tat ");
    Path md = Path.of("target/aurous-conformance-unreachable/conformance-report.md");
    if (Files.exists(md)) {
      assertThat(Files.readString(md)).doesNotContain(key);
    }
  }
}
