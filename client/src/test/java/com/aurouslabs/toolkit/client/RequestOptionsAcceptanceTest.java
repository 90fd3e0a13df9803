package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Per-request options over real HTTP (WireMock on loopback): the headers arrive, the client's credential
 * cannot be replaced, the timeout and retry budget apply to that call only, and nothing leaks into the next.
 * The {@code X-Mock-Force: 503} stub stands in for the offline mock's forced outcome.
 */
class RequestOptionsAcceptanceTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  private void forced503OtherwiseOk() {
    wm.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(Fixtures.ok()));
    wm.stubFor(post(urlEqualTo(PATH)).atPriority(1).withHeader("X-Mock-Force", equalTo("503"))
        .willReturn(Fixtures.error(503, "server_error", "provider_unavailable", "Forced.", null)));
  }

  @Test
  void extra_headers_are_sent_with_that_request_only_and_the_key_stays_the_clients() {
    forced503OtherwiseOk();
    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      RequestOptions traced = RequestOptions.builder().header("X-Trace-Id", "trace-1")
          .header("X-Mock-Scenario", "{not-a-template}").build();

      client.estimate(new EstimateRequest().prompt("first"), traced);
      client.estimate(new EstimateRequest().prompt("second"));
    }

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("X-Trace-Id")).isEqualTo("trace-1");
    assertThat(requests.get(0).getHeader("X-Mock-Scenario")).isEqualTo("{not-a-template}");
    assertThat(requests.get(0).getHeaders().getHeader("X-Api-Key").values()).containsExactly(API_KEY);
    assertThat(requests.get(1).containsHeader("X-Trace-Id")).isFalse();
    assertThat(requests.get(1).containsHeader("X-Mock-Scenario")).isFalse();
  }

  @Test
  void a_forced_503_is_retried_with_the_per_request_budget() {
    forced503OtherwiseOk();
    RequestOptions force503 = RequestOptions.builder().header("X-Mock-Force", "503").maxRetries(3).build();

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).maxRetries(1).build())) {
      assertThatThrownBy(() -> client.estimate(new EstimateRequest().prompt("p"), force503))
          .isInstanceOf(ServerErrorException.class);
      wm.verify(4, postRequestedFor(urlEqualTo(PATH)).withHeader("X-Mock-Force", equalTo("503")));

      assertThatThrownBy(() -> client.estimate(new EstimateRequest().prompt("p"),
          force503.toBuilder().maxRetries(0).build())).isInstanceOf(ServerErrorException.class);
      wm.verify(5, postRequestedFor(urlEqualTo(PATH)).withHeader("X-Mock-Force", equalTo("503")));

      assertThat(client.estimate(new EstimateRequest().prompt("p")).getObject()).isNotNull();
    }
    assertThat(sleeper.sleeps).hasSize(3);
  }

  @Test
  void a_per_request_read_timeout_applies_to_that_request_only() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok().withFixedDelay(600)));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper)
        .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build())) {
      assertThatThrownBy(() -> client.estimate(new EstimateRequest().prompt("p"),
          RequestOptions.builder().readTimeout(Duration.ofMillis(150)).build()))
          .isInstanceOf(AurousTransportException.class)
          .hasMessageContaining("SocketTimeoutException");

      assertThat(client.estimate(new EstimateRequest().prompt("p")).getObject()).isNotNull();
    }
  }

  @Test
  void aurous_version_per_request_replaces_the_clients_pin_and_is_sent_once() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).apiVersion("2026-05-15").build())) {
      client.estimate(new EstimateRequest().prompt("p"),
          RequestOptions.builder().header("aurous-version", "2026-13-45").build());
      client.estimate(new EstimateRequest().prompt("p"));
    }

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests.get(0).getHeaders().getHeader("Aurous-Version").values()).containsExactly("2026-13-45");
    assertThat(requests.get(1).getHeaders().getHeader("Aurous-Version").values()).containsExactly("2026-05-15");
    wm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Mock-Force", absent()));
  }

  @Test
  void a_caller_header_carrying_the_key_is_masked_in_the_wire_log() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger wire = (Logger) LoggerFactory.getLogger(AurousClient.HTTP_LOGGER);
    appender.start();
    wire.addAppender(appender);
    wire.setAdditive(false);
    wire.setLevel(Level.DEBUG);
    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).logLevel(LogLevel.FULL).build())) {
      client.estimate(new EstimateRequest().prompt("p"),
          RequestOptions.builder().header("X-Forwarded-Key", API_KEY).build());
    } finally {
      wire.detachAppender(appender);
      wire.setAdditive(true);
      wire.setLevel(null);
    }

    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.contains("X-Forwarded-Key: al_live_****"))
        .noneMatch(line -> line.contains(SECRET));
    wm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Forwarded-Key", equalTo(API_KEY)));
  }
}
