package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.aurouslabs.toolkit.openapi.EstimateSpec;
import com.aurouslabs.toolkit.openapi.SchemaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules the schema of estimate.yaml decides, on both sides of every bound. */
@AurousMockTest(rateLimit = false)
class SchemaValidationAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    private Reply withField(String field, String jsonValue) {
        String extra = switch (field) {
            case "width" -> ",\"height\":2048";
            case "height" -> ",\"width\":2048";
            default -> "";
        };
        return client.estimate("{\"prompt\":\"a red fox\",\"" + field + "\":" + jsonValue + extra + "}");
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource(delimiter = '|', value = {
            "width|1024", "width|4096", "height|1024", "height|4096", "width|1024.0",
            "steps|1", "steps|100", "guidance_scale|0.1", "guidance_scale|30", "cfg_rescale|0", "cfg_rescale|1",
            "denoise_strength|0", "denoise_strength|1", "count|1", "count|4", "seed|0", "seed|9007199254740991",
            "size|\"2k_1_1\"", "size|\"4k_21_9\"", "negative_prompt|\"x\"", "negative_prompt|\"   \"",
            "webhook_url|\"https://example.com/hook\"", "enhance_prompt|false", "reference_image_urls|[]"})
    void values_inside_the_schema_bounds_are_accepted(String field, String value) {
        Reply reply = withField(field, value);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("OK");
    }

