package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.ConformanceRunner.RunOutcome;
import com.aurouslabs.toolkit.conformance.ConformanceRunner.Status;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API the CLI calls: outcome per rule, the distinct ends of a run, aurous.only, progress, the report files. */
class ConformanceRunnerTest {

  private static final String BAD_KEY = "al_live_" + "0".repeat(64);

  @Test
  void only_runs_the_checks_claiming_the_named_rules_and_reports_progress_and_files() throws Exception {
    List<String> finished = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    Path dir = Path.of("target", "runner-only");
    RunOutcome outcome = ConformanceRunner.run(Map.of("aurous.only", "DIM-RANGE,PROMPT-REQUIRED",
        "aurous.tries", "20", "aurous.seed", "2026051501", "aurous.quiet", "true", "aurous.report.dir", dir.toString(), "aurous.report.part", "run"),
        new ConformanceRunner.Listener() {
          @Override
          public void requestSent(long requestsSoFar) {
            sent.set(requestsSoFar);
          }

          @Override
          public void checkFinished(String family, String name, List<String> rules, String status, String reason,
              long requestsSoFar) {
            if (!"SKIPPED".equals(status)) {
              finished.add(family + ": " + rules);
            }
          }
        });
    assertThat(outcome.status()).as("failed rules %s, failed checks %s, fatal %s", outcome.rulesWith(Result.FAILED),
        outcome.summary().getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": "
            + f.getException().getMessage()).toList(), outcome.fatal()).isEqualTo(Status.PASSED);
    assertThat(outcome.result("DIM-RANGE")).contains(Result.PASSED);
    assertThat(outcome.result("PROMPT-REQUIRED")).contains(Result.PASSED);
    assertThat(outcome.result("LORA-MODE")).as("a rule no selected check claims").isEmpty();
    assertThat(finished).isNotEmpty().allSatisfy(f -> assertThat(f).containsAnyOf("DIM-RANGE", "PROMPT-REQUIRED",
        "BudgetPlanRun"));
    assertThat(outcome.requests()).isPositive().isEqualTo(sent.get());
    assertThat(outcome.report()).contains(dir.resolve("conformance-report.json"));
    assertThat(Files.readString(dir.resolve("conformance-report.json"))).contains("\"DIM-RANGE\"");
    assertThat(dir.resolve("conformance-report.md")).exists();
  }

  @Test
  void a_rejected_key_is_a_preflight_failure_after_one_request() {
    Map<String, String> none = Map.of();
    try (RunningTarget mock = com.aurouslabs.toolkit.conformance.config.Target.startMock(
        com.aurouslabs.toolkit.conformance.config.Settings.of(none), "NONE", 1000)) {
      RunOutcome outcome = ConformanceRunner.run(Map.of("aurous.base.url", mock.baseUrl(), "aurous.api.key", BAD_KEY,
          "aurous.quiet", "true", "aurous.report", "false"), ConformanceRunner.Listener.NONE);
      assertThat(outcome.status()).isEqualTo(Status.PREFLIGHT_FAILED);
      assertThat(outcome.requests()).isEqualTo(1);
      assertThat(outcome.fatal()).singleElement().asString().contains("Set AUROUS_API_KEY").doesNotContain(BAD_KEY);
    }
  }

  @Test
  void a_url_without_a_key_is_a_configuration_error_naming_aurous_api_key() {
    RunOutcome outcome = ConformanceRunner.run(Map.of("aurous.base.url", "https://api.example.invalid",
        "aurous.quiet", "true", "aurous.report", "false", "aurous.api.key", " "), ConformanceRunner.Listener.NONE);
    assertThat(outcome.status()).isEqualTo(Status.CONFIGURATION_ERROR);
    assertThat(outcome.requests()).isZero();
    assertThat(outcome.fatal()).singleElement().asString().contains("AUROUS_API_KEY");
  }
}
