package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CHAR-*, REF-* and LORA-* against the built-in fixtures. */
@AurousMockTest(rateLimit = false)
class ReferencedResourcesAcceptanceTest {

    private static final String READY = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR";
    private static final String BETA_CHAR = "char_01JDBETA64PF15JPCCXNGD3REA";
    private static final String LIVE_FILE = "file_01HXMQ7Z3K8Y2NABCDEFGHJKMN";

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    private Reply character(String id) {
        return client.estimate("{\"prompt\":\"x\",\"character_id\":\"" + id + "\"}");
    }

    private Reply refs(String... refs) {
        return client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"" + String.join("\",\"", refs) + "\"]}");
    }

    private Reply lora(String lora, String extra) {
        return client.estimate("{\"prompt\":\"x\",\"lora_id\":\"" + lora + "\"" + extra + "}");
    }

    @Test
    void character_with_references_is_rejected_as_mutually_exclusive() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"character_id\":\"" + READY
                + "\",\"reference_image_urls\":[\"https://example.com/a.jpg\"]}");
        assertInvalid(reply, "mutually_exclusive_input", "character_id");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("CHAR-XOR-REFS");
    }

    @Test
    void character_with_an_empty_reference_list_is_accepted() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"character_id\":\"" + READY
                + "\",\"reference_image_urls\":[]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {READY, "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"})
    void ready_character_of_the_team_is_accepted(String id) {
        assertThat(character(id).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"char_01JDSYNTHW8JDG7FJ1BBXDK4A0", "char_01JDREVWE95DY9JBE9FZ5VPPE3",
            "char_01JDFA1EDNHQKQM97S59XBWTJ2", "char_01JDDE1ETEDPNDX1D712XV7V2M"})
    void character_that_is_not_ready_is_rejected_with_character_not_ready(String id) {
        Reply reply = character(id);
        assertInvalid(reply, "character_not_ready", "character_id");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("CHAR-NOT-READY");
    }

    @Test
    void unknown_and_foreign_characters_give_byte_identical_404s() {
        Reply unknown = character("char_01JDUNKNWN00000000000000000");
        Reply foreign = character(BETA_CHAR);
        assertError(unknown, 404, "not_found", "resource_not_found", "character_id");
        assertError(foreign, 404, "not_found", "resource_not_found", "character_id");
        assertThat(foreign.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
        assertThat(client.estimate("{\"prompt\":\"x\",\"character_id\":\"" + BETA_CHAR + "\"}", "X-Api-Key", Keys.BETA)
                .status()).isEqualTo(200);
    }

    @Test
    void live_file_of_the_team_is_accepted_and_references_are_free() {
        Reply reply = refs(LIVE_FILE, "https://example.com/ref2.jpg");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/estimated_cost/amount").asText()).isEqualTo("1");
    }

    @Test
    void unknown_expired_and_foreign_files_give_identical_404s_naming_the_index() {
        Reply unknown = refs("https://example.com/a.jpg", "file_01JD0000000000000000000000");
        Reply expired = refs("https://example.com/a.jpg", "file_01JDEXP1REDJP4460YJ72C6EFT");
        Reply foreign = refs("https://example.com/a.jpg", "file_01JDBETA64PF15JPCCXNGD3REA");
        for (Reply r : new Reply[] {unknown, expired, foreign}) {
            assertError(r, 404, "not_found", "resource_not_found", "reference_image_urls[1]");
            assertThat(r.header("X-Mock-Rule")).isEqualTo("REF-FILE-EXISTS");
        }
        assertThat(expired.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
        assertThat(foreign.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/a.jpg", "https://localhost/a.jpg", "https://169.254.169.254/latest",
            "https://10.0.0.1/a", "https://[::1]/a", "https://2130706433/a", "https://0x7f.1/a",
            "https://metadata.google.internal/x", "https://192.168.1.1:8443/a", "https://[::ffff:127.0.0.1]/a",
            "https://LOCALHOST./a", "https://127.0.0.1%2e/a", "https://0177.0.0.1/a"})
    void private_loopback_and_metadata_hosts_are_rejected(String url) {
        Reply reply = refs("https://example.com/ok.jpg", url);
        assertInvalid(reply, "invalid_format", "reference_image_urls[1]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-URL-HOST-BLOCKED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://100.64.0.1/a", "https://0.0.0.0/a", "https://100.100.100.200/a",
            "https://instance-data/a", "https://db.corp.internal/a", "https://intranet/a", "https://[fec0::1]/a"})
    void non_public_hosts_outside_the_vendors_list_are_rejected_under_their_own_rule(String url) {
        Reply reply = refs("https://example.com/ok.jpg", url);
        assertInvalid(reply, "invalid_format", "reference_image_urls[1]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-URL-HOST-UNLISTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a.jpg", "https://8.8.8.8/a.jpg", "https://cdn.example.org:8443/a",
            "https://[2606:4700::1111]/a.png"})
    void public_hosts_are_accepted(String url) {
        assertThat(refs(url).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@example.com/a.jpg", "https://anything@example.com/a.jpg",
            "https://example.com@127.0.0.1/a.jpg"})
    void reference_urls_with_userinfo_are_rejected(String url) {
        Reply reply = refs(url);
        assertInvalid(reply, "invalid_format", "reference_image_urls[0]");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("REF-URL-NO-USERINFO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lora_01HXMQ7Z3K8Y2ABCDEFGHJKM", "cinematic-gold", "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
            "pixel-sketch"})
    void lora_resolves_by_id_slug_or_legacy_uuid(String lora) {
        assertThat(lora(lora, "").status()).isEqualTo(200);
    }

    @Test
    void unknown_inactive_and_foreign_loras_give_identical_404s() {
        Reply unknown = lora("no-such-style", "");
        Reply inactive = lora("retired-style", "");
        Reply foreign = lora("beta-house-style", "");
        for (Reply r : new Reply[] {unknown, inactive, foreign}) {
            assertError(r, 404, "not_found", "resource_not_found", "lora_id");
        }
        assertThat(inactive.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
        assertThat(foreign.bodyWithoutRequestId()).isEqualTo(unknown.bodyWithoutRequestId());
        assertThat(client.estimate("{\"prompt\":\"x\",\"lora_id\":\"beta-house-style\"}", "X-Api-Key", Keys.BETA)
                .status()).isEqualTo(200);
    }

    @Test
    void lora_without_reference_support_is_rejected_with_references_or_a_character() {
        Reply withRefs = lora("pixel-sketch", ",\"reference_image_urls\":[\"https://example.com/a.jpg\"]");
        assertInvalid(withRefs, "unsupported_lora_for_mode", "lora_id");
        assertThat(withRefs.header("X-Mock-Rule")).isEqualTo("LORA-MODE");
        assertInvalid(lora("pixel-sketch", ",\"character_id\":\"" + READY + "\""), "unsupported_lora_for_mode",
                "lora_id");
        assertThat(lora("cinematic-gold", ",\"character_id\":\"" + READY + "\"").status()).isEqualTo(200);
    }

    @Test
    void denoise_strength_without_references_is_accepted_and_ignored() {
        Reply with = client.estimate("{\"prompt\":\"x\",\"denoise_strength\":0.6}");
        Reply without = client.estimate("{\"prompt\":\"x\"}");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).isEqualTo(without.body());
    }

    @Test
    void the_vendor_sample_request_is_rejected() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("openapi/examples/vendor-sample-request.json")) {
            Reply reply = client.estimate(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.code()).isIn("parameter_invalid_combination", "mutually_exclusive_input");
        }
    }
}
