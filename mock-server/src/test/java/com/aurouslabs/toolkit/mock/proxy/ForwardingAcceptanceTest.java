package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the proxy sends upstream and what it hands back, against a scripted upstream: the request goes on with its
 * method, path, query, end-to-end headers and body (hop-by-hop headers dropped), and the answer comes back with its
 * status, reason, headers and bytes as they were, whatever they are. An answer that breaks the envelope or the
 * required headers is reported.
 */
class ForwardingAcceptanceTest {

    private static ScriptedUpstream upstream;
    private static MockServer proxy;
    private static MockClient client;

    @BeforeAll
    static void start() {
        upstream = new ScriptedUpstream();
        proxy = ProxyPair.proxyTo(URI.create(upstream.baseUrl() + "/"), Duration.ofSeconds(5));
        client = new MockClient(proxy.baseUrl());
    }

    @AfterAll
    static void stop() {
        proxy.stop();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        proxy.reset();
    }

    @Test
    void the_request_goes_upstream_with_method_path_query_headers_and_body_but_no_hop_by_hop_headers()
            throws Exception {
        upstream.answer(200, null, "{}", h -> { });
        String body = "{\"prompt\":\"caf\u00e9\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A raw request, so hop-by-hop headers (which java.net.http refuses to send) reach the proxy.
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            String head = "POST /v1/images/estimate?trace=1&x=%20y HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nX-Api-Key: " + Keys.ALPHA + "\r\n"
                    + "X-Custom: one\r\nX-Custom: two\r\nConnection: keep-alive, X-Hop\r\nX-Hop: drop me\r\n"
                    + "Keep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic abc\r\n"
                    + "Accept-Encoding: gzip\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            assertThat(new String(buffer, 0, read, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        }
        ScriptedUpstream.Received got = upstream.last();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.uri()).isEqualTo("/v1/images/estimate?trace=1&x=%20y");
        assertThat(got.body()).isEqualTo(bytes);
        assertThat(got.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(got.headers().get("X-Api-Key")).isEqualTo(Keys.ALPHA);
        assertThat(got.headers().getAll("X-Custom")).containsExactly("one", "two");
        assertThat(got.headers().get("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(got.headers().get("Host")).isEqualTo(URI.create(upstream.baseUrl()).getAuthority());
        for (String hop : new String[] {"X-Hop", "Keep-Alive", "TE", "Proxy-Authorization", "Accept-Encoding"}) {
            assertThat(got.headers().contains(hop)).as(hop).isFalse();
        }
    }

    @Test
    void the_answer_comes_back_as_the_upstream_sent_it() {
        String body = "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":1.50,\"breakdown\":{\"base\":1.50}},"
                + "\"currency\":\"credit\",\"extra\":[1,2]}";
        upstream.answer(200, "Fine Thanks", body, h -> h.add("Aurous-Request-Id", "req_01JDZZZZZZZZZZZZZZZZZZZZZZ")
                .add("Aurous-Version", "2026-05-15").add("X-RateLimit-Limit", "240")
                .add("X-RateLimit-Remaining", "239").add("X-RateLimit-Reset", Long.toString(now()))
                .add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("Content-Type", "application/json")
                .add("Connection", "X-Upstream-Hop").add("X-Upstream-Hop", "gone"));
        Reply reply = client.estimate("{\"prompt\":\"x\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(body);
        assertThat(reply.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(reply.header("Aurous-Request-Id")).isEqualTo("req_01JDZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(reply.header("X-Upstream-Hop")).isNull();
        assertThat(ProxyPair.violations(reply)).isEmpty();
        assertThat(ProxyPair.notes(reply)).isEmpty();
    }

    @Test
    void an_error_that_is_not_the_envelope_is_reported_and_still_returned_unchanged() {
        upstream.answer(400, null, "bad input", h -> h.add("Content-Type", "text/plain"));
        Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":2048}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("bad input");
        assertThat(ProxyPair.violations(reply)).contains("ENVELOPE-SHAPE", "REQUEST-ID", "VERSION-ECHO",
                "RATE-LIMIT-HEADERS");
    }

    @Test
    void a_request_id_that_differs_from_error_request_id_is_a_violation() {
        upstream.answer(400, null, envelope("parameter_invalid_combination", "size", "req_01JDAAAAAAAAAAAAAAAAAAAAAA"),
                h -> headers(h, "req_01JDBBBBBBBBBBBBBBBBBBBBBB"));
        Reply reply = client.estimate("{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}");
        assertThat(ProxyPair.violations(reply)).containsExactly("REQUEST-ID");
    }

    @Test
    void a_documented_code_that_differs_is_a_violation_and_an_undocumented_one_a_note() {
        upstream.answer(400, null, envelope("invalid_combination", "size", "req_01JDAAAAAAAAAAAAAAAAAAAAAA"),
                h -> headers(h, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"));
        Reply documented = client.estimate("{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}");
        assertThat(ProxyPair.violations(documented)).containsExactly("SIZE-XOR-DIMS");

        upstream.answer(400, null, envelope("bad_size", "size", "req_01JDAAAAAAAAAAAAAAAAAAAAAA"),
                h -> headers(h, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"));
        Reply undocumented = client.estimate("{\"prompt\":\"x\",\"size\":\"hd_square\"}");
        assertThat(ProxyPair.violations(undocumented)).isEmpty();
        assertThat(ProxyPair.notes(undocumented)).containsExactly("SIZE-ENUM");
    }

    @Test
    void a_refused_request_that_breaks_nothing_is_a_violation_of_the_documented_200() {
        upstream.answer(422, null, envelope("unprocessable", null, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"),
                h -> headers(h, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"));
        Reply reply = client.estimate("{\"prompt\":\"x\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(ProxyPair.violations(reply)).containsExactly("PRICE-SHAPE");
    }

    @Test
    void a_balance_check_on_an_estimate_is_a_note_of_the_inferred_rule() {
        upstream.answer(402, null, envelope("balance_too_low", null, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"),
                h -> headers(h, "req_01JDAAAAAAAAAAAAAAAAAAAAAA"));
        Reply reply = client.estimate("{\"prompt\":\"x\"}");
        assertThat(ProxyPair.violations(reply)).isEmpty();
        assertThat(ProxyPair.notes(reply)).containsExactly("ESTIMATE-NO-BALANCE-CHECK");
    }

    private static String envelope(String code, String param, String requestId) {
        return "{\"error\":{\"type\":\"invalid_request\",\"code\":\"" + code + "\",\"message\":\"m\",\"param\":"
                + (param == null ? "null" : "\"" + param + "\"") + ",\"doc_url\":\"https://docs.aurous-labs.com/errors#"
                + code + "\",\"request_id\":\"" + requestId + "\"}}";
    }

    private static void headers(io.vertx.core.MultiMap h, String requestId) {
        h.add("Content-Type", "application/json").add("Aurous-Request-Id", requestId)
                .add("Aurous-Version", "2026-05-15").add("X-RateLimit-Limit", "240")
                .add("X-RateLimit-Remaining", "200").add("X-RateLimit-Reset", Long.toString(now()));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
