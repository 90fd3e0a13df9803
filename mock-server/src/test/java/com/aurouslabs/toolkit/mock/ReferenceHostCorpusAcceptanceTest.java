package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertCommonHeaders;
import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.aurouslabs.toolkit.openapi.SsrfCorpus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REF-URL-HOST-BLOCKED, REF-URL-HOST-UNLISTED and REF-URL-NO-USERINFO over HTTP, for every entry of the SSRF corpus:
 * each one is sent as the only reference of a minimal body (no LoRA, no character), as team_alpha. A blocked entry is
 * refused by the schema (REF-ITEM-FORM), REF-URL-NO-USERINFO or REF-URL-HOST-BLOCKED, an unlisted one by the schema
 * or REF-URL-HOST-UNLISTED, always as 400 invalid_format on reference_image_urls[0]; an allowed entry is priced.
 */
@AurousMockTest(rateLimit = false)
class ReferenceHostCorpusAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REF_RULES = List.of("REF-ITEM-FORM", "REF-URL-NO-USERINFO",
            "REF-URL-HOST-BLOCKED");
    private static final List<String> UNLISTED_RULES = List.of("REF-ITEM-FORM", "REF-URL-HOST-UNLISTED");

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    static Stream<String> blocked() {
        return SsrfCorpus.bundled().blocked().stream();
    }

    static Stream<String> unlisted() {
        return SsrfCorpus.bundled().unlisted().stream();
    }

    static Stream<String> allowed() {
        return SsrfCorpus.bundled().allowed().stream();
    }

    private Reply send(String url) {
        ObjectNode body = JSON.createObjectNode().put("prompt", "x");
        body.putArray("reference_image_urls").add(url);
        return client.estimate(body.toString());
    }

    @Test
    void corpus_has_at_least_60_blocked_and_15_allowed_urls() {
        assertThat(blocked().toList()).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        assertThat(allowed().toList()).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] 400 for {0}")
    @MethodSource("blocked")
    void blocked_corpus_url_is_rejected_as_invalid_format_on_its_index(String url) {
        Reply reply = send(url);
        assertInvalid(reply, "invalid_format", "reference_image_urls[0]");
        assertThat(reply.header("X-Mock-Rule")).as(url).isIn(REF_RULES);
    }

    @ParameterizedTest(name = "[{index}] 400 for {0}")
    @MethodSource("unlisted")
    void unlisted_corpus_url_is_rejected_as_invalid_format_on_its_index(String url) {
        Reply reply = send(url);
        assertInvalid(reply, "invalid_format", "reference_image_urls[0]");
        assertThat(reply.header("X-Mock-Rule")).as(url).isIn(UNLISTED_RULES);
    }

    @ParameterizedTest(name = "[{index}] 200 for {0}")
    @MethodSource("allowed")
    void allowed_corpus_url_is_priced(String url) {
        Reply reply = send(url);
        assertThat(reply.status()).as("%s -> %s", url, reply.body()).isEqualTo(200);
        assertCommonHeaders(reply);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("OK");
        assertThat(reply.json().at("/estimated_cost/amount").asText()).isEqualTo("1");
    }
}
