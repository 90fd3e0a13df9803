package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.aurouslabs.toolkit.openapi.EstimateSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up options change: a modified spec, a fixtures file, warn-only mode, the CORS origin. */
class StartupOptionsAcceptanceTest {

    @TempDir
    Path dir;

    private static String bundledSpec() {
        return EstimateSpec.bundled().text();
    }

    @Test
    void modified_spec_changes_behaviour_without_code_change() throws IOException {
        String spec = bundledSpec();
        String modified = spec
                .replace("          maxItems: 6\n", "          maxItems: 2\n")
                .replace("          minimum: 1\n          maximum: 4\n", "          minimum: 1\n          maximum: 8\n");
        assertThat(modified).isNotEqualTo(spec);
        Path file = dir.resolve("estimate.yaml");
        Files.writeString(file, modified);
        String three = "{\"prompt\":\"x\",\"reference_image_urls\":[\"https://example.com/1.jpg\","
                + "\"https://example.com/2.jpg\",\"https://example.com/3.jpg\"]}";
        try (MockServer bundled = MockServer.start(MockOptions.defaults());
             MockServer changed = MockServer.start(MockOptions.builder().spec(file).build())) {
            MockClient before = new MockClient(bundled.baseUrl());
            MockClient after = new MockClient(changed.baseUrl());
            assertThat(before.estimate(three).status()).isEqualTo(200);
            assertInvalid(after.estimate(three), "value_out_of_range", "reference_image_urls");
            assertInvalid(before.estimate("{\"prompt\":\"x\",\"count\":8}"), "value_out_of_range", "count");
            Reply eight = after.estimate("{\"prompt\":\"x\",\"count\":8}");
            assertThat(eight.status()).isEqualTo(200);
            assertThat(eight.json().at("/estimated_cost/amount").asInt()).isEqualTo(8);
        }
    }

    @Test
    void a_nullable_enum_that_lists_null_never_suggests_null_as_a_value() throws IOException {
        // OpenAPI 3.0.3 asks a nullable enum to list null: a spec that does so must not end the message in "null".
        String spec = bundledSpec();
        String listsNull = spec.replace("        - 4k_21_9\n", "        - 4k_21_9\n        - null\n");
        assertThat(listsNull).isNotEqualTo(spec);
        Path file = Files.writeString(dir.resolve("estimate.yaml"), listsNull);
        try (MockServer server = MockServer.start(MockOptions.builder().spec(file).build())) {
            MockClient client = new MockClient(server.baseUrl());
            Reply bad = client.estimate("{\"prompt\":\"x\",\"size\":\"hd\"}");
            assertInvalid(bad, "invalid_format", "size");
            assertThat(bad.error().path("message").asText()).startsWith("size must be one of 2k_1_1,")
                    .endsWith(", 4k_21_9.").doesNotContain("null");
            assertThat(client.estimate("{\"prompt\":\"x\",\"size\":null}").status()).isEqualTo(200);
        }
    }

    @Test
    void fixtures_file_replaces_the_built_in_fixtures() throws IOException {
        Path file = dir.resolve("fixtures.json");
        Files.writeString(file, """
                {"rate_card": {"image_base": 2, "enhance_prompt_multiplier": 1.5, "reference_image_per_image": 0},
                 "teams": [{"id": "team_gamma", "pinned_version": "2026-05-15",
                            "keys": [{"key": "al_live_cccc", "status": "active"}],
                            "characters": [{"id": "char_01JDGAMMA00000000000000000", "status": "ready"}],
                            "files": []}],
                 "loras": []}
                """);
        try (MockServer server = MockServer.start(MockOptions.builder().fixtures(file).build())) {
            MockClient client = new MockClient(server.baseUrl());
            assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(401);
            Reply reply = client.estimate("{\"prompt\":\"x\",\"enhance_prompt\":true,"
                    + "\"character_id\":\"char_01JDGAMMA00000000000000000\"}", "X-Api-Key", "al_live_cccc");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().at("/estimated_cost/amount").toString()).isEqualTo("3");
            JsonNode fixtures = client.get("/__admin/fixtures").json();
            assertThat(fixtures.path("teams").get(0).path("id").asText()).isEqualTo("team_gamma");
            assertThat(fixtures.path("teams").get(0).path("keys").get(0).path("key").asText())
                    .isEqualTo("al_live_****");
            assertThat(fixtures.toString()).doesNotContain("al_live_cccc");
        }
    }

    @Test
    void yaml_fixtures_with_a_typo_fail_at_start_up() throws IOException {
        Path file = dir.resolve("fixtures.yaml");
        Files.writeString(file, "rate_card: {image_base: 1, enhance_multiplier: 2}\nteams: []\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServer.start(
                MockOptions.builder().fixtures(file).build())).isInstanceOf(StartupException.class)
                .hasMessageContaining("unknown property 'enhance_multiplier'").hasMessageContaining("line 1");
    }

    @Test
    void warn_only_answers_200_and_reports_violations_but_still_authenticates() {
        try (MockServer server = MockServer.start(MockOptions.builder().warnOnly(true).build())) {
            MockClient client = new MockClient(server.baseUrl());
            Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":100,\"steps\":500,\"count\":2}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-Mock-Validation-Warnings"))
                    .contains("DIM-RANGE:value_out_of_range:width", "STEPS-RANGE", "DIM-PAIR:missing_field:height");
            assertThat(reply.json().at("/estimated_cost/amount").asInt()).isEqualTo(2);
            assertThat(client.estimate("{\"prompt\":\"x\"}").header("X-Mock-Validation-Warnings")).isNull();
            assertThat(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", "nope").status()).isEqualTo(401);
            JsonNode last = client.get("/__admin/journal").json().path("requests").get(0);
            assertThat(last.path("warnings").toString()).contains("DIM-RANGE");
        }
    }

    @Test
    void cors_origin_is_configurable() {
        try (MockServer server = MockServer.start(MockOptions.builder().corsOrigin("https://app.example").build())) {
            Reply reply = new MockClient(server.baseUrl()).estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA);
            assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        }
    }
}
