package com.aurouslabs.toolkit.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.ConformanceRunner;
import com.aurouslabs.toolkit.conformance.config.Target;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A misconfigured run stops within seconds, after one preflight request, with one line that says what to set:
 * {@link com.aurouslabs.toolkit.conformance.ConformanceRunner} checks the target before it discovers a property,
 * so the run ends there (PREFLIGHT_FAILED), no property runs and nothing else is sent. (Properties run by another
 * launcher fail the first one with that line and skip the rest: {@code TargetConfigTest}.)
 */
class MisconfigurationTest {

  private static final List<String> CLASSES = List.of("PromptProperties", "NumericProperties", "AuthProperties");

  @org.junit.jupiter.api.BeforeEach
  void notInBudgetMode() {
    org.junit.jupiter.api.Assumptions.assumeFalse(com.aurouslabs.toolkit.conformance.Conformance.run().budgetMode(),
        "budget mode: nothing is sent anywhere but the target");
  }

  @Test
  void a_rejected_key_stops_the_run_after_one_request_naming_aurous_api_key() {
    RunningTarget mock = Target.startMock(com.aurouslabs.toolkit.conformance.Conformance.run().settings(), Defects.NONE, 1000);
    try {
      NestedRun n = NestedRun.of(Map.of("aurous.base.url", mock.baseUrl(), "aurous.api.key",
          "al_live_" + "0".repeat(64)), CLASSES);
      assertThat(n.requests()).as("requests sent").isEqualTo(1);
      assertThat(n.millis()).as("wall time of the run (ms)").isLessThan(10_000);
      assertThat(n.status()).isEqualTo(ConformanceRunner.Status.PREFLIGHT_FAILED);
      assertThat(n.fatal()).singleElement().asString().contains("Set AUROUS_API_KEY").doesNotContain("0000000000");
      assertThat(n.summary().getTestsStartedCount()).as("properties run").isZero();
    } finally {
      mock.close();
    }
  }

  @Test
  void an_unreachable_url_stops_the_run_without_a_request_naming_aurous_base_url() {
    NestedRun n = NestedRun.of(Map.of("aurous.base.url", "http://127.0.0.1:9", "aurous.api.key",
        "al_live_" + "0".repeat(64)), CLASSES);
    assertThat(n.requests()).isZero();
    assertThat(n.millis()).as("wall time of the run (ms)").isLessThan(15_000);
    assertThat(n.status()).isEqualTo(ConformanceRunner.Status.PREFLIGHT_FAILED);
    assertThat(n.fatal()).singleElement().asString().contains("is unreachable").contains("Set AUROUS_BASE_URL");
    assertThat(n.summary().getTestsStartedCount()).as("properties run").isZero();
  }
}
