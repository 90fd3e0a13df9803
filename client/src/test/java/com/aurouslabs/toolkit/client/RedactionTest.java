package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The API key never shows up in logs (even at FULL), exception messages or toString. */
class RedactionTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger httpLogger;
  private Logger clientLogger;

  @BeforeEach
  void captureLogs() {
    appender.start();
    httpLogger = (Logger) LoggerFactory.getLogger(AurousClient.HTTP_LOGGER);
    clientLogger = (Logger) LoggerFactory.getLogger(AurousClient.class);
    for (Logger l : List.of(httpLogger, clientLogger)) {
      l.setLevel(Level.DEBUG);
      l.setAdditive(false);
      l.addAppender(appender);
    }
  }

  @AfterEach
  void stopCapturing() {
    for (Logger l : List.of(httpLogger, clientLogger)) {
      l.detachAppender(appender);
      l.setAdditive(true);
      l.setLevel(null);
    }
    appender.stop();
  }

  private String capturedLog() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
  }

  @Test
  void full_wire_log_masks_the_api_key_header() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok().withHeader("Set-Cookie", "session=s3cr3t")));

    try (AurousClient client = new AurousClient(
        Fixtures.options(wm, new Fixtures.RecordingSleeper()).logLevel(LogLevel.FULL).build())) {
      client.estimate(new EstimateRequest().prompt("A golden sunset"));
    }

    String log = capturedLog();
    assertThat(log)
        .contains("POST http://127.0.0.1:" + wm.getPort() + PATH)
        .contains("X-Api-Key: ****")
        .contains("A golden sunset")
        .contains("\"estimated_cost\"")
        .doesNotContain(SECRET)
        .doesNotContain("s3cr3t");
  }

  @Test
  void errors_and_retries_echoing_the_key_are_masked_in_logs_and_messages() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.error(401, "authentication", "invalid_api_key",
        "The API key " + API_KEY + " is not valid.", null)));

    AuthenticationException e;
    try (AurousClient client = new AurousClient(
        Fixtures.options(wm, new Fixtures.RecordingSleeper()).logLevel(LogLevel.FULL).build())) {
      e = catchThrowableOfType(AuthenticationException.class,
          () -> client.estimate(new EstimateRequest().prompt("p")));
    }

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("al_live_****").doesNotContain(SECRET);
    assertThat(e.error()).get().extracting(AurousError::message).asString().doesNotContain(SECRET);
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(capturedLog()).contains("HTTP/1.1 401").doesNotContain(SECRET);
  }

  @Test
  void transport_failures_and_retry_logs_do_not_contain_the_key() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    AurousTransportException e;
    try (AurousClient client = new AurousClient(
        Fixtures.options(wm, new Fixtures.RecordingSleeper()).logLevel(LogLevel.FULL).maxRetries(1).build())) {
      e = catchThrowableOfType(AurousTransportException.class,
          () -> client.estimate(new EstimateRequest().prompt("p")));
    }

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(capturedLog()).contains("retry 1 of 1").contains("X-Api-Key: ****").doesNotContain(SECRET);
  }
}
