package com.aurouslabs.toolkit.conformance.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The oracle's verdicts on the cases the catalog's last changes are about (no target involved). */
class ExpectedOutcomeTest {

  private final ExpectedOutcome oracle = new ExpectedOutcome(SpecDocument.classpath(), RuleCatalog.classpath(),
      Fixtures.resolve(Settings.of(Map.of()), true));

  private List<String> rules(EstimateCase c) {
    return oracle.decide(c).ruleIds();
  }

  private static EstimateCase raw(String json) {
    return EstimateCase.prompt("a cat").rawBody(json, "application/json");
  }

  @Test
  void a_host_the_vendor_lists_is_refused_in_every_reading_and_an_unlisted_one_only_in_the_decision() {
    Expectation listed = oracle.decide(EstimateCase.prompt("a cat")
        .with("reference_image_urls", List.of("https://[::ffff:10.0.0.7]/a.png")));
    assertThat(listed.ruleIds()).containsExactly("REF-URL-HOST-BLOCKED");
    assertThat(listed.readings()).noneMatch(ReadingOutcome::accepted);
    Expectation unlisted = oracle.decide(EstimateCase.prompt("a cat")
        .with("reference_image_urls", List.of("https://example.com/a.png", "https://100.64.0.1/a.png")));
    assertThat(unlisted.ruleIds()).containsExactly("REF-URL-HOST-UNLISTED");
    assertThat(unlisted.violations().get(0).params()).containsExactly("reference_image_urls[1]");
    assertThat(unlisted.readings()).anyMatch(r -> r.accepted() && r.picks().containsKey(Choice.UNLISTED_HOST));
  }

  @Test
  void another_method_on_the_estimate_path_is_not_allowed() {
    Expectation e = oracle.decide(EstimateCase.prompt("a cat").route("GET", SpecDocument.PATH));
    assertThat(e.ruleIds()).containsExactly("ROUTE-METHOD-NOT-ALLOWED");
    assertThat(e.violations().get(0).rule().status()).isEqualTo(405);
    assertThat(e.violations().get(0).params()).isEmpty();
  }

  @Test
  void another_path_is_not_found_whatever_the_method() {
    assertThat(rules(EstimateCase.prompt("a cat").route("POST", "/v1/images/estimates")))
        .containsExactly("ROUTE-NOT-FOUND");
    assertThat(rules(EstimateCase.prompt("a cat").route("GET", "/v1/images"))).containsExactly("ROUTE-NOT-FOUND");
  }

  @Test
  void a_blank_api_key_counts_as_not_sent_so_bearer_decides() {
    Expectation withBearer = oracle.decide(EstimateCase.prompt("a cat").auth(Auth.BLANK_KEY_WITH_BEARER));
    assertThat(withBearer.accepted()).isTrue();
    assertThat(withBearer.ruleIds()).contains("AUTH-HEADER-PRECEDENCE");
    assertThat(rules(EstimateCase.prompt("a cat").auth(Auth.BLANK_KEY))).containsExactly("AUTH-MISSING-KEY");
  }

  @Test
  void authentication_precedes_the_version_and_body_alternatives() {
    EstimateCase c = EstimateCase.prompt("a cat").with("steps", 0).version("latest").auth(Auth.NONE);
    assertThat(rules(c)).containsExactly("AUTH-MISSING-KEY");
  }

  @Test
  void a_body_too_large_may_be_refused_before_authentication() {
    EstimateCase c = EstimateCase.prompt("x".repeat(oracle.maxBodyBytes())).auth(Auth.NONE);
    assertThat(rules(c)).containsExactly("BODY-TOO-LARGE");
  }

  @Test
  void after_authentication_the_version_content_type_and_body_errors_are_alternatives() {
    EstimateCase c = EstimateCase.prompt("a cat").with("steps", 0).version("latest").contentType("text/plain");
    assertThat(rules(c)).containsExactlyInAnyOrder("VERSION-PATTERN", "BODY-CONTENT-TYPE", "STEPS-RANGE");
  }

  @Test
  void a_body_that_is_not_json_has_no_field_violations() {
    EstimateCase c = EstimateCase.prompt("a cat").rawBody("{\"steps\":0", "text/plain").version("2999-01-01");
    assertThat(rules(c)).containsExactlyInAnyOrder("VERSION-UNKNOWN", "BODY-CONTENT-TYPE", "BODY-JSON");
  }

  @Test
  void a_look_up_failure_is_an_alternative_to_a_bad_version() {
    EstimateCase c = EstimateCase.prompt("a cat").with("lora_id", "lora_01JZZZZZZZZZZZZZZZZZZZZZZZ")
        .version("2026-02-30");
    assertThat(rules(c)).containsExactlyInAnyOrder("VERSION-PATTERN", "LORA-NOT-FOUND");
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      guidance_scale | 1e400                  | GUIDANCE-RANGE
      guidance_scale | -1e400                 | GUIDANCE-RANGE
      cfg_rescale    | 1e-400                 | accepted
      cfg_rescale    | -0                     | accepted
      cfg_rescale    | -0.0                   | accepted
      cfg_rescale    | 1.00000000000000000001 | CFG-RESCALE-RANGE
      cfg_rescale    | 1.00000000000000000000 | accepted
      denoise_strength | -0.00000000000000000001 | DENOISE-RANGE
      steps          | 100.0000000000000000001 | BODY-INTEGER
      seed           | 9007199254740992       | SEED-RANGE
      seed           | 9007199254740991       | accepted
      """)
  void bounds_are_judged_on_the_exact_decimal_value(String field, String number, String expected) {
    Expectation e = oracle.decide(raw("{\"prompt\":\"a cat\",\"" + field + "\":" + number + "}"));
    if (expected.equals("accepted")) {
      assertThat(e.accepted()).as(e.toString()).isTrue();
    } else {
      assertThat(e.ruleIds()).as(e.toString()).contains(expected);
      assertThat(e.ruleIds()).doesNotContain("BODY-JSON");
    }
  }
}
