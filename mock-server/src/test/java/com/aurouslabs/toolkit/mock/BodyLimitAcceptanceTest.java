package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * BODY-TOO-LARGE is answered as soon as the body is known to be too large (not when it ends, which may be never),
 * then the connection is closed; a stalled upload or an idle socket is closed by the idle timeout, which never
 * cuts the X-Mock-Force timeout hold.
 */
@AurousMockTest
class BodyLimitAcceptanceTest {

    private static final String HEAD = "POST /v1/images/estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "X-Api-Key: " + Keys.ALPHA + "\r\n";

    @Test
    void announced_oversized_body_gets_413_at_once_without_waiting_for_it(MockServerInfo mock) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(5000);
            long start = System.nanoTime();
            socket.getOutputStream().write((HEAD + "Content-Length: 2000000\r\n\r\n{\"prompt\":")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readToClose(socket.getInputStream());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(millis).isLessThan(2000);
            assertTooLargeAndClosed(answer);
        }
    }

    @Test
    void endless_chunked_body_gets_413_once_past_one_mebibyte(MockServerInfo mock) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(5000);
            AtomicBoolean stop = new AtomicBoolean();
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    out.write((HEAD + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    while (!stop.get()) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // the server closed the connection, as it should
                }
            }, "endless-chunked-body");
            writer.setDaemon(true);
            long start = System.nanoTime();
            writer.start();
            try {
                String answer = readToClose(socket.getInputStream());
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(millis).isLessThan(3000);
                assertTooLargeAndClosed(answer);
            } finally {
                stop.set(true);
            }
        }
    }

    @Test
    void a_large_finite_body_still_gets_its_413_over_http(MockServerInfo mock) {
        Reply reply = new MockClient(mock.baseUrl()).estimate("{\"prompt\":\"" + "x".repeat(2_000_000) + "\"}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("request_too_large");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("BODY-TOO-LARGE");
    }

    @Test
    void admin_routes_get_the_same_early_413(MockServerInfo mock) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("PUT /__admin/defect HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTooLargeAndClosed(readToClose(socket.getInputStream()));
        }
    }

    @Test
    void stalled_upload_is_closed_by_the_idle_timeout() throws Exception {
        MockOptions options = MockOptions.builder().idleTimeout(Duration.ofMillis(500))
                .forcedTimeout(Duration.ofMillis(100)).build();
        try (MockServer server = MockServer.start(options); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            socket.getOutputStream().write((HEAD + "Content-Length: 100\r\n\r\n{\"pro")
                    .getBytes(StandardCharsets.US_ASCII));
            readToClose(socket.getInputStream());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(millis).isBetween(options.effectiveIdleTimeout().toMillis() - 100, 5000L);
        }
    }

    @Test
    void idle_timeout_never_cuts_the_forced_timeout_hold() {
        MockOptions options = MockOptions.builder().idleTimeout(Duration.ofMillis(300))
                .forcedTimeout(Duration.ofMillis(1500)).latency(200, 0).build();
        assertThat(options.effectiveIdleTimeout()).isGreaterThan(Duration.ofMillis(1700));
        assertThat(MockOptions.defaults().effectiveIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
        try (MockServer server = MockServer.start(options)) {
            Reply reply = new MockClient(server.baseUrl()).estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA,
                    "X-Mock-Force", "timeout");
            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.code()).isEqualTo("provider_timeout");
        }
    }

    private static void assertTooLargeAndClosed(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 413 ")
                .contains("\"code\":\"request_too_large\"")
                .containsPattern("(?i)x-mock-rule: BODY-TOO-LARGE\r\n")
                .containsPattern("(?i)connection: close\r\n")
                .containsPattern("\"request_id\":\"req_[0-9A-Z]{26}\"");
    }

    /** Everything the server sends until it closes the connection (fails if it never does). */
    private static String readToClose(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                seen.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was not closed; got: " + seen.toString(StandardCharsets.UTF_8), e);
        } catch (java.net.SocketException e) {
            // a reset after the answer (the client was still sending): what arrived is what counts
        }
        return seen.toString(StandardCharsets.UTF_8);
    }
}
