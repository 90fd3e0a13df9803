package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** X-Mock-Force: timeout holds the answer without blocking the event loop; latency is added by a timer. */
class ForcedTimeoutAcceptanceTest {

    @Test
    void timeout_holds_the_request_then_answers_504_while_other_requests_are_served() {
        try (MockServer server = MockServer.start(MockOptions.builder().forcedTimeout(Duration.ofMillis(1500)).build())) {
            MockClient client = new MockClient(server.baseUrl());
            long start = System.nanoTime();
            var held = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/v1/images/estimate"))
                    .header("Content-Type", "application/json").header("X-Api-Key", Keys.ALPHA)
                    .header("X-Mock-Force", "timeout")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 20; i++) {
                assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
            }
            assertThat(held.join().statusCode()).isEqualTo(504);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
    }

    @Test
    void client_that_gives_up_on_a_timeout_does_not_hurt_the_server() {
        try (MockServer server = MockServer.start(MockOptions.defaults())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/images/estimate"))
                    .timeout(Duration.ofMillis(300))
                    .header("Content-Type", "application/json").header("X-Api-Key", Keys.ALPHA)
                    .header("X-Mock-Force", "timeout")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build();
            Assertions.assertThatThrownBy(() -> HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
            assertThat(new MockClient(server.baseUrl()).estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void latency_delays_answers() {
        try (MockServer server = MockServer.start(MockOptions.builder().latency(200, 20).build())) {
            long start = System.nanoTime();
            Reply reply = new MockClient(server.baseUrl()).estimate("{\"prompt\":\"x\"}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(175));
        }
    }
}
