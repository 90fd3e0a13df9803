package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.check.Finding;
import com.aurouslabs.toolkit.conformance.check.VerdictPolicy;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.config.Target;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.http.Throttle;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import com.aurouslabs.toolkit.conformance.oracle.ReadingOutcome;
import com.aurouslabs.toolkit.conformance.oracle.Violation;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RATE-LIMIT-BUCKET: drains a fresh bucket (capacity 240) until the 429. Only against a mock started for the
 * purpose: against a live API this would burn the team's estimate budget, so it is skipped there.
 */
class RateLimitAcceptanceTest {

  private static final int CAPACITY = 240;

  @Test
  void an_empty_bucket_answers_429_with_retry_after_and_remaining_zero() {
    SuiteRun run = Conformance.run();
    if (run.settings().get(com.aurouslabs.toolkit.conformance.config.Setting.BASE_URL).isPresent()
        || run.budgetMode()) {
      String why = "RATE-LIMIT-BUCKET drains a 240-token bucket (241+ requests): checked only against a dedicated "
          + "embedded mock (RateLimitAcceptanceTest, normal build without AUROUS_BASE_URL / AUROUS_BUDGET_MODE)";
      run.recorder().outcome("RATE-LIMIT-BUCKET", Result.SKIPPED, why, 0);
      Assumptions.abort(why);
    }
    RunningTarget mock = Target.startMock(run.settings(), Defects.NONE, CAPACITY);
    try {
      Fixtures fx = Fixtures.resolve(Settings.of(Map.of()), true);
      Transport t = new Transport(mock.baseUrl(), Fixture.MOCK_API_KEY, fx, new Throttle(0), CAPACITY + 60);
      EstimateCase c = EstimateCase.prompt("a price check loop");
      Exchange last = null;
      for (int i = 0; i <= CAPACITY + 50; i++) { // the bucket refills 2 tokens/s meanwhile
        last = t.send(c, false);
        if (last.status() == 429) {
          break;
        }
      }
      var rule = run.catalog().rule("RATE-LIMIT-BUCKET");
      Expectation exp = new Expectation(List.of(new ReadingOutcome(Map.of(), List.of(List.of(
          Violation.of(rule, Set.of()))), List.of())));
      List<VerdictPolicy.Verdict> verdicts = new ArrayList<>(run.policy().judge(exp, last, "RATE-LIMIT-BUCKET"));
      run.checks().check(last).forEach(f -> verdicts.add(run.policy().finding(f)));
      if (!"0".equals(last.header("X-RateLimit-Remaining").orElse(null)) || last.header("Retry-After").isEmpty()) {
        verdicts.add(run.policy().finding(new Finding("RATE-LIMIT-BUCKET", Set.of("header"),
            "429 without Retry-After or Remaining 0")));
      }
      List<VerdictPolicy.Verdict> failed = verdicts.stream().filter(v -> v.result() == Result.FAILED).toList();
      run.recorder().countCase();
      run.recorder().requests(Recorder.RATE_LIMIT_DRAIN, t.requestsUsed());
      verdicts.forEach(v -> run.recorder().outcome(v.ruleId(), v.result(), v.message(), 0));
      run.recorder().outcome("RATE-LIMIT-BUCKET", failed.isEmpty() ? Result.PASSED : Result.FAILED,
          failed.isEmpty() ? null : failed.toString(), t.requestsUsed());
      assertThat(t.requestsUsed()).as("requests until 429").isBetween((long) CAPACITY + 1, (long) CAPACITY + 51);
      assertThat(failed).as(last.summary()).isEmpty();
    } finally {
      mock.close();
    }
  }
}
