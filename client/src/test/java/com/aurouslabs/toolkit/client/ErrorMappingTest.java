package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.REQUEST_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented status / error type becomes its own exception class (retries off here). */
class ErrorMappingTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private AurousClient client;

  @BeforeEach
  void setUp() {
    client = new AurousClient(Fixtures.options(wm, new Fixtures.RecordingSleeper()).maxRetries(0).build());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private <T extends Throwable> T callExpecting(ResponseDefinitionBuilder answer, Class<T> type) {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
    return catchThrowableOfType(type, () -> client.estimate(new EstimateRequest().prompt("p")));
  }

  @Test
  void status_400_is_invalid_request_with_the_envelope_and_param() {
    InvalidRequestException e = callExpecting(
        Fixtures.error(400, "invalid_request", "value_out_of_range",
            "width must be between 1024 and 4096, got 512.", "width"),
        InvalidRequestException.class);

    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.type()).contains("invalid_request");
    assertThat(e.code()).contains("value_out_of_range");
    assertThat(e.param()).contains("width");
    assertThat(e.docUrl()).contains("https://docs.aurous-labs.com/errors#value_out_of_range");
    assertThat(e.requestId()).contains(REQUEST_ID);
    assertThat(e.error()).get().extracting(AurousError::message)
        .isEqualTo("width must be between 1024 and 4096, got 512.");
    assertThat(e.header("aurous-version")).contains("2026-05-15");
    assertThat(e.headers()).containsKey("Aurous-Request-Id");
    assertThat(e.getMessage())
        .contains("400", "invalid_request/value_out_of_range", "got 512", "param: width", REQUEST_ID);
  }

  @ParameterizedTest
  @ValueSource(ints = {402, 409, 413, 422})
  void other_documented_invalid_request_statuses_are_invalid_request(int status) {
    InvalidRequestException e = callExpecting(
        Fixtures.error(status, "invalid_request", "request_too_large", "too big", null),
        InvalidRequestException.class);

    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.param()).isEmpty();
  }

  @Test
  void status_401_is_authentication() {
    AuthenticationException e = callExpecting(
        Fixtures.error(401, "authentication", "invalid_api_key", "The API key is not valid.", null),
        AuthenticationException.class);

    assertThat(e).isNotNull();
    assertThat(e.code()).contains("invalid_api_key");
    assertThat(e.statusCode()).isEqualTo(401);
  }

  @Test
  void status_403_is_permission_denied() {
    PermissionDeniedException e = callExpecting(
        Fixtures.error(403, "authentication", "missing_scope", "The key lacks the write scope.", null),
        PermissionDeniedException.class);

    assertThat(e).isNotNull();
    assertThat(e.code()).contains("missing_scope");
  }

  @Test
  void status_404_is_not_found() {
    NotFoundException e = callExpecting(
        Fixtures.error(404, "not_found", "resource_not_found", "No such character.", "character_id"),
        NotFoundException.class);

    assertThat(e).isNotNull();
    assertThat(e.param()).contains("character_id");
  }

  @Test
  void status_429_is_rate_limit_with_retry_after_even_without_param() {
    RateLimitException e = callExpecting(
        aResponse().withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withHeader("Retry-After", "12")
            .withHeader("X-RateLimit-Remaining", "0")
            .withBody("{\"error\":{\"type\":\"rate_limit\",\"code\":\"too_many_requests\","
                + "\"message\":\"Rate limit exceeded for estimate_post. Retry after 12s.\","
                + "\"request_id\":\"" + REQUEST_ID + "\","
                + "\"doc_url\":\"https://docs.aurous-labs.com/errors#too_many_requests\"}}"),
        RateLimitException.class);

    assertThat(e).isNotNull();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(e.code()).contains("too_many_requests");
    assertThat(e.param()).isEmpty();
    assertThat(e.requestId()).contains(REQUEST_ID);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 504})
  void status_5xx_is_server_error(int status) {
    ServerErrorException e = callExpecting(
        Fixtures.error(status, "server_error", "internal_error", "Something went wrong on our side.", null),
        ServerErrorException.class);

    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.code()).contains("internal_error");
  }

  @Test
  void non_json_502_from_a_proxy_is_a_server_error_with_a_useful_message() {
    ServerErrorException e = callExpecting(
        aResponse().withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withHeader("Aurous-Request-Id", REQUEST_ID)
            .withBody("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"),
        ServerErrorException.class);

    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.error()).isEmpty();
    assertThat(e.code()).isEmpty();
    assertThat(e.requestId()).contains(REQUEST_ID);
    assertThat(e.getMessage()).contains("502", "not an Aurous error envelope", "text/html", "502 Bad Gateway");
  }

  @Test
  void unlisted_status_falls_back_to_the_envelope_type_then_to_the_base_class() {
    InvalidRequestException typed = callExpecting(
        Fixtures.error(415, "invalid_request", "invalid_format", "Send application/json.", null),
        InvalidRequestException.class);
    assertThat(typed).isNotNull();

    AurousServiceException untyped = callExpecting(
        aResponse().withStatus(418).withBody("I'm a teapot"), AurousServiceException.class);
    assertThat(untyped).isNotNull().isExactlyInstanceOf(AurousServiceException.class);
    assertThat(untyped.getMessage()).contains("418", "teapot");
  }

  @Test
  void an_undecodable_success_body_is_an_aurous_exception_not_a_feign_one() {
    AurousException e = callExpecting(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{not json"),
        AurousException.class);

    assertThat(e).isNotNull().isNotInstanceOf(AurousServiceException.class);
    assertThat(e.getMessage()).contains("could not be decoded");
  }

  @Test
  void redirects_are_not_followed_so_the_key_never_travels_elsewhere() {
    wm.stubFor(post(urlEqualTo("/elsewhere")).willReturn(Fixtures.ok()));
    AurousServiceException e = callExpecting(
        aResponse().withStatus(308).withHeader("Location", Fixtures.baseUrl(wm) + "/elsewhere"),
        AurousServiceException.class);

    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(308);
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }
}
