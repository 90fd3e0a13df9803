package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.journal.JournalEntry;
import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal records what was sent (headers and body, keys masked, the body bounded) and answers count and find
 * queries: {@code POST /__admin/journal/count} and {@code /find} with a JSON object of criteria.
 */
@AurousMockTest
class JournalAcceptanceTest {

    private static final String SUNSET = "{\"prompt\":\"A golden sunset\",\"width\":2048,\"height\":2048}";

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    private JsonNode last() {
        JsonNode requests = client.get("/__admin/journal").json().path("requests");
        return requests.get(requests.size() - 1);
    }

    private Reply admin(String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private int count(String criteria) {
        Reply reply = admin("/__admin/journal/count", criteria);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("count").asInt(-1);
    }

    @Test
    void journal_records_the_body_and_the_headers_with_keys_masked() {
        client.estimate(SUNSET, "X-Api-Key", Keys.ALPHA, "Aurous-Version", "2026-05-15", "X-Trace", "t-1");
        JsonNode entry = last();
        assertThat(entry.path("body").asText()).isEqualTo(SUNSET);
        assertThat(entry.path("body_size").asInt()).isEqualTo(SUNSET.length());
        assertThat(entry.path("body_truncated").asBoolean()).isFalse();
        JsonNode headers = entry.path("headers");
        assertThat(headers.path("X-Api-Key").asText()).isEqualTo("al_live_****");
        assertThat(headers.path("Aurous-Version").asText()).isEqualTo("2026-05-15");
        assertThat(headers.path("X-Trace").asText()).isEqualTo("t-1");
        assertThat(headers.path("Content-Type").asText()).isEqualTo("application/json");
    }

    @Test
    void a_bearer_key_and_a_key_inside_the_body_are_masked_too() {
        client.estimate("{\"prompt\":\"my key is " + Keys.BETA + "\"}", "Authorization", "Bearer " + Keys.ALPHA);
        String journal = client.get("/__admin/journal").body();
        assertThat(journal).doesNotContain(Keys.ALPHA, Keys.BETA).contains("Bearer al_live_****",
                "my key is al_live_****");
    }

    @Test
    void a_large_body_is_kept_up_to_16_KiB_with_a_truncation_marker() {
        String big = "{\"prompt\":\"" + "p".repeat(40_000) + "\"}";
        client.estimate(big);
        JsonNode entry = last();
        assertThat(entry.path("body_size").asInt()).isEqualTo(big.length());
        assertThat(entry.path("body_truncated").asBoolean()).isTrue();
        assertThat(entry.path("body").asText()).startsWith("{\"prompt\":\"ppp")
                .endsWith("…[truncated: " + big.length() + " bytes sent]")
                .hasSize(JournalEntry.MAX_BODY_BYTES + ("…[truncated: " + big.length() + " bytes sent]").length());
    }

    @Test
    void count_by_rule_status_method_and_path() {
        client.estimate(SUNSET);
        client.estimate("{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}");
        client.estimate("{\"prompt\":\"y\",\"size\":\"2k_1_1\",\"width\":1024,\"height\":1024}");
        client.get("/v1/nothing");
        assertThat(count("{}")).isEqualTo(4);
        assertThat(count("{\"rule\":\"SIZE-XOR-DIMS\"}")).isEqualTo(2);
        assertThat(count("{\"rule\":\"size-xor-dims\",\"status\":400}")).isEqualTo(2);
        assertThat(count("{\"status\":200}")).isEqualTo(1);
        assertThat(count("{\"method\":\"get\",\"status\":404}")).isEqualTo(1);
        assertThat(count("{\"path\":\"/v1/images/estimate\"}")).isEqualTo(3);
        assertThat(count("{\"team\":\"team_alpha\",\"rule\":\"OK\"}")).isEqualTo(1);
    }

    @Test
    void count_by_a_body_substring_a_json_subset_or_a_header() {
        client.estimate(SUNSET, "X-Api-Key", Keys.ALPHA, "X-Trace", "a");
        client.estimate("{\"prompt\":\"A red fox\",\"width\":2048.0,\"height\":1024,\"reference_image_urls\":"
                + "[\"https://a.example/1.png\"]}", "X-Api-Key", Keys.BETA, "X-Trace", "b");
        assertThat(count("{\"body_contains\":\"sunset\"}")).isEqualTo(1);
        assertThat(count("{\"body_json\":{\"width\":2048}}")).isEqualTo(2);
        assertThat(count("{\"body_json\":{\"width\":2048,\"height\":1024}}")).isEqualTo(1);
        assertThat(count("{\"body_json\":{\"reference_image_urls\":[\"https://a.example/1.png\"]}}")).isEqualTo(1);
        assertThat(count("{\"body_json\":{\"reference_image_urls\":[]}}")).isZero();
        assertThat(count("{\"body_json\":{\"prompt\":\"A red\"}}")).isZero();
        assertThat(count("{\"headers\":{\"x-trace\":\"b\"}}")).isEqualTo(1);
        assertThat(count("{\"headers\":{\"X-Api-Key\":\"al_live_****\"}}")).isEqualTo(2);
        assertThat(count("{\"headers\":{\"X-Api-Key\":\"" + Keys.ALPHA + "\"}}")).as("keys only as masked").isZero();
    }

    @Test
    void find_returns_the_matching_entries_oldest_first() {
        client.estimate(SUNSET);
        client.estimate("{\"prompt\":\"A red fox\"}");
        client.estimate("{\"prompt\":\"A red fox\",\"count\":2}");
        Reply found = admin("/__admin/journal/find", "{\"body_contains\":\"red fox\"}");
        assertThat(found.status()).isEqualTo(200);
        JsonNode requests = found.json().path("requests");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).path("body").asText()).isEqualTo("{\"prompt\":\"A red fox\"}");
        assertThat(requests.get(1).path("body").asText()).contains("\"count\":2");
    }

    @Test
    void an_unknown_criterion_or_a_body_that_is_not_json_is_a_400_naming_it() {
        Reply unknown = admin("/__admin/journal/count", "{\"rule_id\":\"X\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error().path("message").asText()).contains("unknown criterion 'rule_id'", "rule, status");
        Reply notJson = admin("/__admin/journal/count", "rule=X");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error().path("message").asText()).contains("JSON object");
        Reply wrongType = admin("/__admin/journal/count", "{\"status\":\"400\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error().path("message").asText()).contains("status must be a whole number");
        assertThat(client.get("/__admin/journal/count").status()).isEqualTo(405);
    }

    @Test
    void admin_calls_are_not_journaled_and_reset_clears_the_count() {
        client.estimate(SUNSET);
        count("{}");
        client.get("/__admin/journal");
        assertThat(count("{}")).isEqualTo(1);
        client.send(client.request("/__admin/reset").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(count("{}")).isZero();
    }
}