    @ParameterizedTest(name = "{0}={1} is rejected with {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            "width|1023|value_out_of_range|DIM-RANGE", "width|4097|value_out_of_range|DIM-RANGE",
            "height|1023|value_out_of_range|DIM-RANGE", "height|4097|value_out_of_range|DIM-RANGE",
            "width|1010|value_out_of_range|DIM-RANGE", "width|4100|value_out_of_range|DIM-RANGE",
            "steps|0|value_out_of_range|STEPS-RANGE", "steps|101|value_out_of_range|STEPS-RANGE",
            "guidance_scale|0.09|value_out_of_range|GUIDANCE-RANGE",
            "guidance_scale|30.01|value_out_of_range|GUIDANCE-RANGE",
            "cfg_rescale|-0.01|value_out_of_range|CFG-RESCALE-RANGE",
            "cfg_rescale|1.01|value_out_of_range|CFG-RESCALE-RANGE",
            "denoise_strength|-0.1|value_out_of_range|DENOISE-RANGE",
            "denoise_strength|1.1|value_out_of_range|DENOISE-RANGE",
            "count|0|value_out_of_range|COUNT-RANGE", "count|5|value_out_of_range|COUNT-RANGE",
            "seed|-1|value_out_of_range|SEED-RANGE", "seed|9007199254740992|value_out_of_range|SEED-RANGE",
            "size|\"hd_square\"|invalid_format|SIZE-ENUM", "size|\"2K_1_1\"|invalid_format|SIZE-ENUM",
            "negative_prompt|\"\"|value_out_of_range|NEG-PROMPT-LENGTH",
            "webhook_url|\"http://example.com/hook\"|invalid_format|WEBHOOK-URL",
            "webhook_url|\"https://example.com/%s\"|value_out_of_range|WEBHOOK-URL-MAX-LENGTH",
            "width|1024.5|invalid_format|BODY-INTEGER", "count|\"2\"|invalid_format|BODY-INTEGER",
            "enhance_prompt|\"true\"|invalid_format|BODY-TYPE", "guidance_scale|\"7\"|invalid_format|BODY-TYPE",
            "reference_image_urls|\"https://example.com/a.jpg\"|invalid_format|BODY-TYPE",
            "unknown_field|1|invalid_format|BODY-UNKNOWN-FIELD"})
    void values_outside_the_schema_are_rejected_naming_the_field(String field, String value, String code,
                                                                 String rule) {
        Reply reply = withField(field, value.replace("%s", "h".repeat(2049 - "https://example.com/".length())));
        assertInvalid(reply, code, field);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo(rule);
    }

    @Test
    void missing_prompt_is_rejected_with_missing_field() {
        Reply reply = client.estimate("{\"count\":1}");
        assertInvalid(reply, "missing_field", "prompt");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("PROMPT-REQUIRED");
    }

    @Test
    void null_prompt_is_rejected_as_missing() {
        assertInvalid(client.estimate("{\"prompt\":null}"), "missing_field", "prompt");
    }

    @Test
    void empty_prompt_and_prompt_over_4000_characters_are_out_of_range() {
        assertInvalid(client.estimate("{\"prompt\":\"\"}"), "value_out_of_range", "prompt");
        assertInvalid(client.estimate("{\"prompt\":\"" + "x".repeat(4001) + "\"}"), "value_out_of_range", "prompt");
        assertThat(client.estimate("{\"prompt\":\"" + "x".repeat(4000) + "\"}").status()).isEqualTo(200);
    }

    @Test
    void prompt_length_counts_code_points() {
        String emoji = "\uD83D\uDE00".repeat(4000);
        assertThat(client.estimate("{\"prompt\":\"" + emoji + "\"}").status()).isEqualTo(200);
    }

    @Test
    void explicit_nulls_of_optional_fields_count_as_absent() {
        Reply reply = client.estimate("{\"prompt\":\"a fox\",\"width\":null,\"height\":null,\"size\":null,"
                + "\"seed\":null,\"count\":null,\"lora_id\":null,\"character_id\":null,"
                + "\"reference_image_urls\":null,\"enhance_prompt\":null,\"negative_prompt\":null}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void seven_references_are_rejected_and_six_are_accepted() {
        String six = "\"https://example.com/1.jpg\",".repeat(5) + "\"https://example.com/6.jpg\"";
        assertThat(client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[" + six + "]}").status())
                .isEqualTo(200);
        Reply seven = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[" + six
                + ",\"https://example.com/7.jpg\"]}");
        assertInvalid(seven, "value_out_of_range", "reference_image_urls");
        assertThat(seven.header("X-Mock-Rule")).isEqualTo("REF-MAX-ITEMS");
    }

    @Test
    void reference_of_a_wrong_form_is_rejected_naming_its_index() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":"
                + "[\"https://example.com/a.jpg\",\"ftp://example.com/b.jpg\"]}");
        assertInvalid(reply, "invalid_format", "reference_image_urls[1]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-ITEM-FORM");
        for (String bad : new String[] {"http://example.com/a.jpg", "data:image/png;base64,AAAA", "example.com/a.jpg",
                "file_123", "file:///etc/passwd", "gopher://x"}) {
            assertInvalid(client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"" + bad + "\"]}"),
                    "invalid_format", "reference_image_urls[0]");
        }
    }

    @Test
    void reference_url_with_a_trailing_newline_is_rejected_as_ref_item_form() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://example.com/a.png\\n\"]}");
        assertInvalid(reply, "invalid_format", "reference_image_urls[0]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-ITEM-FORM");
        Reply tab = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://example.com/a.png\\t\"]}");
        assertThat(tab.header("X-Mock-Rule")).isEqualTo("REF-ITEM-FORM");
    }

    @Test
    void webhook_url_with_a_trailing_newline_is_rejected_as_webhook_url() {
        Reply reply = withField("webhook_url", "\"https://example.com/hook\\n\"");
        assertInvalid(reply, "invalid_format", "webhook_url");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("WEBHOOK-URL");
    }

    @Test
    void a_no_break_space_inside_a_url_path_is_decided_by_the_spec_pattern() {
        String url = "https://example.com/a\u00a0b.png";
        // What the spec's patterns say (java.util.regex, as networknt uses): U+00A0 is outside [\x00-\x20\x7F].
        assertThat(specPattern("webhook_url").matcher(url).find()).isTrue();
        assertThat(specPattern("reference_image_urls").matcher(url).find()).isTrue();
        assertThat(specPattern("reference_image_urls").matcher(url + "\n").find()).isFalse();
        String json = "\"https://example.com/a\\u00a0b.png\"";
        Reply reference = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[" + json + "]}");
        assertThat(reference.status()).as(reference.body()).isEqualTo(200);
        Reply webhook = withField("webhook_url", json);
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(200);
    }

    /** The pattern of a body property (of its items for an array) in the estimate.yaml the mock loads. */
    private static java.util.regex.Pattern specPattern(String property) {
        SchemaProperty prop = EstimateSpec.bundled().request().property(property);
        return java.util.regex.Pattern.compile((prop.items() != null ? prop.items() : prop).pattern());
    }

    @Test
    void reference_url_longer_than_2048_characters_is_out_of_range() {
        String base = "https://example.com/";
        String ok = base + "a".repeat(2048 - base.length());
        String tooLong = ok + "a";
        assertThat(client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"" + ok + "\"]}").status())
                .isEqualTo(200);
        Reply reply = client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"" + tooLong + "\"]}");
        assertInvalid(reply, "value_out_of_range", "reference_image_urls[0]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-URL-MAX-LENGTH");
    }

    @Test
    void several_bad_fields_report_the_first_in_schema_property_order() {
        Reply reply = client.estimate("{\"count\":9,\"steps\":0,\"prompt\":\"x\",\"width\":1,\"height\":1}");
        assertInvalid(reply, "value_out_of_range", "width");
        Reply again = client.estimate("{\"steps\":0,\"count\":9,\"prompt\":\"x\"}");
        assertInvalid(again, "value_out_of_range", "steps");
    }
}
