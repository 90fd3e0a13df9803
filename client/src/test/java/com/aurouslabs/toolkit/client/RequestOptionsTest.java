package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"X-Api-Key", "x-api-key", "X-API-KEY", "Authorization", "authorization"})
  void a_credential_header_is_refused_loudly_and_the_message_never_shows_the_value(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().header(name, API_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be set per request")
        .hasMessageContaining("AurousClientOptions.apiKey")
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "accept", "Host", "Content-Length", "Transfer-Encoding", "Connection"})
  void a_header_the_client_sets_itself_is_refused(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(name + " cannot be set per request: the client sets it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Mock", "X-Mock:Force", "X-Möck", "X-Mock\r\nX-Evil"})
  void a_header_name_that_is_not_an_http_token_is_refused(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_header_value_with_a_line_break_is_refused_without_echoing_it() {
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", SECRET + "\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Trace")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void headers_are_unique_ignoring_case_and_the_last_value_wins() {
    RequestOptions options = RequestOptions.builder()
        .header("X-Mock-Force", "500").header("x-mock-force", "503").header("X-Trace", "t1")
        .build();

    assertThat(options.headers()).containsExactly(Map.entry("x-mock-force", "503"), Map.entry("X-Trace", "t1"));
    assertThat(options.header("X-MOCK-FORCE")).contains("503");
  }

  @Test
  void timeouts_and_retries_are_checked() {
    assertThatThrownBy(() -> RequestOptions.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> RequestOptions.builder().connectTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(AurousClientOptions.MAX_RETRIES_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThat(RequestOptions.builder().maxRetries(0).build().maxRetries()).hasValue(0);
  }

  @Test
  void none_changes_nothing() {
    assertThat(RequestOptions.none().headers()).isEmpty();
    assertThat(RequestOptions.none().readTimeout()).isEmpty();
    assertThat(RequestOptions.none().connectTimeout()).isEmpty();
    assertThat(RequestOptions.none().maxRetries()).isEmpty();
  }

  @Test
  void to_string_names_the_headers_but_never_shows_their_values() {
    RequestOptions options = RequestOptions.builder().header("X-Proxy-Token", SECRET).maxRetries(1).build();

    assertThat(options.toString()).contains("X-Proxy-Token", "maxRetries=1").doesNotContain(SECRET);
    assertThat(options.toBuilder().build().headers()).isEqualTo(options.headers());
  }
}
