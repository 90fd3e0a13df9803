package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  private void firstThenOk(ResponseDefinitionBuilder first) {
    wm.stubFor(post(urlEqualTo(PATH)).inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("recovered"));
    wm.stubFor(post(urlEqualTo(PATH)).inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(Fixtures.ok()));
  }

  private Estimate estimate(AurousClientOptions options) {
    try (AurousClient client = new AurousClient(options)) {
      return client.estimate(new EstimateRequest().prompt("p"));
    }
  }

  @Test
  void a_503_then_200_is_retried_once_after_the_initial_backoff() {
    firstThenOk(Fixtures.error(503, "server_error", "provider_unavailable", "Try again.", null));

    Estimate estimate = estimate(Fixtures.options(wm, sleeper).build());

    assertThat(estimate.getObject()).isEqualTo(Estimate.ObjectEnum.ESTIMATE);
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void a_429_is_retried_after_exactly_the_retry_after_seconds() {
    firstThenOk(Fixtures.error(429, "rate_limit", "too_many_requests", "Slow down.", null)
        .withHeader("Retry-After", "7"));

    estimate(Fixtures.options(wm, sleeper).build());

    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_huge_retry_after_is_capped() {
    firstThenOk(Fixtures.error(429, "rate_limit", "too_many_requests", "Slow down.", null)
        .withHeader("Retry-After", "86400"));

    estimate(Fixtures.options(wm, sleeper).build());

    assertThat(sleeper.sleeps).containsExactly(RetryLoop.MAX_RETRY_AFTER);
  }

  @Test
  void a_429_without_retry_after_waits_until_the_rate_limit_reset() {
    firstThenOk(Fixtures.error(429, "rate_limit", "too_many_requests", "Slow down.", null)
        .withHeader("X-RateLimit-Reset", "1714752900"));
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1714752890L), ZoneOffset.UTC);

    estimate(Fixtures.options(wm, sleeper).clock(clock).build());

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void a_connection_reset_is_retried_as_a_transport_error() {
    firstThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Estimate estimate = estimate(Fixtures.options(wm, sleeper).build());

    assertThat(estimate).isNotNull();
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void client_errors_are_never_retried(int status) {
    wm.stubFor(post(urlEqualTo(PATH))
        .willReturn(Fixtures.error(status, "invalid_request", "some_code", "No.", null)));

    assertThatThrownBy(() -> estimate(Fixtures.options(wm, sleeper).maxRetries(5).build()))
        .isInstanceOf(AurousServiceException.class)
        .satisfies(e -> assertThat(((AurousServiceException) e).statusCode()).isEqualTo(status));

    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void attempts_are_bounded_and_backoff_doubles_up_to_the_cap() {
    wm.stubFor(post(urlEqualTo(PATH))
        .willReturn(Fixtures.error(503, "server_error", "provider_unavailable", "Down.", null)));

    assertThatThrownBy(() -> estimate(Fixtures.options(wm, sleeper)
            .maxRetries(3)
            .initialRetryDelay(Duration.ofMillis(500))
            .maxRetryDelay(Duration.ofSeconds(1))
            .build()))
        .isInstanceOf(ServerErrorException.class);

    wm.verify(4, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void max_retries_zero_means_a_single_attempt() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> estimate(Fixtures.options(wm, sleeper).maxRetries(0).build()))
        .isInstanceOf(AurousTransportException.class);

    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void a_read_that_stalls_past_the_timeout_is_retried_and_succeeds_when_the_stall_clears() {
    firstThenOk(Fixtures.ok().withFixedDelay(2_000));

    Estimate estimate = estimate(Fixtures.options(wm, sleeper).readTimeout(Duration.ofMillis(200)).build());

    assertThat(estimate.getObject()).isEqualTo(Estimate.ObjectEnum.ESTIMATE);
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void a_non_json_502_then_200_is_retried_and_succeeds() {
    firstThenOk(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>502</html>"));

    assertThat(estimate(Fixtures.options(wm, sleeper).build())).isNotNull();
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void a_read_timeout_is_a_transport_exception() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok().withFixedDelay(2_000)));

    assertThatThrownBy(() -> estimate(Fixtures.options(wm, sleeper)
            .readTimeout(Duration.ofMillis(200))
            .maxRetries(1)
            .build()))
        .isInstanceOf(AurousTransportException.class)
        .hasMessageContaining("without an HTTP answer")
        .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);

    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void backoff_uses_full_jitter_below_an_exponential_ceiling() {
    AurousClientOptions options = AurousClientOptions.builder().apiKey("k")
        .initialRetryDelay(Duration.ofMillis(500)).maxRetryDelay(Duration.ofSeconds(8))
        .jitter(() -> 0.5).build();
    RetryLoop loop = new RetryLoop(options);

    assertThat(loop.backoff(0)).isEqualTo(Duration.ofMillis(250));
    assertThat(loop.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(loop.backoff(3)).isEqualTo(Duration.ofMillis(2000));
    assertThat(loop.backoff(4)).isEqualTo(Duration.ofMillis(4000));
    assertThat(loop.backoff(10)).isEqualTo(Duration.ofMillis(4000));
    assertThat(loop.backoff(62)).isEqualTo(Duration.ofMillis(4000));
  }

  @Test
  void an_interrupted_wait_stops_retrying() {
    wm.stubFor(post(urlEqualTo(PATH))
        .willReturn(Fixtures.error(503, "server_error", "provider_unavailable", "Down.", null)));
    Sleeper interrupted = d -> {
      throw new InterruptedException();
    };

    try {
      assertThatThrownBy(() -> estimate(Fixtures.options(wm, sleeper).sleeper(interrupted).build()))
          .isInstanceOf(AurousException.class)
          .hasMessageContaining("Interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }
}
