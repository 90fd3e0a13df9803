package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request data that reaches a response header is escaped and capped, so it can neither break nor flood it. */
@AurousMockTest(warnOnly = true)
class HeaderSafetyAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @Test
    void huge_dimensions_in_warn_only_mode_are_reported_and_snapped_not_a_500() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":1e30,\"height\":-5}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Validation-Warnings")).contains("DIM-RANGE");
        assertThat(reply.header("X-Mock-Resolved-Size")).isEqualTo("1000000000000000000000000000000x0");
    }

    @Test
    void control_characters_in_unknown_field_names_are_escaped_in_the_warnings() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"a\\u000bb\":1,\"a\\nb\":2,\"a\\u0000\\u007fz\":3}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String warnings = reply.header("X-Mock-Validation-Warnings");
        assertThat(warnings).contains("BODY-UNKNOWN-FIELD:invalid_format:a%0Bb", "a%0Ab", "a%00%7Fz");
        assertThat(warnings).matches("[\\x20-\\x7E]+");
    }

    @Test
    void non_ascii_field_names_are_percent_encoded_as_utf8() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"\u043a\u043b\u044e\u0447\":1}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Validation-Warnings")).contains(":%D0%BA%D0%BB%D1%8E%D1%87");
    }

    @Test
    void a_long_field_name_gives_a_capped_header() {
        // 40,000 characters: under Jackson's name limit (50,000), so it reaches the warnings.
        String key = "k".repeat(40_000);
        Reply reply = client.estimate("{\"prompt\":\"x\",\"" + key + "\":1,\"width\":100}");
        assertThat(reply.status()).isEqualTo(200);
        String warnings = reply.header("X-Mock-Validation-Warnings");
        assertThat(warnings.length()).isLessThanOrEqualTo(4096);
        assertThat(warnings).contains("BODY-UNKNOWN-FIELD:invalid_format:kkkk", "...");
    }

    @Test
    void many_long_field_names_give_a_header_of_at_most_4_kib() {
        StringBuilder body = new StringBuilder("{\"prompt\":\"x\"");
        for (int i = 0; i < 500; i++) {
            body.append(",\"").append(i).append("k".repeat(1000)).append("\":1");
        }
        Reply reply = client.estimate(body.append('}').toString());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Validation-Warnings")).hasSizeLessThanOrEqualTo(4096).endsWith("...");
    }

    @Test
    void a_one_mebibyte_field_name_is_body_json_with_a_short_header() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"" + "k".repeat(1_000_000) + "\":1}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Validation-Warnings")).startsWith("BODY-JSON:invalid_format")
                .hasSizeLessThan(200);
    }

    @Test
    void resolved_size_from_the_body_is_escaped() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"size\":\"2k\\n1\\u000b1\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Resolved-Size")).isEqualTo("2k%0A1%0B1");
        assertThat(reply.header("X-Mock-Validation-Warnings")).contains("SIZE-ENUM");
    }

    @Test
    void preflight_echoes_only_header_name_tokens(MockServerInfo mock) throws Exception {
        String requested = "x-api-key, bad\u00ffname, content-type, " + "y".repeat(2000);
        String raw = "OPTIONS /v1/images/estimate HTTP/1.1\r\nHost: x\r\nOrigin: https://a.example\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: " + requested
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 204 ")
                    .containsPattern("(?i)access-control-allow-headers: x-api-key, content-type\r\n");
        }
    }

    @Test
    void warn_only_still_answers_the_plain_findings_readably() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":100}", "X-Api-Key", Keys.ALPHA);
        assertThat(reply.header("X-Mock-Validation-Warnings")).contains("DIM-RANGE:value_out_of_range:width");
    }
}
