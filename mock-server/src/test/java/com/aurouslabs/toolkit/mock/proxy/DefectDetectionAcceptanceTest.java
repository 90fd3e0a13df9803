package com.aurouslabs.toolkit.mock.proxy;

import static com.aurouslabs.toolkit.mock.proxy.Probe.post;
import static com.aurouslabs.toolkit.mock.proxy.Probe.prompt;
import static com.aurouslabs.toolkit.mock.proxy.Probe.refs;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A mock upstream with one injected defect stands in for a real API that parts from the contract: the proxy
 * reports it as a violation, under either upstream profile. Every defect has a row, so a new defect needs a
 * decision here: named by its own rule, named by the rule whose answer the upstream gives (a wrong refusal), not
 * judgeable from the traffic (it needs the team's data: the rule is listed as not judged), or unseen (a price that
 * needs the team's rate card); a defect in a part the vendor leaves open is a note.
 * The same probe without the defect passes clean.
 */
class DefectDetectionAcceptanceTest {

    private enum Seen { OWN_RULE, ANSWERED_AS, NOT_JUDGED, NOTE_ONLY, UNSEEN }

    /** What the proxy reports for a defect: how, and under which rule. */
    private record Expected(Probe probe, Seen seen, String rule) {
    }

    private static final Map<String, Expected> TABLE = new LinkedHashMap<>();

    private static void row(String defect, Probe probe, Seen seen, String rule) {
        TABLE.put(defect, new Expected(probe, seen, rule));
    }

    static {
        String dims = "\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048";
        row("ACCEPT_REVOKED_KEY", post("revoked key", prompt(""), "X-Api-Key", Keys.ALPHA_REVOKED),
                Seen.NOT_JUDGED, "AUTH-REVOKED-KEY");
        row("ACCEPT_UNKNOWN_VERSION", post("future version", prompt(""), "Aurous-Version", "2099-01-01"),
                Seen.OWN_RULE, "VERSION-UNKNOWN");
        row("MISSING_VERSION_ECHO", post("minimal", prompt("")), Seen.OWN_RULE, "VERSION-ECHO");
        row("ACCEPT_BLANK_PROMPT", post("blank prompt", "{\"prompt\":\"   \"}"), Seen.OWN_RULE, "PROMPT-NOT-BLANK");
        row("ACCEPT_PROMPT_OVER_MAX_LENGTH", post("long prompt", "{\"prompt\":\"" + "p".repeat(4001) + "\"}"),
                Seen.OWN_RULE, "PROMPT-LENGTH");
        // A wrong refusal is named by the rule whose answer it carries: 400 invalid_format param=width.
        row("REJECT_NON_MULTIPLE_OF_32", post("1040 x 1040", prompt("\"width\":1040,\"height\":1040")),
                Seen.ANSWERED_AS, "DIM-RANGE");
        row("ACCEPT_SIZE_WITH_DIMS", post("size with dimensions", prompt(dims)), Seen.OWN_RULE, "SIZE-XOR-DIMS");
        row("ACCEPT_LONE_DIMENSION", post("lone width", prompt("\"width\":2048")), Seen.OWN_RULE, "DIM-PAIR");
        row("ACCEPT_STEPS_OVER_MAX", post("steps 101", prompt("\"steps\":101")), Seen.OWN_RULE, "STEPS-RANGE");
        row("ACCEPT_SEVEN_REFERENCES", post("seven references", prompt(refs("https://a.example/1.png",
                "https://a.example/2.png", "https://a.example/3.png", "https://a.example/4.png",
                "https://a.example/5.png", "https://a.example/6.png", "https://a.example/7.png"))),
                Seen.OWN_RULE, "REF-MAX-ITEMS");
        row("DROP_REFERENCE_URL_MAX_LENGTH", post("long reference", prompt(refs("https://example.com/"
                + "a".repeat(2040)))), Seen.OWN_RULE, "REF-URL-MAX-LENGTH");
        // An empty array with a character refused as CHAR-XOR-REFS: named by the answer it carries.
        row("EMPTY_REFERENCES_ARE_REFERENCES", post("character with []", prompt(refs() + ",\"character_id\":\""
                + Probe.READY_CHARACTER + "\"")), Seen.ANSWERED_AS, "CHAR-XOR-REFS");
        row("ACCEPT_PRIVATE_REFERENCE_HOST", post("10.0.0.1", prompt(refs("https://10.0.0.1/a.png"))),
                Seen.OWN_RULE, "REF-URL-HOST-BLOCKED");
        row("ACCEPT_PRIVATE_IPV4_HOSTS", post("192.168.1.10", prompt(refs("https://192.168.1.10/a.png"))),
                Seen.OWN_RULE, "REF-URL-HOST-BLOCKED");
        row("ACCEPT_NUMERIC_IPV4_SPELLINGS", post("0x7f.1", prompt(refs("https://0x7f.1/a.png"))),
                Seen.OWN_RULE, "REF-URL-HOST-BLOCKED");
        row("ACCEPT_IPV6_ULA_AND_LINK_LOCAL", post("fd00::1", prompt(refs("https://[fd00::1]/a.png"))),
                Seen.OWN_RULE, "REF-URL-HOST-BLOCKED");
        row("ACCEPT_METADATA_HOST_NAMES", post("metadata.google.internal",
                prompt(refs("https://metadata.google.internal/computeMetadata/v1/"))), Seen.OWN_RULE,
                "REF-URL-HOST-BLOCKED");
        row("ACCEPT_LOOPBACK_HOSTS", post("localhost", prompt(refs("https://localhost/a.png"))), Seen.OWN_RULE,
                "REF-URL-HOST-BLOCKED");
        row("MISS_CHARACTER_REF_EXCLUSION", post("character with a reference", prompt(refs(
                "https://example.com/a.png") + ",\"character_id\":\"" + Probe.READY_CHARACTER + "\"")),
                Seen.OWN_RULE, "CHAR-XOR-REFS");
        row("LEAK_FOREIGN_CHARACTER", post("foreign character", prompt("\"character_id\":\""
                + Probe.FOREIGN_CHARACTER + "\"")), Seen.NOT_JUDGED, "CHAR-NOT-FOUND");
        row("ACCEPT_NOT_READY_CHARACTER", post("synthesizing character", prompt("\"character_id\":\""
                + Probe.SYNTHESIZING_CHARACTER + "\"")), Seen.NOT_JUDGED, "CHAR-NOT-READY");
        row("LORA_NOT_SCOPED_TO_TEAM", post("beta's LoRA", prompt("\"lora_id\":\"beta-house-style\"")),
                Seen.NOT_JUDGED, "LORA-NOT-FOUND");
        // What a reference costs needs the team's rate card; the answer is still a consistent estimate.
        row("PRICE_REFERENCES", post("priced reference", prompt(refs("https://example.com/a.png"))),
                Seen.UNSEEN, "PRICE-REFS-FREE");
        row("COUNT_LEFT_OUT_OF_AMOUNT", post("count 3", prompt("\"count\":3")), Seen.OWN_RULE, "PRICE-SUM");
        row("ENHANCE_LEFT_OUT_OF_AMOUNT", post("enhanced", prompt("\"enhance_prompt\":true")), Seen.OWN_RULE,
                "PRICE-SUM");
        row("RESET_IN_MILLISECONDS", post("minimal", prompt("")), Seen.OWN_RULE, "RATE-LIMIT-HEADERS");
        row("MISSING_REQUEST_ID", post("minimal", prompt("")), Seen.OWN_RULE, "REQUEST-ID");
        // The spec's pattern admits any req_ + 20-40 letters and digits (the vendor's own examples are not ULIDs).
        row("NON_ULID_REQUEST_IDS", post("minimal", prompt("")), Seen.NOTE_ONLY, "REQUEST-ID");
    }

    @Test
    void every_defect_has_a_row() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(
                Defects.all().stream().map(DefectInfo::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> each_defect_of_a_default_upstream_is_reported() {
        return tests(Profile.DEFAULT);
    }

    @TestFactory
    Stream<DynamicTest> each_defect_of_an_alternative_upstream_is_reported() {
        return tests(Profile.ALTERNATIVE);
    }

    private static Stream<DynamicTest> tests(Profile profile) {
        ProxyPair pair = ProxyPair.start(profile);
        List<DynamicTest> tests = new ArrayList<>();
        TABLE.forEach((defect, expected) -> tests.add(DynamicTest.dynamicTest(defect + " (" + expected.seen() + " "
                + expected.rule() + ")", () -> check(pair, defect, expected))));
        tests.add(DynamicTest.dynamicTest("stop", pair::close));
        return tests.stream();
    }

    private static void check(ProxyPair pair, String defect, Expected expected) {
        pair.reset();
        Reply clean = expected.probe().send(pair.viaProxy);
        assertThat(ProxyPair.violations(clean)).as("without the defect: %s", pair.lastFindings()).isEmpty();
        pair.upstream.defect(defect);
        try {
            Reply reply = expected.probe().send(pair.viaProxy);
            var findings = pair.lastFindings();
            switch (expected.seen()) {
                case OWN_RULE, ANSWERED_AS -> {
                    assertThat(ProxyPair.violations(reply)).as("%s", findings).contains(expected.rule());
                    assertThat(findings.path("violations").toString()).contains(expected.rule());
                }
                case NOT_JUDGED -> {
                    assertThat(ProxyPair.violations(reply)).as("%s", findings).isEmpty();
                    assertThat(ValidatingProxyAcceptanceTest.texts(findings.path("not_judged")))
                            .contains(expected.rule());
                }
                case NOTE_ONLY -> {
                    assertThat(ProxyPair.violations(reply)).as("%s", findings).isEmpty();
                    assertThat(ProxyPair.notes(reply)).contains(expected.rule());
                }
                case UNSEEN -> {
                    assertThat(ProxyPair.violations(reply)).as("%s", findings).isEmpty();
                    assertThat(ProxyPair.notes(reply)).as("%s", findings).isEmpty();
                }
                default -> throw new IllegalStateException(expected.seen().name());
            }
        } finally {
            pair.upstream.defect(Defects.NONE);
        }
    }
}
