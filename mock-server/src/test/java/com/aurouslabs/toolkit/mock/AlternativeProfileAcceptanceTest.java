package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.aurouslabs.toolkit.openapi.SsrfCorpus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The alternative profile over HTTP: every choice rules.yaml flips is observable (the same request answered by a
 * default and an alternative mock side by side), and nothing the vendor documents differs (statuses, documented
 * codes, pricing, the SSRF host classes the vendor lists, headers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlternativeProfileAcceptanceTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_CHARACTER = "char_01JDZZZZZZZZZZZZZZZZZZZZZZ";

    private MockServer decisionServer;
    private MockServer alternativeServer;
    private MockClient decision;
    private MockClient alternative;

    @BeforeAll
    void start() {
        decisionServer = MockServer.start(MockOptions.builder().rateLimitDisabled().build());
        alternativeServer = MockServer.start(MockOptions.builder().rateLimitDisabled().profile(Profile.ALTERNATIVE)
                .build());
        decision = new MockClient(decisionServer.baseUrl());
        alternative = new MockClient(alternativeServer.baseUrl());
    }

    @AfterAll
    void stop() {
        decisionServer.stop();
        alternativeServer.stop();
    }

    /** What one flipped choice looks like: a check on the default mock and one on the alternative mock. */
    private record Flip(BiConsumer<MockClient, Boolean> check) {
    }

    private static final Map<String, Flip> FLIPS = new LinkedHashMap<>();

    private static void flip(String ruleId, BiConsumer<MockClient, Boolean> check) {
        FLIPS.put(ruleId, new Flip(check));
    }

    private static String body(String fields) {
        return "{\"prompt\":\"x\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String refs(String... urls) {
        ObjectNode node = JSON.createObjectNode();
        var array = node.putArray("reference_image_urls");
        for (String u : urls) {
            array.add(u);
        }
        String s = node.toString();
        return s.substring(1, s.length() - 1);
    }

    /** status, code and param of an error (param: null when absent or null). */
    private static void error(Reply r, int status, String code, String param) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.param()).as(r.body()).isEqualTo(param);
    }

    /** Same status, the code and param each profile gives. */
    private static void codes(Reply r, boolean alt, int status, String code, String param, String altCode,
                              String altParam) {
        error(r, status, alt ? altCode : code, alt ? altParam : param);
    }

    static {
        flip("AUTH-HEADER-PRECEDENCE", (c, alt) -> {
            codes(c.estimate(body(""), "X-Api-Key", " "), alt, 401, "missing_api_key", null, "invalid_api_key", null);
            codes(c.estimate(body(""), "Authorization", "Basic YTpi"), alt, 401, "missing_api_key", null,
                    "invalid_api_key", null);
            assertThat(c.estimate(body(""), "Authorization", "Bearer " + Keys.ALPHA).status()).isEqualTo(200);
        });
        flip("VERSION-PATTERN", (c, alt) -> codes(c.estimate(body(""), "X-Api-Key", Keys.ALPHA,
                "Aurous-Version", "2026-5-15"), alt, 400, "invalid_format", "Aurous-Version", "unknown_version", null));
        flip("VERSION-UNKNOWN", (c, alt) -> codes(c.estimate(body(""), "X-Api-Key", Keys.ALPHA,
                "Aurous-Version", "2099-01-01"), alt, 400, "unknown_version", "Aurous-Version", "unknown_version", null));
        flip("ROUTE-NOT-FOUND", (c, alt) -> codes(c.get("/v2/nothing"), alt, 404, "resource_not_found", null,
                "route_not_found", null));
        flip("ROUTE-METHOD-NOT-ALLOWED", (c, alt) -> {
            Reply r = c.get("/v1/images/estimate");
            codes(r, alt, 405, "method_not_allowed", null, "unsupported_method", null);
            assertThat(r.header("Allow")).isEqualTo("POST, OPTIONS");
        });
        flip("BODY-TOO-LARGE", (c, alt) -> codes(c.estimateBytes(new byte[1_048_577], "application/json"), alt, 413,
                "request_too_large", null, "payload_too_large", null));
        flip("BODY-CONTENT-TYPE", (c, alt) -> codes(c.estimateBytes(body("").getBytes(), "text/plain"), alt, 400,
                "invalid_format", null, "unsupported_content_type", "Content-Type"));
        flip("BODY-JSON", (c, alt) -> codes(c.estimate("{\"prompt\":"), alt, 400, "invalid_format", null,
                "invalid_json", null));
        flip("BODY-UNKNOWN-FIELD", (c, alt) -> {
            Reply r = c.estimate(body("\"colour\":\"red\""));
            if (alt) {
                assertThat(r.status()).isEqualTo(200);
            } else {
                error(r, 400, "invalid_format", "colour");
            }
        });
        flip("BODY-TYPE", (c, alt) -> codes(c.estimate(body("\"reference_image_urls\":[1]")), alt, 400,
                "invalid_format", "reference_image_urls[0]", "invalid_type", "reference_image_urls"));
        flip("BODY-INTEGER", (c, alt) -> {
            Reply r = c.estimate(body("\"width\":1040.5,\"height\":2048"));
            if (alt) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-Mock-Resolved-Size")).isEqualTo("1056x2048");
            } else {
                error(r, 400, "invalid_format", "width");
            }
            codes(c.estimate(body("\"steps\":30.5")), alt, 400, "invalid_format", "steps", "invalid_type", "steps");
            assertThat(c.estimate(body("\"width\":1024.0,\"height\":2048")).status()).isEqualTo(200);
            assertThat(c.estimate(body("\"width\":1023.5,\"height\":2048")).status()).isEqualTo(400);
        });
        flip("BODY-NULL-AS-ABSENT", (c, alt) -> {
            Reply r = c.estimate(body("\"seed\":null"));
            if (alt) {
                error(r, 400, "invalid_type", "seed");
            } else {
                assertThat(r.status()).isEqualTo(200);
            }
        });
        flip("IDEMPOTENCY-IGNORED", (c, alt) -> {
            Reply r = c.estimate(body(""), "X-Api-Key", Keys.ALPHA, "Idempotency-Key", "k".repeat(300));
            if (alt) {
                error(r, 400, "invalid_format", "Idempotency-Key");
            } else {
                assertThat(r.status()).isEqualTo(200);
            }
            assertThat(c.estimate(body(""), "X-Api-Key", Keys.ALPHA, "Idempotency-Key",
                    "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f").status()).isEqualTo(200);
        });
        flip("PROMPT-REQUIRED", (c, alt) -> codes(c.estimate("{}"), alt, 400, "missing_field", "prompt",
                "invalid_format", "prompt"));
        flip("PROMPT-LENGTH", (c, alt) -> codes(c.estimate("{\"prompt\":\"\"}"), alt, 400, "value_out_of_range",
                "prompt", "invalid_format", "prompt"));
        flip("PROMPT-NOT-BLANK", (c, alt) -> {
            Reply unicode = c.estimate("{\"prompt\":\" \\u3000\\n\\u00a0\"}");
            if (alt) {
                assertThat(unicode.status()).isEqualTo(200);
            } else {
                error(unicode, 400, "value_out_of_range", "prompt");
            }
            codes(c.estimate("{\"prompt\":\" \\t\\n\"}"), alt, 400, "value_out_of_range", "prompt",
                    "invalid_format", "prompt");
        });
        flip("NEG-PROMPT-LENGTH", (c, alt) -> codes(c.estimate(body("\"negative_prompt\":\"\"")), alt, 400,
                "value_out_of_range", "negative_prompt", "invalid_format", "negative_prompt"));
        flip("SIZE-ENUM", (c, alt) -> codes(c.estimate(body("\"size\":\"hd_square\"")), alt, 400, "invalid_format",
                "size", "value_out_of_range", "size"));
        flip("SIZE-XOR-DIMS", (c, alt) -> codes(c.estimate(body("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048")),
                alt, 400, "parameter_invalid_combination", "size", "parameter_invalid_combination", null));
        flip("DIM-PAIR", (c, alt) -> codes(c.estimate(body("\"width\":2048")), alt, 400, "missing_field", "height",
                "missing_field", null));
        flip("DIM-RANGE", (c, alt) -> codes(c.estimate(body("\"width\":1000,\"height\":2048")), alt, 400,
                "value_out_of_range", "width", "invalid_format", "width"));
        flip("DIM-SNAP-32", (c, alt) -> {
            assertThat(c.estimate(body("\"width\":1040,\"height\":4080")).header("X-Mock-Resolved-Size"))
                    .isEqualTo(alt ? "1024x4064" : "1056x4096");
            assertThat(c.estimate(body("\"width\":1041,\"height\":1039")).header("X-Mock-Resolved-Size"))
                    .isEqualTo("1056x1024");
        });
        for (String[] range : new String[][] {{"STEPS-RANGE", "steps", "101"}, {"GUIDANCE-RANGE", "guidance_scale", "0"},
                {"CFG-RESCALE-RANGE", "cfg_rescale", "1.5"}, {"DENOISE-RANGE", "denoise_strength", "-0.1"},
                {"COUNT-RANGE", "count", "5"}}) {
            flip(range[0], (c, alt) -> codes(c.estimate(body("\"" + range[1] + "\":" + range[2])), alt, 400,
                    "value_out_of_range", range[1], "invalid_format", range[1]));
        }
        flip("SEED-RANGE", (c, alt) -> {
            Reply big = c.estimate(body("\"seed\":9007199254740992"));
            if (alt) {
                assertThat(big.status()).isEqualTo(200);
                assertThat(c.estimate(body("\"seed\":123456789012345678901234567890")).status()).isEqualTo(200);
            } else {
                error(big, 400, "value_out_of_range", "seed");
            }
            codes(c.estimate(body("\"seed\":-1")), alt, 400, "value_out_of_range", "seed", "invalid_format", "seed");
        });
        flip("WEBHOOK-URL", (c, alt) -> {
            Reply r = c.estimate(body("\"webhook_url\":\"http://hooks.example/x\""));
            if (alt) {
                assertThat(r.status()).isEqualTo(200);
            } else {
                error(r, 400, "invalid_format", "webhook_url");
            }
        });
        flip("WEBHOOK-URL-MAX-LENGTH", (c, alt) -> {
            Reply r = c.estimate(body("\"webhook_url\":\"https://hooks.example/" + "w".repeat(2100) + "\""));
            if (alt) {
                assertThat(r.status()).isEqualTo(200);
            } else {
                error(r, 400, "value_out_of_range", "webhook_url");
            }
        });
        flip("REF-MAX-ITEMS", (c, alt) -> codes(c.estimate(body(refs("https://a.example/1", "https://a.example/2",
                "https://a.example/3", "https://a.example/4", "https://a.example/5", "https://a.example/6",
                "https://a.example/7"))), alt, 400, "value_out_of_range", "reference_image_urls",
                "invalid_format", "reference_image_urls"));
        flip("REF-ITEM-FORM", (c, alt) -> codes(c.estimate(body(refs("http://example.com/a.jpg"))), alt, 400,
                "invalid_format", "reference_image_urls[0]", "invalid_reference", "reference_image_urls"));
        flip("REF-URL-MAX-LENGTH", (c, alt) -> codes(c.estimate(body(refs("https://a.example/" + "u".repeat(2100)))),
                alt, 400, "value_out_of_range", "reference_image_urls[0]", "invalid_format", "reference_image_urls"));
        flip("REF-URL-HOST-BLOCKED", (c, alt) -> {
            Reply r = c.estimate(body(refs("https://example.com/a.jpg", "https://10.0.0.1/a.jpg")));
            codes(r, alt, 400, "invalid_format", "reference_image_urls[1]", "unsafe_url", "reference_image_urls");
            assertThat(r.error().path("message").asText()).contains("private address (10.0.0.1)");
        });
        flip("REF-URL-HOST-UNLISTED", (c, alt) -> {
            Reply r = c.estimate(body(refs("https://example.com/a.jpg", "https://100.64.0.1/a.jpg")));
            if (alt) {
                assertThat(r.status()).isEqualTo(200);
            } else {
                error(r, 400, "invalid_format", "reference_image_urls[1]");
                assertThat(r.error().path("message").asText()).contains("shared (carrier-grade NAT) address");
            }
        });
        flip("REF-URL-NO-USERINFO", (c, alt) -> codes(c.estimate(body(refs("https://user@example.com/a.jpg"))), alt,
                400, "invalid_format", "reference_image_urls[0]", "unsafe_url", "reference_image_urls"));
        flip("REF-FILE-ID-FORM", (c, alt) -> codes(c.estimate(body(refs("file_ZZZZZZZZZZZZZZZZZZZZZZZZZZ"))), alt,
                alt ? 400 : 404, "resource_not_found", "reference_image_urls[0]", "invalid_format",
                "reference_image_urls"));
        flip("REF-FILE-EXISTS", (c, alt) -> codes(c.estimate(body(refs("file_01JD0000000000000000000000"))), alt, 404,
                "resource_not_found", "reference_image_urls[0]", "forbidden_resource", "reference_image_urls"));
        flip("CHAR-XOR-REFS", (c, alt) -> codes(c.estimate(body("\"character_id\":\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\","
                + refs("https://example.com/a.jpg"))), alt, 400, "mutually_exclusive_input", "character_id",
                "mutually_exclusive_input", "reference_image_urls"));
        flip("CHAR-ID-FORM", (c, alt) -> codes(c.estimate(body("\"character_id\":\"my-character\"")), alt,
                alt ? 400 : 404, "resource_not_found", "character_id", "invalid_format", "character_id"));
        flip("CHAR-NOT-FOUND", (c, alt) -> codes(c.estimate(body("\"character_id\":\"" + UNKNOWN_CHARACTER + "\"")),
                alt, 404, "resource_not_found", "character_id", "forbidden_resource", "character_id"));
        flip("LORA-ID-FORM", (c, alt) -> codes(c.estimate(body("\"lora_id\":\"Cinematic Gold!\"")), alt,
                alt ? 400 : 404, "resource_not_found", "lora_id", "invalid_format", "lora_id"));
        flip("LORA-NOT-FOUND", (c, alt) -> codes(c.estimate(body("\"lora_id\":\"no-such-style\"")), alt, 404,
                "resource_not_found", "lora_id", "forbidden_resource", "lora_id"));
        flip("LORA-MODE", (c, alt) -> codes(c.estimate(body("\"lora_id\":\"pixel-sketch\","
                + refs("https://example.com/a.jpg"))), alt, 400, "unsupported_lora_for_mode", "lora_id",
                "unsupported_lora_for_mode", null));
        flip("PRICE-COUNT", (c, alt) -> assertThat(c.estimate(body("\"count\":3")).body())
                .isEqualTo(alt ? "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":3.0,\"breakdown\":"
                        + "{\"base\":3.0,\"enhance\":0.0}},\"currency\":\"credit\"}"
                        : "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":3,\"breakdown\":{\"base\":3}},"
                        + "\"currency\":\"credit\"}"));
        flip("PRICE-ENHANCE", (c, alt) -> {
            var breakdown = c.estimate(body("")).json().at("/estimated_cost/breakdown");
            assertThat(breakdown.has("enhance")).isEqualTo(alt);
            if (alt) {
                assertThat(breakdown.path("enhance").decimalValue()).isEqualByComparingTo("0");
            }
        });
        flip("ENVELOPE-SHAPE", (c, alt) -> {
            Reply r = c.estimate("{\"prompt\":");
            assertThat(r.error().has("param")).isEqualTo(!alt);
            assertThat(c.estimate("{}").error().path("param").asText()).isEqualTo("prompt");
        });
        flip("EVALUATION-ORDER", (c, alt) -> {
            Reply lookupAndSchema = c.estimate("{\"prompt\":\"\",\"character_id\":\"" + UNKNOWN_CHARACTER + "\"}");
            assertThat(lookupAndSchema.header("X-Mock-Rule")).isEqualTo(alt ? "CHAR-NOT-FOUND" : "PROMPT-LENGTH");
            Reply twoSchema = c.estimate("{\"prompt\":\"\",\"count\":9}");
            assertThat(twoSchema.header("X-Mock-Rule")).isEqualTo(alt ? "COUNT-RANGE" : "PROMPT-LENGTH");
            Reply versionAndBody = c.estimate("{\"prompt\":", "X-Api-Key", Keys.ALPHA, "Aurous-Version", "x");
            assertThat(versionAndBody.header("X-Mock-Rule")).isEqualTo(alt ? "BODY-JSON" : "VERSION-PATTERN");
            Reply authFirst = c.estimate("{\"prompt\":", "X-Api-Key", "nope", "Aurous-Version", "x");
            assertThat(authFirst.header("X-Mock-Rule")).isEqualTo("AUTH-INVALID-KEY");
        });
    }

    @Test
    void every_choice_that_differs_has_a_flip() {
        List<String> expected = new ArrayList<>(CATALOG.alternatives().stream().map(Rule::id).toList());
        expected.add("EVALUATION-ORDER");
        assertThat(FLIPS.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @TestFactory
    Stream<DynamicTest> each_flipped_choice_is_observable_over_http() {
        return FLIPS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            e.getValue().check().accept(decision, false);
            e.getValue().check().accept(alternative, true);
        }));
    }

    @Test
    void documented_answers_are_the_same_under_both_profiles() {
        String[][] requests = {
            {"{\"prompt\":\"A golden sunset\",\"width\":2050,\"height\":1100,\"enhance_prompt\":true}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"count\":4,\"enhance_prompt\":true,\"size\":\"4k_21_9\"}", Keys.BETA},
            {"{\"prompt\":\"x\",\"character_id\":\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\"}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"reference_image_urls\":[\"file_01HXMQ7Z3K8Y2NABCDEFGHJKMN\",\"https://example.com/a\"]}",
                Keys.ALPHA},
            {"{\"prompt\":\"x\",\"reference_image_urls\":[]}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"lora_id\":\"cinematic-gold\",\"denoise_strength\":0.6}", Keys.ALPHA_LEGACY},
            {"{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"character_id\":\"char_01JDSYNTHW8JDG7FJ1BBXDK4A0\"}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"character_id\":\"char_01JDBETA64PF15JPCCXNGD3REA\"}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"lora_id\":\"beta-house-style\"}", Keys.ALPHA},
            {"{\"prompt\":\"x\",\"lora_id\":\"pixel-sketch\",\"character_id\":\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\"}",
                Keys.ALPHA},
            {"{\"prompt\":\"x\"}", Keys.ALPHA_REVOKED},
            {"{\"prompt\":\"x\"}", "al_live_unknown"},
        };
        for (String[] r : requests) {
            Reply d = decision.estimate(r[0], "X-Api-Key", r[1]);
            Reply a = alternative.estimate(r[0], "X-Api-Key", r[1]);
            assertThat(a.status()).as(r[0]).isEqualTo(d.status());
            if (d.status() == 200) {
                assertThat(a.json().at("/estimated_cost/amount").decimalValue()).as(r[0])
                        .isEqualByComparingTo(d.json().at("/estimated_cost/amount").decimalValue());
                assertThat(a.json().at("/estimated_cost/breakdown/base").decimalValue()).as(r[0])
                        .isEqualByComparingTo(d.json().at("/estimated_cost/breakdown/base").decimalValue());
            } else {
                Rule rule = CATALOG.rule(d.header("X-Mock-Rule"));
                assertThat(a.header("X-Mock-Rule")).as(r[0]).isEqualTo(rule.id());
                if (rule.outcome().isDocumented("code")) {
                    assertThat(a.code()).as(r[0]).isEqualTo(d.code());
                }
                assertThat(a.error().path("type").asText()).isEqualTo(d.error().path("type").asText());
            }
            for (String header : List.of("Aurous-Version", "X-RateLimit-Limit", "Content-Type")) {
                assertThat(a.header(header)).as(header).isEqualTo(d.header(header));
            }
            assertThat(a.header("Aurous-Request-Id")).matches("req_[0-7][0-9A-HJKMNP-TV-Z]{25}");
        }
    }

    @Test
    void every_blocked_reference_host_of_the_corpus_is_still_refused_under_the_alternative() {
        for (String url : SsrfCorpus.bundled().blocked()) {
            ObjectNode node = JSON.createObjectNode().put("prompt", "x");
            node.putArray("reference_image_urls").add(url);
            Reply r = alternative.estimate(node.toString());
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error().path("type").asText()).isEqualTo("invalid_request");
            assertThat(r.param()).as(url).isEqualTo("reference_image_urls");
        }
        for (String url : SsrfCorpus.bundled().allowed()) {
            ObjectNode node = JSON.createObjectNode().put("prompt", "x");
            node.putArray("reference_image_urls").add(url);
            assertThat(alternative.estimate(node.toString()).status()).as(url).isEqualTo(200);
        }
    }

    @Test
    void every_unlisted_reference_host_of_the_corpus_is_accepted_under_the_alternative() {
        for (String url : SsrfCorpus.bundled().unlisted()) {
            ObjectNode node = JSON.createObjectNode().put("prompt", "x");
            node.putArray("reference_image_urls").add(url);
            Reply r = alternative.estimate(node.toString());
            // a URL whose form already fails the schema stays REF-ITEM-FORM's; no host rule refuses any of them
            assertThat(r.header("X-Mock-Rule")).as(url).isIn("OK", "REF-ITEM-FORM");
            assertThat(decision.estimate(node.toString()).header("X-Mock-Rule")).as(url)
                    .isIn("REF-URL-HOST-UNLISTED", "REF-ITEM-FORM");
        }
    }

    @Test
    void rate_limit_headers_and_bucket_are_the_same_under_both_profiles() {
        try (MockServer d = MockServer.start(MockOptions.builder().rateLimit(2, 1).build());
             MockServer a = MockServer.start(MockOptions.builder().rateLimit(2, 1).profile(Profile.ALTERNATIVE)
                     .build())) {
            for (MockServer server : List.of(d, a)) {
                MockClient c = new MockClient(server.baseUrl());
                assertThat(c.estimate(body("")).header("X-RateLimit-Remaining")).isEqualTo("1");
                assertThat(c.estimate(body("")).status()).isEqualTo(200);
                Reply limited = c.estimate(body(""));
                assertThat(limited.status()).isEqualTo(429);
                assertThat(limited.code()).isEqualTo("too_many_requests");
                assertThat(limited.header("Retry-After")).matches("\\d+");
                assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("2");
            }
        }
    }

    @Test
    void preflight_is_the_same_under_both_profiles() {
        for (MockClient c : List.of(decision, alternative)) {
            Reply r = c.send(c.request("/v1/images/estimate").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST").build());
            assertThat(r.status()).isEqualTo(204);
        }
    }
}
