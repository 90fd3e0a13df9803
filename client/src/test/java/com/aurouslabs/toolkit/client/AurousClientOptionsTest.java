package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AurousClientOptionsTest {

  private static final String[] PROPERTIES = {"aurous.api.key", "aurous.base.url", "aurous.version",
      "aurous.connect.timeout.ms", "aurous.read.timeout.ms", "aurous.max.retries"};

  @AfterEach
  void clearProperties() {
    for (String p : PROPERTIES) {
      System.clearProperty(p);
    }
  }

  @Test
  void defaults_are_documented_values() {
    AurousClientOptions o = AurousClientOptions.builder().apiKey(API_KEY).build();

    assertThat(o.baseUrl()).isEqualTo("https://api.aurous-labs.com");
    assertThat(o.apiVersion()).isEmpty();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.maxRetries()).isEqualTo(2);
    assertThat(o.initialRetryDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.maxRetryDelay()).isEqualTo(Duration.ofSeconds(8));
    assertThat(o.logLevel()).isEqualTo(LogLevel.NONE);
  }

  @Test
  void missing_or_blank_api_key_is_rejected_in_build() {
    assertThatThrownBy(() -> AurousClientOptions.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUROUS_API_KEY");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey("  ").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_key_with_whitespace_is_rejected_without_echoing_it() {
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY + "\n").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("al_live_****")
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-5-15", "20260515", "latest", "2026-05-15T00:00", " 2026-05-15"})
  void api_version_must_match_the_date_pattern(String version) {
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).apiVersion(version).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiVersion");
  }

  @Test
  void a_well_formed_version_is_kept() {
    assertThat(AurousClientOptions.builder().apiKey(API_KEY).apiVersion("2026-05-15").build().apiVersion())
        .contains("2026-05-15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ftp://example.com", "not a url", "/v1", "https://user:pw@example.com",
      "https://example.com?x=1"})
  void base_url_must_be_an_absolute_http_url(String url) {
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).baseUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void base_url_loses_its_trailing_slash() {
    assertThat(AurousClientOptions.builder().apiKey(API_KEY).baseUrl("http://127.0.0.1:4010/").build().baseUrl())
        .isEqualTo("http://127.0.0.1:4010");
  }

  @Test
  void timeouts_retries_and_delays_are_validated() {
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).connectTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).readTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).readTimeout(null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).maxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).maxRetries(11).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY)
            .initialRetryDelay(Duration.ofSeconds(2)).maxRetryDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryDelay");
    assertThatThrownBy(() -> AurousClientOptions.builder().apiKey(API_KEY).sleeper(null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sleeper");
  }

  @Test
  void to_string_masks_the_key_to_its_prefix() {
    assertThat(AurousClientOptions.builder().apiKey(API_KEY).build().toString())
        .contains("apiKey=al_live_****").doesNotContain(SECRET);
    assertThat(AurousClientOptions.builder().apiKey("og_" + SECRET).build().toString())
        .contains("apiKey=og_****").doesNotContain(SECRET);
    assertThat(AurousClientOptions.builder().apiKey("sk-" + SECRET).build().toString())
        .contains("apiKey=****").doesNotContain(SECRET);
    try (AurousClient client = new AurousClient(AurousClientOptions.builder().apiKey(API_KEY).build())) {
      assertThat(client.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void to_builder_round_trips() {
    AurousClientOptions o = AurousClientOptions.builder().apiKey(API_KEY).apiVersion("2026-05-15")
        .maxRetries(4).build();
    AurousClientOptions copy = o.toBuilder().readTimeout(Duration.ofSeconds(3)).build();

    assertThat(copy.apiKey()).isEqualTo(API_KEY);
    assertThat(copy.apiVersion()).contains("2026-05-15");
    assertThat(copy.maxRetries()).isEqualTo(4);
    assertThat(copy.readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void from_env_reads_system_properties() {
    System.setProperty("aurous.api.key", "og_" + SECRET);
    System.setProperty("aurous.base.url", "http://127.0.0.1:4010");
    System.setProperty("aurous.version", "2026-05-15");
    System.setProperty("aurous.connect.timeout.ms", "1500");
    System.setProperty("aurous.read.timeout.ms", "2500");
    System.setProperty("aurous.max.retries", "5");

    AurousClientOptions o = AurousClientOptions.fromEnv();

    assertThat(o.apiKey()).isEqualTo("og_" + SECRET);
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:4010");
    assertThat(o.apiVersion()).contains("2026-05-15");
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(o.maxRetries()).isEqualTo(5);
  }

  @Test
  void from_env_prefers_the_system_property_over_the_environment_variable() {
    System.setProperty("aurous.api.key", "al_live_from_property");
    System.setProperty("aurous.max.retries", "1");
    Map<String, String> env = Map.of(
        "AUROUS_API_KEY", "al_live_from_environment",
        "AUROUS_MAX_RETRIES", "7",
        "AUROUS_BASE_URL", "http://127.0.0.1:4010");

    AurousClientOptions o = AurousClientOptions.builder().fromEnv(System::getProperty, env::get).build();

    assertThat(o.apiKey()).isEqualTo("al_live_from_property");
    assertThat(o.maxRetries()).isEqualTo(1);
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:4010");
  }

  @Test
  void from_env_falls_back_to_the_environment_and_keeps_builder_values_otherwise() {
    Map<String, String> env = Map.of("AUROUS_API_KEY", "al_live_from_environment", "AUROUS_VERSION", " ");
    UnaryOperator<String> noProperties = name -> null;

    AurousClientOptions o = AurousClientOptions.builder().readTimeout(Duration.ofSeconds(3))
        .fromEnv(noProperties, env::get).build();

    assertThat(o.apiKey()).isEqualTo("al_live_from_environment");
    assertThat(o.apiVersion()).isEmpty();
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void from_env_rejects_a_non_numeric_timeout_naming_the_variable() {
    System.setProperty("aurous.api.key", API_KEY);
    System.setProperty("aurous.read.timeout.ms", "30s");

    assertThatThrownBy(AurousClientOptions::fromEnv)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AUROUS_READ_TIMEOUT_MS");
  }
}
