package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every defect of {@link Defects#all()} is observable over HTTP, under both profiles: the same requests answer
 * correctly without it, and break exactly the defect's rule with it (the neighbouring cases still answer right).
 */
class DefectInjectionAcceptanceTest {

    private static final String READY_CHARACTER = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR";
    private static final String SYNTHESIZING_CHARACTER = "char_01JDSYNTHW8JDG7FJ1BBXDK4A0";
    private static final String FOREIGN_CHARACTER = "char_01JDBETA64PF15JPCCXNGD3REA";
    /** A well-formed ULID no fixture uses. */
    private static final String UNKNOWN_CHARACTER = "char_01JDZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String ULID_REQUEST_ID = "req_[0-7][0-9A-HJKMNP-TV-Z]{25}";

    /** One defect's probe: what the correct mock answers, and what the defective one answers instead. */
    private record Probe(Consumer<MockClient> correct, Consumer<MockClient> defective) {
    }

    private static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    private static void probe(String defect, Consumer<MockClient> correct, Consumer<MockClient> defective) {
        PROBES.put(defect, new Probe(correct, defective));
    }

    private static String prompt(String extra) {
        return "{\"prompt\":\"x\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String refs(String... urls) {
        StringBuilder b = new StringBuilder("\"reference_image_urls\":[");
        for (int i = 0; i < urls.length; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(urls[i]).append('"');
        }
        return b.append(']').toString();
    }

    private static void status(MockClient c, String body, int expected) {
        assertThat(c.estimate(body).status()).as(body).isEqualTo(expected);
    }

    private static void statuses(MockClient c, int expected, String... bodies) {
        for (String body : bodies) {
            status(c, body, expected);
        }
    }

    private static boolean amountIsTheSumOfTheLines(Reply reply) {
        JsonNode cost = reply.json().path("estimated_cost");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : cost.path("breakdown")) {
            sum = sum.add(line.decimalValue());
        }
        return sum.compareTo(cost.path("amount").decimalValue()) == 0;
    }

    static {
        probe("ACCEPT_REVOKED_KEY",
                c -> assertThat(c.estimate(prompt(""), "X-Api-Key", Keys.ALPHA_REVOKED).status()).isEqualTo(401),
                c -> assertThat(c.estimate(prompt(""), "X-Api-Key", Keys.ALPHA_REVOKED).status()).isEqualTo(200));
        probe("ACCEPT_UNKNOWN_VERSION",
                c -> assertThat(c.estimate(prompt(""), "X-Api-Key", Keys.ALPHA, "Aurous-Version", "2099-01-01")
                        .status()).isEqualTo(400),
                c -> assertThat(c.estimate(prompt(""), "X-Api-Key", Keys.ALPHA, "Aurous-Version", "2099-01-01")
                        .status()).isEqualTo(200));
        probe("MISSING_VERSION_ECHO",
                c -> assertThat(c.estimate(prompt("")).header("Aurous-Version")).isEqualTo("2026-05-15"),
                c -> {
                    assertThat(c.estimate(prompt("")).header("Aurous-Version")).isNull();
                    assertThat(c.estimate("{}").header("Aurous-Version")).isNull();
                });
        probe("ACCEPT_BLANK_PROMPT",
                c -> status(c, "{\"prompt\":\"   \"}", 400),
                c -> {
                    status(c, "{\"prompt\":\"   \"}", 200);
                    status(c, "{\"prompt\":\"\"}", 400);
                });
        String longPrompt = "{\"prompt\":\"" + "p".repeat(4001) + "\"}";
        probe("ACCEPT_PROMPT_OVER_MAX_LENGTH", c -> status(c, longPrompt, 400), c -> {
            status(c, longPrompt, 200);
            status(c, "{\"prompt\":\"\"}", 400);
        });
        probe("REJECT_NON_MULTIPLE_OF_32",
                c -> status(c, prompt("\"width\":1040,\"height\":2048"), 200),
                c -> {
                    Reply r = c.estimate(prompt("\"width\":1040,\"height\":2048"));
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.header("X-Mock-Rule")).isEqualTo("DIM-SNAP-32");
                    status(c, prompt("\"width\":1024,\"height\":2048"), 200);
                });
        probe("ACCEPT_SIZE_WITH_DIMS",
                c -> status(c, prompt("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048"), 400),
                c -> {
                    status(c, prompt("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048"), 200);
                    status(c, prompt("\"width\":2048"), 400);
                });
        probe("ACCEPT_LONE_DIMENSION",
                c -> status(c, prompt("\"width\":2048"), 400),
                c -> {
                    status(c, prompt("\"width\":2048"), 200);
                    status(c, prompt("\"width\":100"), 400);
                });
        probe("ACCEPT_STEPS_OVER_MAX",
                c -> status(c, prompt("\"steps\":101"), 400),
                c -> {
                    status(c, prompt("\"steps\":101"), 200);
                    statuses(c, 400, prompt("\"steps\":0"), prompt("\"count\":5"));
                });
        String seven = prompt(refs("https://a.example/1", "https://a.example/2", "https://a.example/3",
                "https://a.example/4", "https://a.example/5", "https://a.example/6", "https://a.example/7"));
        String eight = prompt(refs("https://a.example/1", "https://a.example/2", "https://a.example/3",
                "https://a.example/4", "https://a.example/5", "https://a.example/6", "https://a.example/7",
                "https://a.example/8"));
        probe("ACCEPT_SEVEN_REFERENCES", c -> status(c, seven, 400), c -> {
            status(c, seven, 200);
            status(c, eight, 400);
        });
        String longUrl = prompt(refs("https://a.example/" + "u".repeat(2100)));
        probe("DROP_REFERENCE_URL_MAX_LENGTH", c -> status(c, longUrl, 400), c -> status(c, longUrl, 200));
        String characterWithEmptyRefs = prompt("\"character_id\":\"" + READY_CHARACTER + "\",\"reference_image_urls\":[]");
        probe("EMPTY_REFERENCES_ARE_REFERENCES", c -> status(c, characterWithEmptyRefs, 200), c -> {
            Reply r = c.estimate(characterWithEmptyRefs);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("mutually_exclusive_input");
        });
        probe("ACCEPT_PRIVATE_REFERENCE_HOST",
                c -> statuses(c, 400, prompt(refs("https://127.0.0.1/a")), prompt(refs("https://10.0.0.1/a"))),
                c -> {
                    statuses(c, 200, prompt(refs("https://127.0.0.1/a")), prompt(refs("https://10.0.0.1/a")));
                    status(c, prompt(refs("https://u@example.com/a")), 400);
                });
        String[] privateV4 = {prompt(refs("https://10.0.0.1/a")), prompt(refs("https://172.16.5.4/a")),
                prompt(refs("https://192.168.1.1/a"))};
        probe("ACCEPT_PRIVATE_IPV4_HOSTS", c -> statuses(c, 400, privateV4), c -> {
            statuses(c, 200, privateV4);
            statuses(c, 400, prompt(refs("https://127.0.0.1/a")), prompt(refs("https://[fd12::1]/a")));
        });
        String[] numeric = {prompt(refs("https://2130706433/a")), prompt(refs("https://0x7f000001/a")),
                prompt(refs("https://0177.0.0.1/a")), prompt(refs("https://10.1/a"))};
        probe("ACCEPT_NUMERIC_IPV4_SPELLINGS", c -> statuses(c, 400, numeric), c -> {
            statuses(c, 200, numeric);
            statuses(c, 400, prompt(refs("https://127.0.0.1/a")), prompt(refs("https://10.0.0.1/a")));
        });
        String[] v6 = {prompt(refs("https://[fd12:3456::1]/a")), prompt(refs("https://[fe80::1]/a"))};
        probe("ACCEPT_IPV6_ULA_AND_LINK_LOCAL", c -> statuses(c, 400, v6), c -> {
            statuses(c, 200, v6);
            statuses(c, 400, prompt(refs("https://[::1]/a")), prompt(refs("https://169.254.1.1/a")));
        });
        String[] metadataNames = {prompt(refs("https://metadata.google.internal/a")),
                prompt(refs("https://metadata.aws.com/a")), prompt(refs("https://METADATA.GOOGLE.INTERNAL./a"))};
        probe("ACCEPT_METADATA_HOST_NAMES", c -> statuses(c, 400, metadataNames), c -> {
            statuses(c, 200, metadataNames);
            statuses(c, 400, prompt(refs("https://169.254.169.254/a")), prompt(refs("https://localhost/a")));
        });
        String[] loopback = {prompt(refs("https://127.0.0.1/a")), prompt(refs("https://[::1]/a")),
                prompt(refs("https://localhost/a"))};
        probe("ACCEPT_LOOPBACK_HOSTS", c -> statuses(c, 400, loopback), c -> {
            statuses(c, 200, loopback);
            statuses(c, 400, prompt(refs("https://10.0.0.1/a")), prompt(refs("https://metadata.google.internal/a")));
        });
        String characterAndRefs = prompt("\"character_id\":\"" + READY_CHARACTER + "\","
                + refs("https://example.com/a.jpg"));
        probe("MISS_CHARACTER_REF_EXCLUSION", c -> status(c, characterAndRefs, 400), c -> status(c, characterAndRefs, 200));
        probe("LEAK_FOREIGN_CHARACTER",
                c -> assertThat(c.estimate(prompt("\"character_id\":\"" + FOREIGN_CHARACTER + "\"")).bodyWithoutRequestId())
                        .isEqualTo(c.estimate(prompt("\"character_id\":\"" + UNKNOWN_CHARACTER + "\""))
                                .bodyWithoutRequestId()),
                c -> {
                    Reply foreign = c.estimate(prompt("\"character_id\":\"" + FOREIGN_CHARACTER + "\""));
                    assertThat(foreign.status()).isEqualTo(404);
                    assertThat(foreign.bodyWithoutRequestId()).isNotEqualTo(c.estimate(
                            prompt("\"character_id\":\"" + UNKNOWN_CHARACTER + "\"")).bodyWithoutRequestId());
                });
        String notReady = prompt("\"character_id\":\"" + SYNTHESIZING_CHARACTER + "\"");
        probe("ACCEPT_NOT_READY_CHARACTER", c -> status(c, notReady, 400), c -> status(c, notReady, 200));
        probe("LORA_NOT_SCOPED_TO_TEAM",
                c -> status(c, prompt("\"lora_id\":\"beta-house-style\""), 404),
                c -> {
                    status(c, prompt("\"lora_id\":\"beta-house-style\""), 200);
                    statuses(c, 404, prompt("\"lora_id\":\"retired-style\""), prompt("\"lora_id\":\"no-such-style\""));
                });
        probe("PRICE_REFERENCES",
                c -> assertThat(c.estimate(prompt(refs("https://example.com/a.jpg"))).json()
                        .at("/estimated_cost/amount").decimalValue()).isEqualByComparingTo("1"),
                c -> {
                    assertThat(c.estimate(prompt(refs("https://example.com/a.jpg"))).json()
                            .at("/estimated_cost/amount").decimalValue()).isEqualByComparingTo("2");
                    assertThat(c.estimate(prompt("")).json().at("/estimated_cost/amount").decimalValue())
                            .isEqualByComparingTo("1");
                });
        probe("COUNT_LEFT_OUT_OF_AMOUNT",
                c -> assertThat(amountIsTheSumOfTheLines(c.estimate(prompt("\"count\":3")))).isTrue(),
                c -> {
                    Reply r = c.estimate(prompt("\"count\":3"));
                    assertThat(amountIsTheSumOfTheLines(r)).isFalse();
                    assertThat(r.json().at("/estimated_cost/amount").decimalValue()).isEqualByComparingTo("1");
                    assertThat(amountIsTheSumOfTheLines(c.estimate(prompt("")))).isTrue();
                });
        probe("ENHANCE_LEFT_OUT_OF_AMOUNT",
                c -> assertThat(amountIsTheSumOfTheLines(c.estimate(prompt("\"enhance_prompt\":true")))).isTrue(),
                c -> {
                    assertThat(amountIsTheSumOfTheLines(c.estimate(prompt("\"enhance_prompt\":true")))).isFalse();
                    assertThat(amountIsTheSumOfTheLines(c.estimate(prompt("\"count\":2")))).isTrue();
                });
        probe("RESET_IN_MILLISECONDS",
                c -> assertThat(Long.parseLong(c.estimate(prompt("")).header("X-RateLimit-Reset")))
                        .isLessThan(100_000_000_000L),
                c -> assertThat(Long.parseLong(c.estimate(prompt("")).header("X-RateLimit-Reset")))
                        .isGreaterThan(100_000_000_000L));
        probe("MISSING_REQUEST_ID",
                c -> assertThat(c.estimate(prompt("")).header("Aurous-Request-Id")).matches(ULID_REQUEST_ID),
                c -> {
                    assertThat(c.estimate(prompt("")).header("Aurous-Request-Id")).isNull();
                    assertThat(c.estimate("{}").error().path("request_id").asText()).matches(ULID_REQUEST_ID);
                });
        probe("NON_ULID_REQUEST_IDS",
                c -> assertThat(c.estimate("{}").header("Aurous-Request-Id")).matches(ULID_REQUEST_ID),
                c -> {
                    Reply r = c.estimate("{}");
                    assertThat(r.header("Aurous-Request-Id")).doesNotMatch(ULID_REQUEST_ID).matches("req_[0-9a-f]{32}");
                    assertThat(r.error().path("request_id").asText()).isEqualTo(r.header("Aurous-Request-Id"));
                });
    }

    abstract static class Base {
        private MockServer server;
        private MockClient client;

        @BeforeEach
        void setUp(MockServerInfo mock) {
            server = mock.server();
            client = new MockClient(mock.baseUrl());
        }

        @Test
        void every_defect_has_a_probe() {
            assertThat(PROBES.keySet()).containsExactlyInAnyOrderElementsOf(
                    Defects.all().stream().map(DefectInfo::name).toList());
        }

        @TestFactory
        Stream<DynamicTest> each_defect_breaks_its_rule_and_no_defect_answers_right() {
            return Defects.all().stream().map(d -> DynamicTest.dynamicTest(d.name() + " breaks " + d.ruleId(), () -> {
                Probe probe = PROBES.get(d.name());
                server.defect("NONE");
                probe.correct().accept(client);
                server.defect(d.name());
                try {
                    probe.defective().accept(client);
                } finally {
                    server.defect("NONE");
                }
                probe.correct().accept(client);
            }));
        }
    }

    @Nested
    @AurousMockTest(rateLimit = false)
    class DefaultProfile extends Base {
    }

    @Nested
    @AurousMockTest(rateLimit = false, profile = Profile.ALTERNATIVE)
    class AlternativeProfile extends Base {
    }

    @Nested
    @AurousMockTest(rateLimit = false, defect = "accept_blank_prompt")
    class StartedWithADefect {
        @Test
        void the_start_up_defect_applies_and_reset_restores_it(MockServerInfo mock) {
            MockClient client = new MockClient(mock.baseUrl());
            assertThat(mock.server().defect()).isEqualTo("ACCEPT_BLANK_PROMPT");
            assertThat(client.estimate("{\"prompt\":\"   \"}").status()).isEqualTo(200);
            mock.server().defect("NONE");
            assertThat(client.estimate("{\"prompt\":\"   \"}").status()).isEqualTo(400);
            mock.server().reset();
            assertThat(client.estimate("{\"prompt\":\"   \"}").status()).isEqualTo(200);
        }
    }
}
