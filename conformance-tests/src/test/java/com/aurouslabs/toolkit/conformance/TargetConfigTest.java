package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.Curl;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Throttle;
import com.aurouslabs.toolkit.conformance.http.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Target plumbing: fail fast with what to set, skips name the variable, curl masks the key. */
class TargetConfigTest {

  @Test
  void a_url_without_a_key_fails_fast_saying_what_to_set() {
    SuiteRun run = new SuiteRun(Settings.of(Map.of("aurous.base.url", "https://api.example.invalid")));
    assertThatThrownBy(run::target).isInstanceOf(AssertionError.class).hasMessageContaining("AUROUS_API_KEY");
  }

  @Test
  void an_unreachable_target_fails_fast_saying_what_to_set() {
    SuiteRun run = new SuiteRun(Settings.of(Map.of("aurous.base.url", "http://127.0.0.1:9",
        "aurous.api.key", "al_live_0000", "aurous.quiet", "true")));
    assertThatThrownBy(() -> run.transport().send(EstimateCase.prompt("x")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("AUROUS_BASE_URL");
  }

  @Test
  void an_unusable_target_fails_the_first_check_and_skips_every_later_one_with_the_same_line() {
    SuiteRun run = new SuiteRun(Settings.of(Map.of("aurous.base.url", "http://127.0.0.1:9",
        "aurous.api.key", "al_live_0000", "aurous.quiet", "true")));
    assertThatThrownBy(run::target).isInstanceOf(AssertionError.class)
        .hasMessageContaining("is unreachable").hasMessageContaining("Set AUROUS_BASE_URL (-Daurous.base.url)");
    assertThatThrownBy(run::target).isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith("not run: ").hasMessageContaining("is unreachable");
  }

  @Test
  void a_runner_that_names_its_own_options_gets_them_in_the_line() {
    SuiteRun run = new SuiteRun(Settings.of(Map.of("aurous.base.url", "http://127.0.0.1:9",
        "aurous.api.key", "al_live_0000", "aurous.quiet", "true",
        Settings.hintKey(com.aurouslabs.toolkit.conformance.config.Setting.BASE_URL), "--base-url")));
    assertThatThrownBy(run::target).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Give --base-url the API's reachable base URL.")
        .hasMessageNotContaining("AUROUS_BASE_URL").hasMessageNotContaining("-Daurous");
  }

  @Test
  void missing_fixtures_against_a_url_are_skips_naming_the_variable() {
    Fixtures fx = Fixtures.resolve(Settings.of(Map.of()), false);
    assertThatThrownBy(() -> fx.require(Fixture.READY_CHARACTER)).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("AUROUS_READY_CHARACTER_ID");
    assertThat(Fixtures.resolve(Settings.of(Map.of()), true).has(Fixture.READY_CHARACTER)).isTrue();
  }

  @Test
  void curl_masks_the_key() {
    String curl = Curl.of(EstimateCase.prompt("it's").auth(Auth.BEARER), "https://api.example.invalid",
        "al_live_" + "a".repeat(64));
    assertThat(curl).contains("Bearer al_live_****").doesNotContain("aaaa").contains("'\\''");
  }

  @Test
  void the_request_budget_is_enforced_as_a_skip() {
    Transport t = new Transport("http://127.0.0.1:9", "k", Fixtures.resolve(Settings.of(Map.of()), true),
        new Throttle(0), 0);
    assertThatThrownBy(() -> t.send(EstimateCase.prompt("x"))).isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("AUROUS_REQUEST_BUDGET");
  }
}
