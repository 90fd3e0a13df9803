package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.EnvelopeAssert;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BODY-*, ROUTE-NOT-FOUND, ROUTE-METHOD-NOT-ALLOWED, NO-SERVER-ERROR: hostile input always gets a 4xx envelope with a request id. */
@AurousMockTest(rateLimit = false)
class BadInputAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"prompt\":", "not json", "[]", "[{\"prompt\":\"x\"}]", "\"prompt\"", "42",
            "null", "true", "{\"prompt\":\"x\"} {}", "{\"prompt\":\"x\",}", "{'prompt':'x'}",
            "{\"prompt\":\"x\",\"prompt\":\"y\"}", "{\"prompt\":\"x\"/*c*/}", "{\"prompt\":NaN}",
            "{\"prompt\":\"x\",\"lora\":{\"id\":\"a\",\"id\":\"b\"}}",
            "{\"prompt\":\"x\",\"reference_image_urls\":[{\"u\":1,\"v\":2,\"u\":3}]}"})
    void malformed_or_non_object_bodies_are_rejected_with_invalid_format(String body) {
        Reply reply = client.estimate(body);
        assertInvalid(reply, "invalid_format", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("BODY-JSON");
    }

    @Test
    void invalid_utf8_is_rejected_with_invalid_format() {
        byte[] body = "{\"prompt\":\"a\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertInvalid(client.estimateBytes(body, "application/json"), "invalid_format", null);
        byte[] overlong = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertInvalid(client.estimateBytes(overlong, "application/json"), "invalid_format", null);
    }

    @Test
    void nesting_deeper_than_32_levels_is_rejected() {
        String deep = "{\"prompt\":\"x\",\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertInvalid(client.estimate(deep), "invalid_format", null);
        String veryDeep = "{\"prompt\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertInvalid(client.estimate(veryDeep), "invalid_format", null);
    }

    @Test
    void numbers_longer_than_1000_digits_are_rejected() {
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"seed\":" + "9".repeat(1001) + "}"), "invalid_format", null);
    }

    @Test
    void huge_numbers_are_out_of_range_not_server_errors() {
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"count\":1e400}"), "value_out_of_range", "count");
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"seed\":99999999999999999999999999}"),
                "value_out_of_range", "seed");
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"guidance_scale\":-1e400}"), "value_out_of_range",
                "guidance_scale");
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"steps\":1e-400}"), "invalid_format", "steps");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "multipart/form-data"})
    void wrong_content_type_is_rejected_with_invalid_format(String contentType) {
        Reply reply = client.estimateBytes("{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8), contentType);
        assertInvalid(reply, "invalid_format", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("BODY-CONTENT-TYPE");
    }

    @Test
    void json_content_type_with_charset_is_accepted() {
        Reply reply = client.estimateBytes("{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "Application/JSON; charset=utf-8");
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void missing_content_type_is_rejected() {
        assertInvalid(client.estimateBytes("{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8), null),
                "invalid_format", null);
    }

    @Test
    void body_over_one_mebibyte_is_rejected_with_413() {
        String big = "{\"prompt\":\"" + "x".repeat(1_048_576) + "\"}";
        Reply reply = client.estimate(big);
        assertError(reply, 413, "invalid_request", "request_too_large", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("BODY-TOO-LARGE");
    }

    @Test
    void body_of_exactly_one_mebibyte_is_parsed() {
        String prefix = "{\"prompt\":\"x\",\"negative_prompt\":\"";
        String body = prefix + "y".repeat(1_048_576 - prefix.length() - 2) + "\"}";
        assertThat(body.length()).isEqualTo(1_048_576);
        assertInvalid(client.estimate(body), "value_out_of_range", "negative_prompt");
    }

    @Test
    void too_large_body_is_rejected_before_authentication() {
        String big = "{\"prompt\":\"" + "x".repeat(2_000_000) + "\"}";
        assertThat(client.estimate(big, "X-Api-Key", "bad").status()).isEqualTo(413);
    }

    @Test
    void unknown_route_is_a_404_envelope() {
        Reply reply = client.get("/v1/images/estimat");
        assertError(reply, 404, "not_found", "resource_not_found", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("ROUTE-NOT-FOUND");
        assertError(client.get("/"), 404, "not_found", "resource_not_found", null);
    }

    @Test
    void other_methods_on_the_estimate_path_answer_405_in_the_envelope() {
        Reply reply = client.get("/v1/images/estimate");
        assertError(reply, 405, "invalid_request", "method_not_allowed", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("ROUTE-METHOD-NOT-ALLOWED");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
        Reply put = client.send(client.request("/v1/images/estimate").header("X-Api-Key", Keys.ALPHA)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("X-Mock-Rule")).isEqualTo("ROUTE-METHOD-NOT-ALLOWED");
    }

    @Test
    void query_strings_do_not_change_the_route() {
        assertThat(client.send(client.request("/v1/images/estimate?x=1").header("X-Api-Key", Keys.ALPHA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build()).status()).isEqualTo(200);
    }

    @Test
    void idempotency_key_is_ignored() {
        assertThat(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA, "Idempotency-Key", "abc").status())
                .isEqualTo(200);
    }

    @Test
    void wrong_json_types_everywhere_are_invalid_format() {
        for (String body : new String[] {"{\"prompt\":1}", "{\"prompt\":[\"x\"]}", "{\"prompt\":{}}",
                "{\"prompt\":\"x\",\"reference_image_urls\":[1]}", "{\"prompt\":\"x\",\"reference_image_urls\":[null]}",
                "{\"prompt\":\"x\",\"lora_id\":5}", "{\"prompt\":\"x\",\"seed\":true}"}) {
            Reply reply = client.estimate(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo("invalid_format");
            EnvelopeAssert.assertEnvelopeShape(reply);
        }
    }

    @Test
    void malformed_http_gets_a_4xx_envelope_not_a_dropped_connection(MockServerInfo mock) throws Exception {
        for (String raw : new String[] {"GARBAGE\r\n\r\n",
                "POST /v1/images/estimate HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.").contains(" 400 ").contains("\"request_id\":\"req_")
                        .contains("Aurous-Request-Id");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/9.9", "FTP/1.1", "HTTP/2.0", "HTTP/1.2"})
    void unsupported_http_version_gets_a_400_envelope_not_a_bare_501(String version, MockServerInfo mock)
            throws Exception {
        String raw = "POST /v1/images/estimate " + version + "\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 13\r\n\r\n{\"prompt\":\"x\"}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"code\":\"invalid_format\"")
                    .containsPattern("(?i)aurous-request-id: req_[0-9A-Z]{26}\r\n")
                    .containsPattern("\"request_id\":\"req_[0-9A-Z]{26}\"")
                    .containsPattern("(?i)x-ratelimit-limit: \\d+\r\n")
                    .containsPattern("(?i)connection: close\r\n")
                    .containsPattern("(?i)access-control-allow-origin: ");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(answer).containsPattern("(?i)content-length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n");
        }
    }
}
