package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test-only Defect breaks its one rule and leaves the others alone. */
@AurousMockTest(rateLimit = false)
class DefectInjectionAcceptanceTest {

    private MockClient client;
    private MockServer server;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
        server = mock.server();
    }

    private int statusWith(Defect defect, String body) {
        server.defect(defect);
        return client.estimate(body).status();
    }

    @Test
    void reject_non_multiple_of_32_breaks_only_dim_snap_32() {
        String body = "{\"prompt\":\"x\",\"width\":1040,\"height\":2048}";
        assertThat(statusWith(Defect.NONE, body)).isEqualTo(200);
        assertThat(statusWith(Defect.REJECT_NON_MULTIPLE_OF_32, body)).isEqualTo(400);
        assertThat(statusWith(Defect.REJECT_NON_MULTIPLE_OF_32, "{\"prompt\":\"x\",\"width\":1024,\"height\":2048}"))
                .isEqualTo(200);
    }

    @Test
    void accept_size_with_dims_breaks_only_size_xor_dims() {
        assertThat(statusWith(Defect.ACCEPT_SIZE_WITH_DIMS,
                "{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}")).isEqualTo(200);
        assertThat(statusWith(Defect.ACCEPT_SIZE_WITH_DIMS, "{\"prompt\":\"x\",\"width\":2048}")).isEqualTo(400);
    }

    @Test
    void miss_character_ref_exclusion_breaks_only_char_xor_refs() {
        assertThat(statusWith(Defect.MISS_CHARACTER_REF_EXCLUSION, "{\"prompt\":\"x\",\"character_id\":"
                + "\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\",\"reference_image_urls\":[\"https://example.com/a.jpg\"]}"))
                .isEqualTo(200);
    }

    @Test
    void price_references_makes_references_cost() {
        server.defect(Defect.PRICE_REFERENCES);
        Reply reply = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://example.com/a.jpg\"]}");
        assertThat(reply.json().at("/estimated_cost/amount").asInt()).isEqualTo(2);
        assertThat(client.estimate("{\"prompt\":\"x\"}").json().at("/estimated_cost/amount").asInt()).isEqualTo(1);
    }

    @Test
    void accept_lone_dimension_breaks_only_dim_pair() {
        assertThat(statusWith(Defect.ACCEPT_LONE_DIMENSION, "{\"prompt\":\"x\",\"width\":2048}")).isEqualTo(200);
        assertThat(statusWith(Defect.ACCEPT_LONE_DIMENSION, "{\"prompt\":\"x\",\"width\":100}")).isEqualTo(400);
    }

    @Test
    void leak_foreign_character_makes_the_foreign_404_differ() {
        server.defect(Defect.LEAK_FOREIGN_CHARACTER);
        Reply unknown = client.estimate("{\"prompt\":\"x\",\"character_id\":\"char_01JDUNKNWN00000000000000000\"}");
        Reply foreign = client.estimate("{\"prompt\":\"x\",\"character_id\":\"char_01JDBETA64PF15JPCCXNGD3REA\"}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.bodyWithoutRequestId()).isNotEqualTo(unknown.bodyWithoutRequestId());
    }

    @Test
    void accept_private_reference_host_breaks_only_host_blocking() {
        assertThat(statusWith(Defect.ACCEPT_PRIVATE_REFERENCE_HOST,
                "{\"prompt\":\"x\",\"reference_image_urls\":[\"https://127.0.0.1/a\"]}")).isEqualTo(200);
        assertThat(statusWith(Defect.ACCEPT_PRIVATE_REFERENCE_HOST,
                "{\"prompt\":\"x\",\"reference_image_urls\":[\"https://u@example.com/a\"]}")).isEqualTo(400);
    }

    @Test
    void accept_steps_over_max_breaks_only_the_steps_maximum() {
        assertThat(statusWith(Defect.ACCEPT_STEPS_OVER_MAX, "{\"prompt\":\"x\",\"steps\":101}")).isEqualTo(200);
        assertThat(statusWith(Defect.ACCEPT_STEPS_OVER_MAX, "{\"prompt\":\"x\",\"steps\":0}")).isEqualTo(400);
        assertThat(statusWith(Defect.ACCEPT_STEPS_OVER_MAX, "{\"prompt\":\"x\",\"count\":5}")).isEqualTo(400);
    }

    @Test
    void accept_blank_prompt_breaks_only_prompt_not_blank() {
        assertThat(statusWith(Defect.ACCEPT_BLANK_PROMPT, "{\"prompt\":\"   \"}")).isEqualTo(200);
        assertThat(statusWith(Defect.ACCEPT_BLANK_PROMPT, "{\"prompt\":\"\"}")).isEqualTo(400);
    }

    @Test
    void missing_request_id_drops_the_header() {
        server.defect(Defect.MISSING_REQUEST_ID);
        assertThat(client.estimate("{\"prompt\":\"x\"}").header("Aurous-Request-Id")).isNull();
        server.defect(Defect.NONE);
        assertThat(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA).header("Aurous-Request-Id"))
                .isNotNull();
    }

    @Test
    void blank_prompt_uses_the_javascript_trim_set() {
        server.defect(Defect.NONE);
        for (String blank : new String[] {" ", "\\t\\n\\r", "\\u00a0", "\\u2003\\u3000", "\\ufeff", "\\u2028\\u2029",
                "\\u000b\\u000c"}) {
            Reply reply = client.estimate("{\"prompt\":\"" + blank + "\"}");
            assertThat(reply.status()).as(blank).isEqualTo(400);
            assertThat(reply.header("X-Mock-Rule")).as(blank).isEqualTo("PROMPT-NOT-BLANK");
        }
        // U+200B ZERO WIDTH SPACE and U+180E are not in the JavaScript trim set.
        assertThat(client.estimate("{\"prompt\":\"\\u200b\"}").status()).isEqualTo(200);
        assertThat(client.estimate("{\"prompt\":\"\\u180e\"}").status()).isEqualTo(200);
    }
}
