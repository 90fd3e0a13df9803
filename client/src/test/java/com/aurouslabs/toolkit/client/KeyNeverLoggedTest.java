package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Every fault scenario replayed with FULL wire logging and DEBUG on the client's and Feign's loggers,
 * where the server echoes the key back in bodies and headers: the key (its secret part) appears in no captured
 * log line, in no exception message, toString or cause.
 */
class KeyNeverLoggedTest {

    @RegisterExtension
    static WireMockExtension wm = Fixtures.wireMock();

    enum Scenario {
        OK, CONNECTION_RESET_THEN_OK, CONNECTION_RESET_ALWAYS, STALL_THEN_OK, STALL_ALWAYS, E503_THEN_OK,
        E429_RETRY_AFTER_THEN_OK, NON_JSON_502_ALWAYS, E400_ECHOING_KEY, E401_ECHOING_KEY, E404, REDIRECT
    }

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        appender.start();
        // The client's and Feign's loggers. Not root: Apache HttpClient's own DEBUG header log
        // (org.apache.hc.client5.http.headers) prints request headers verbatim, key included; see the README.
        for (String name : List.of("com.aurouslabs.toolkit.client", "feign", AurousClient.HTTP_LOGGER)) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.setLevel(Level.DEBUG);
            l.addAppender(appender);
            l.setAdditive(false); // captured for the assertions, not printed into the build log
            loggers.add(l);
        }
    }

    @AfterEach
    void stopCapturing() {
        for (Logger l : loggers) {
            l.detachAppender(appender);
            l.setLevel(null);
            l.setAdditive(true);
        }
        appender.stop();
    }

    private static ResponseDefinitionBuilder echo(int status) {
        return Fixtures.error(status, "invalid_request", "some_code", "Key " + API_KEY + " was sent.", null)
                .withHeader("X-Echo-Key", API_KEY);
    }

    private void stub(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        wm.stubFor(post(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("second").willReturn(then));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void the_key_is_in_no_log_line_and_no_exception(Scenario scenario) {
        ResponseDefinitionBuilder ok = Fixtures.ok().withHeader("X-Echo-Key", API_KEY);
        ResponseDefinitionBuilder reset = aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
        ResponseDefinitionBuilder stall = Fixtures.ok().withFixedDelay(1_000);
        ResponseDefinitionBuilder bad502 = aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html>bad gateway for " + API_KEY + "</html>");
        switch (scenario) {
            case OK -> stub(ok, ok);
            case CONNECTION_RESET_THEN_OK -> stub(reset, ok);
            case CONNECTION_RESET_ALWAYS -> stub(reset, reset);
            case STALL_THEN_OK -> stub(stall, ok);
            case STALL_ALWAYS -> stub(stall, stall);
            case E503_THEN_OK -> stub(echo(503), ok);
            case E429_RETRY_AFTER_THEN_OK -> stub(echo(429).withHeader("Retry-After", "1"), ok);
            case NON_JSON_502_ALWAYS -> stub(bad502, bad502);
            case E400_ECHOING_KEY -> stub(echo(400), ok);
            case E401_ECHOING_KEY -> stub(echo(401), ok);
            case E404 -> stub(echo(404), ok);
            default -> stub(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:1/?k=" + API_KEY),
                    ok);
        }
        List<String> exposed = new ArrayList<>();
        try (AurousClient client = new AurousClient(Fixtures.options(wm, new Fixtures.RecordingSleeper())
                .logLevel(LogLevel.FULL).readTimeout(Duration.ofMillis(200)).maxRetries(2).build())) {
            client.estimate(new EstimateRequest().prompt("p"));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                exposed.add(String.valueOf(t.getMessage()));
                exposed.add(t.toString());
            }
        }
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        for (ILoggingEvent event : events) {
            exposed.add(event.getFormattedMessage());
            for (IThrowableProxy p = event.getThrowableProxy(); p != null; p = p.getCause()) {
                exposed.add(p.getMessage());
            }
        }
        assertThat(events).as("FULL logging produced log lines").isNotEmpty();
        assertThat(exposed).as(scenario.name()).noneMatch(s -> s != null && s.contains(SECRET));
    }
}
