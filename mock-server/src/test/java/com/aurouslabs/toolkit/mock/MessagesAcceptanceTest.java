package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error messages come from the catalog's templates and read as sentences: the constraint in words from the schema
 * (never a regular expression), singular and plural right, and for a reference URL whose host is blocked, the
 * class of that host, however the URL is malformed otherwise.
 */
@AurousMockTest(rateLimit = false)
class MessagesAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    private String message(String body) {
        Reply r = client.estimate(body);
        assertThat(r.status()).as(body).isGreaterThanOrEqualTo(400);
        return r.error().path("message").asText();
    }

    private Reply reference(String url) {
        ObjectNode body = JSON.createObjectNode().put("prompt", "x");
        body.putArray("reference_image_urls").add(url);
        return client.estimate(body.toString());
    }

    @Test
    void a_private_ip_reference_url_is_named_by_its_host_class_however_it_is_malformed() {
        for (String url : new String[] {"https://10.0.0.1/a b", "http://192.168.0.1/a.png", "https://10.0.0.1/a\n",
                "https://172.16.0.9/\u0001"}) {
            Reply r = reference(url);
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error().path("message").asText()).as(url).contains("private address")
                    .doesNotContain("regex", "pattern", "^(", "[0-9A-HJKMNP-TV-Z]");
        }
        assertThat(reference("https://10.0.0.1/a.png").error().path("message").asText())
                .isEqualTo("reference_image_urls[0] points at a host that is never fetched: private address (10.0.0.1).");
    }

    @Test
    void a_malformed_reference_says_what_an_entry_may_be_without_a_regular_expression() {
        assertThat(reference("ftp://example.com/a.png").error().path("message").asText())
                .isEqualTo("reference_image_urls[0] must be a file id (file_ followed by a ULID) or an https:// URL.");
        assertThat(message("{\"prompt\":\"x\",\"webhook_url\":\"http://hooks.example/a\"}"))
                .isEqualTo("webhook_url must be an https:// URL.");
    }

    @Test
    void lengths_counts_and_ranges_read_as_sentences_from_the_schema() {
        assertThat(message("{\"prompt\":\"\"}")).isEqualTo("prompt must be 1 to 4000 characters long.");
        assertThat(message("{\"prompt\":\"x\",\"negative_prompt\":\"\"}"))
                .isEqualTo("negative_prompt must be 1 to 4000 characters long.");
        assertThat(message("{\"prompt\":\"x\",\"steps\":0}")).isEqualTo("steps must be between 1 and 100.");
        assertThat(message("{\"prompt\":\"x\",\"guidance_scale\":31}")).isEqualTo("guidance_scale must be between 0.1 and 30.");
        assertThat(message("{\"prompt\":\"x\",\"width\":1000,\"height\":2048}"))
                .isEqualTo("width must be between 1024 and 4096.");
        assertThat(message("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://a.example/" + "u".repeat(2100) + "\"]}"))
                .isEqualTo("reference_image_urls[0] must be at most 2048 characters long.");
        assertThat(message("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://a.example/1\",\"https://a.example/2\","
                + "\"https://a.example/3\",\"https://a.example/4\",\"https://a.example/5\",\"https://a.example/6\","
                + "\"https://a.example/7\"]}")).isEqualTo("reference_image_urls must be a list of at most 6 entries.");
        assertThat(message("{\"prompt\":\"x\",\"size\":\"hd_square\"}")).startsWith("size must be one of 2k_1_1, 2k_3_2,")
                .endsWith("4k_21_9.");
        assertThat(message("{\"prompt\":\"x\",\"width\":\"wide\",\"height\":2048}")).isEqualTo("width must be a whole number.");
        assertThat(message("{\"prompt\":\"x\",\"reference_image_urls\":[1]}"))
                .isEqualTo("reference_image_urls[0] must be a string.");
        assertThat(message("{\"prompt\":\"x\",\"reference_image_urls\":\"https://a.example\"}"))
                .isEqualTo("reference_image_urls must be an array of strings.");
        assertThat(message("{}")).isEqualTo("prompt is required.");
        assertThat(message("{\"prompt\":\"x\",\"width\":2048}")).isEqualTo("height is required when width is sent.");
    }

    @Test
    void no_message_says_characters_after_one_or_shows_a_pattern() {
        String[] bodies = {"{\"prompt\":\"\"}", "{\"prompt\":\"x\",\"negative_prompt\":\"\"}",
            "{\"prompt\":\"" + "p".repeat(4001) + "\"}", "{\"prompt\":\"x\",\"reference_image_urls\":[\"nope\"]}",
            "{\"prompt\":\"x\",\"webhook_url\":\"nope\"}", "{\"prompt\":\"x\",\"size\":\"big\"}",
            "{\"prompt\":\"x\",\"seed\":-1}", "{\"prompt\":\"x\",\"count\":1.5}", "{\"prompt\":\"x\",\"extra\":1}",
            "{\"prompt\":", "{\"prompt\":\"x\",\"lora_id\":\"none-such\"}"};
        for (String body : bodies) {
            assertThat(message(body)).as(body)
                    .doesNotContain("1 characters", "regex", "pattern", "^(", "$.", "/prompt", "found,")
                    .endsWith(".");
        }
    }
}
