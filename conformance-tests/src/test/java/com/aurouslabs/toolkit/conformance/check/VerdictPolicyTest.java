package com.aurouslabs.toolkit.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.conformance.check.VerdictPolicy.Verdict;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The verdict policy on answers another implementation may give (no target involved): only a documented part
 * fails; an inferred difference warns; a documented security rule fails when the blocked input is accepted, an
 * inferred one warns.
 */
class VerdictPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RuleCatalog CATALOG = RuleCatalog.classpath();
  private final ExpectedOutcome oracle = new ExpectedOutcome(SpecDocument.classpath(), CATALOG,
      Fixtures.resolve(Settings.of(Map.of()), true));
  private final VerdictPolicy policy = new VerdictPolicy(CATALOG, null, SpecDocument.classpath()::fieldsCiting);

  private static Exchange answer(EstimateCase c, int status, String type, String code, String param) {
    String body;
    if (status == 200) {
      body = "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":1,\"breakdown\":{\"base\":1}},\"currency\":\"credit\"}";
    } else {
      body = "{\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"m\",\"param\":"
          + (param == null ? "null" : "\"" + param + "\"") + ",\"doc_url\":\"https://docs.aurous-labs.com/errors#"
          + code + "\",\"request_id\":\"req_01HXMQ7Z3K8Y2NABCDEFGHJKMN\"}}";
    }
    try {
      return new Exchange(c, "http://target" + c.path(), status, Map.of(), body, JSON.readTree(body), 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Result> judge(EstimateCase c, int status, String type, String code, String param,
      String primary) {
    List<Verdict> v = policy.judge(oracle.decide(c), answer(c, status, type, code, param), primary);
    return v.stream().collect(Collectors.toMap(Verdict::ruleId, Verdict::result, Result::worst));
  }

  private static EstimateCase refs(String... urls) {
    return EstimateCase.prompt("a cat").with("reference_image_urls", List.of((Object[]) urls));
  }

  @Test
  void param_null_on_size_with_dimensions_is_a_warning_not_a_crash() {
    EstimateCase c = EstimateCase.prompt("a cat").with("size", "2k_1_1").with("width", 1024).with("height", 1024);
    assertThat(judge(c, 400, "invalid_request", "parameter_invalid_combination", null, "SIZE-XOR-DIMS"))
        .containsExactly(Map.entry("SIZE-XOR-DIMS", Result.WARNING));
  }

  @Test
  void a_blocked_host_rejected_with_another_param_spelling_is_a_warning() {
    EstimateCase c = refs("https://127.0.0.1/a.png");
    assertThat(judge(c, 400, "invalid_request", "invalid_format", "reference_image_urls", "REF-URL-HOST-BLOCKED"))
        .containsExactly(Map.entry("REF-URL-HOST-BLOCKED", Result.WARNING));
    assertThat(judge(c, 400, "invalid_request", "invalid_format", "reference_image_urls[0]", "REF-URL-HOST-BLOCKED"))
        .isEmpty();
  }

  @Test
  void a_blocked_host_accepted_fails_the_security_rule() {
    assertThat(judge(refs("https://10.0.0.7/a.png"), 200, null, null, null, "REF-URL-HOST-BLOCKED"))
        .containsEntry("REF-URL-HOST-BLOCKED", Result.FAILED);
  }

  @Test
  void a_listed_host_accepted_in_any_spelling_fails_the_documented_host_rule() {
    for (String url : List.of("https://0x7f.1/a.png", "https://[::ffff:10.0.0.7]/a.png", "https://localhost/a.png",
        "https://metadata.google.internal./a.png", "https://[64:ff9b::a9fe:a9fe]/a.png")) {
      assertThat(judge(refs(url), 200, null, null, null, "REF-URL-HOST-BLOCKED")).as(url)
          .containsExactly(Map.entry("REF-URL-HOST-BLOCKED", Result.FAILED));
    }
  }

  @Test
  void a_host_outside_the_vendors_list_accepted_is_a_warning_that_fails_only_under_strict() {
    for (String url : List.of("https://100.64.0.1/a.png", "https://intranet/a.png", "https://0.0.0.0/a.png",
        "https://100.100.100.200/a.png", "https://[fec0::1]/a.png", "https://service.internal/a.png")) {
      EstimateCase c = refs(url);
      assertThat(judge(c, 200, null, null, null, "REF-URL-HOST-UNLISTED")).as(url)
          .containsExactly(Map.entry("REF-URL-HOST-UNLISTED", Result.WARNING));
      VerdictPolicy strict = new VerdictPolicy(CATALOG, "true", f -> List.of());
      assertThat(strict.judge(oracle.decide(c), answer(c, 200, null, null, null), "REF-URL-HOST-UNLISTED"))
          .as(url).extracting(Verdict::result).containsExactly(Result.FAILED);
    }
  }

  @Test
  void a_host_outside_the_vendors_list_refused_in_other_words_is_a_warning_and_in_ours_passes() {
    EstimateCase c = refs("https://100.64.0.1/a.png");
    assertThat(judge(c, 400, "invalid_request", "unsafe_url", "reference_image_urls", "REF-URL-HOST-UNLISTED"))
        .containsExactly(Map.entry("REF-URL-HOST-UNLISTED", Result.WARNING));
    assertThat(judge(c, 400, "invalid_request", "invalid_format", "reference_image_urls[0]", "REF-URL-HOST-UNLISTED"))
        .isEmpty();
  }

  @Test
  void userinfo_accepted_is_a_warning_as_the_vendor_is_silent_on_it() {
    assertThat(judge(refs("https://user@example.com/a.png"), 200, null, null, null, "REF-URL-NO-USERINFO"))
        .containsExactly(Map.entry("REF-URL-NO-USERINFO", Result.WARNING));
    assertThat(judge(refs("https://u:p@example.com/a.png"), 200, null, null, null, "REF-URL-NO-USERINFO"))
        .containsExactly(Map.entry("REF-URL-NO-USERINFO", Result.WARNING));
  }

  @Test
  void userinfo_hiding_a_listed_host_accepted_fails_on_the_host() {
    assertThat(judge(refs("https://example.com@127.0.0.1/a.png"), 200, null, null, null, "REF-URL-NO-USERINFO"))
        .containsEntry("REF-URL-HOST-BLOCKED", Result.FAILED)
        .containsEntry("REF-URL-NO-USERINFO", Result.WARNING);
  }

  @Test
  void unicode_whitespace_prompt_accepted_is_a_warning_but_ascii_whitespace_accepted_fails() {
    EstimateCase unicode = EstimateCase.prompt(" \u3000\n\u00A0");
    assertThat(judge(unicode, 200, null, null, null, "PROMPT-NOT-BLANK"))
        .containsExactly(Map.entry("PROMPT-NOT-BLANK", Result.WARNING));
    assertThat(judge(EstimateCase.prompt(" \t\n "), 200, null, null, null, "PROMPT-NOT-BLANK"))
        .containsExactly(Map.entry("PROMPT-NOT-BLANK", Result.FAILED));
  }

  @Test
  void a_number_beyond_double_precision_accepted_is_a_warning() {
    EstimateCase c = EstimateCase.prompt("x").rawBody("{\"prompt\":\"a cat\",\"cfg_rescale\":1.00000000000000000001}",
        "application/json");
    assertThat(judge(c, 200, null, null, null, "CFG-RESCALE-RANGE"))
        .containsExactly(Map.entry("CFG-RESCALE-RANGE", Result.WARNING));
    EstimateCase clear = EstimateCase.prompt("a cat").with("cfg_rescale", new java.math.BigDecimal("1.01"));
    assertThat(judge(clear, 200, null, null, null, "CFG-RESCALE-RANGE"))
        .containsExactly(Map.entry("CFG-RESCALE-RANGE", Result.FAILED));
  }

  @Test
  void a_blank_api_key_answered_invalid_api_key_is_a_warning() {
    EstimateCase c = EstimateCase.prompt("a cat").auth(Auth.BLANK_KEY);
    assertThat(judge(c, 401, "authentication", "invalid_api_key", null, "AUTH-MISSING-KEY"))
        .containsExactly(Map.entry("AUTH-MISSING-KEY", Result.WARNING));
    EstimateCase none = EstimateCase.prompt("a cat").auth(Auth.NONE);
    assertThat(judge(none, 401, "authentication", "invalid_api_key", null, "AUTH-MISSING-KEY"))
        .containsExactly(Map.entry("AUTH-MISSING-KEY", Result.FAILED));
  }

  @Test
  void a_malformed_character_id_may_be_refused_as_malformed_but_a_well_formed_one_must_be_404() {
    EstimateCase malformed = EstimateCase.prompt("a cat").with("character_id", "char_ZZZZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(judge(malformed, 400, "invalid_request", "invalid_format", "character_id", "CHAR-NOT-FOUND"))
        .containsExactly(Map.entry("CHAR-ID-FORM", Result.WARNING));
    assertThat(judge(malformed, 404, "not_found", "resource_not_found", "character_id", "CHAR-NOT-FOUND")).isEmpty();
    EstimateCase wellFormed = EstimateCase.prompt("a cat").with("character_id", "char_01JZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(judge(wellFormed, 400, "invalid_request", "invalid_format", "character_id", "CHAR-NOT-FOUND"))
        .containsEntry("CHAR-NOT-FOUND", Result.FAILED);
    assertThat(judge(wellFormed, 404, "not_found", "not_found", "character_id", "CHAR-NOT-FOUND"))
        .containsExactly(Map.entry("CHAR-NOT-FOUND", Result.WARNING));
  }

  @Test
  void a_malformed_id_accepted_fails_the_look_up_rule_under_either_reading() {
    EstimateCase c = EstimateCase.prompt("a cat").with("character_id", "char_ZZZ");
    assertThat(judge(c, 200, null, null, null, "CHAR-ID-FORM")).containsEntry("CHAR-NOT-FOUND", Result.FAILED);
    EstimateCase lora = EstimateCase.prompt("a cat").with("lora_id", "Not a LoRA id!");
    assertThat(judge(lora, 200, null, null, null, "LORA-ID-FORM")).containsEntry("LORA-NOT-FOUND", Result.FAILED);
    EstimateCase file = refs("file_ZZZZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(judge(file, 200, null, null, null, "REF-FILE-ID-FORM")).containsEntry("REF-FILE-EXISTS", Result.FAILED);
    assertThat(judge(file, 400, "invalid_request", "invalid_format", "reference_image_urls", "REF-FILE-ID-FORM"))
        .containsExactly(Map.entry("REF-FILE-ID-FORM", Result.WARNING));
  }

  @Test
  void strict_mode_keeps_the_explanation_and_fails_its_inferred_parts() {
    EstimateCase c = EstimateCase.prompt("a cat").version("2026-02-30");
    assertThat(judge(c, 400, "invalid_request", "unknown_version", null, "VERSION-PATTERN"))
        .containsExactly(Map.entry("VERSION-PATTERN", Result.WARNING));
    VerdictPolicy strict = new VerdictPolicy(CATALOG, "true", SpecDocument.classpath()::fieldsCiting);
    List<Verdict> v = strict.judge(oracle.decide(c), answer(c, 400, "invalid_request", "unknown_version", null),
        "VERSION-PATTERN");
    assertThat(v).extracting(Verdict::ruleId, Verdict::result).containsExactly(
        org.assertj.core.groups.Tuple.tuple("VERSION-PATTERN", Result.FAILED));
    assertThat(v.get(0).parts()).containsExactlyInAnyOrder("code", "param");
  }

  @Test
  void an_in_range_count_refused_fails_count_range_not_body_integer() {
    EstimateCase c = EstimateCase.prompt("a cat").with("count", 3).with("steps", 30);
    assertThat(judge(c, 400, "invalid_request", "value_out_of_range", "count", "COUNT-RANGE"))
        .containsExactly(Map.entry("COUNT-RANGE", Result.FAILED));
    assertThat(judge(c, 400, "invalid_request", "value_out_of_range", "steps", "COUNT-RANGE"))
        .containsExactly(Map.entry("STEPS-RANGE", Result.FAILED));
  }

  @Test
  void a_whole_float_or_a_fraction_answered_either_way_is_a_warning() {
    EstimateCase whole = EstimateCase.prompt("a cat").with("count", new java.math.BigDecimal("2.0"));
    assertThat(judge(whole, 400, "invalid_request", "invalid_format", "count", "COUNT-RANGE"))
        .containsExactly(Map.entry("BODY-INTEGER", Result.WARNING));
    EstimateCase fraction = EstimateCase.prompt("a cat").with("width", new java.math.BigDecimal("1024.5"))
        .with("height", 1024);
    assertThat(judge(fraction, 200, null, null, null, "DIM-RANGE"))
        .containsExactly(Map.entry("BODY-INTEGER", Result.WARNING));
  }

  @Test
  void another_evaluation_order_is_a_precedence_warning() {
    EstimateCase c = EstimateCase.prompt("a cat").with("steps", 0).with("lora_id", "lora_01JZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(judge(c, 404, "not_found", "resource_not_found", "lora_id", "STEPS-RANGE"))
        .containsExactly(Map.entry("STEPS-RANGE", Result.WARNING));
  }

  @Test
  void an_undocumented_code_differs_as_a_warning_a_documented_one_fails() {
    EstimateCase tooBig = EstimateCase.prompt("a cat").with("negative_prompt", "x".repeat(oracle.maxBodyBytes()));
    assertThat(judge(tooBig, 413, "invalid_request", "payload_too_large", null, "BODY-TOO-LARGE"))
        .containsExactly(Map.entry("BODY-TOO-LARGE", Result.WARNING));
    EstimateCase lone = EstimateCase.prompt("a cat").with("width", 1024);
    assertThat(judge(lone, 400, "invalid_request", "invalid_format", "height", "DIM-PAIR"))
        .containsExactly(Map.entry("DIM-PAIR", Result.FAILED));
  }

  @Test
  void the_other_header_precedence_or_a_null_read_as_a_wrong_type_is_a_warning() {
    EstimateCase bearerWins = EstimateCase.prompt("a cat").auth(Auth.BAD_KEY_WINS_OVER_BEARER);
    assertThat(judge(bearerWins, 200, null, null, null, "AUTH-HEADER-PRECEDENCE"))
        .containsExactly(Map.entry("AUTH-HEADER-PRECEDENCE", Result.WARNING));
    EstimateCase nul = EstimateCase.prompt("a cat").withNull("seed");
    assertThat(judge(nul, 400, "invalid_request", "invalid_format", null, "BODY-NULL-AS-ABSENT"))
        .containsExactly(Map.entry("BODY-NULL-AS-ABSENT", Result.WARNING));
  }

  @Test
  void a_dimension_that_snaps_into_range_may_be_accepted_but_one_far_out_may_not() {
    EstimateCase near = EstimateCase.prompt("a cat").with("width", 1010).with("height", 1024);
    assertThat(judge(near, 200, null, null, null, "DIM-RANGE")).containsExactly(Map.entry("DIM-RANGE", Result.WARNING));
    EstimateCase far = EstimateCase.prompt("a cat").with("width", 1000).with("height", 1024);
    assertThat(judge(far, 200, null, null, null, "DIM-RANGE")).containsExactly(Map.entry("DIM-RANGE", Result.FAILED));
  }

  @Test
  void strict_mode_fails_what_it_names() {
    VerdictPolicy strictParam = new VerdictPolicy(CATALOG, "param", f -> List.of());
    EstimateCase c = refs("https://127.0.0.1/a.png");
    List<Verdict> v = strictParam.judge(oracle.decide(c),
        answer(c, 400, "invalid_request", "invalid_format", "reference_image_urls"), "REF-URL-HOST-BLOCKED");
    assertThat(v).extracting(Verdict::result).containsExactly(Result.FAILED);
    assertThatThrownBy(() -> new VerdictPolicy(CATALOG, "params", f -> List.of())).hasMessageContaining("AUROUS_STRICT");
  }
}
