package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validating proxy over HTTP, with the mock itself (another in-process server on a random port) standing in for
 * the real API: it returns the upstream's answer unchanged, is silent on traffic the upstream answers as documented,
 * journals every exchange with its findings and never the key, and answers 502/504 in the documented envelope when
 * the upstream is down or too slow.
 */
class ValidatingProxyAcceptanceTest {

    private static ProxyPair pair;

    @BeforeAll
    static void start() {
        pair = ProxyPair.start(Profile.DEFAULT);
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @BeforeEach
    void reset() {
        pair.reset();
    }

    @Test
    void traffic_the_upstream_answers_as_documented_passes_without_violations_or_notes() {
        List<String> problems = new ArrayList<>();
        for (Probe probe : Probe.corpus()) {
            Reply direct = probe.send(pair.direct);
            Reply proxied = probe.send(pair.viaProxy);
            if (proxied.status() != direct.status()
                    || !proxied.bodyWithoutRequestId().equals(direct.bodyWithoutRequestId())) {
                problems.add(probe + ": proxied " + proxied.status() + " " + proxied.body() + " vs direct "
                        + direct.status() + " " + direct.body());
            }
            if (!ProxyPair.violations(proxied).isEmpty() || !ProxyPair.notes(proxied).isEmpty()) {
                problems.add(probe + ": " + ProxyPair.violations(proxied) + " " + ProxyPair.notes(proxied) + " "
                        + pair.lastFindings());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_answer_comes_back_unchanged_with_the_upstream_headers() {
        Reply proxied = Probe.post("enhanced", "{\"prompt\":\"a red fox\",\"enhance_prompt\":true}")
                .send(pair.viaProxy);
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(
                "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":2,\"breakdown\":{\"base\":1,\"enhance\":1}},"
                        + "\"currency\":\"credit\"}");
        assertThat(proxied.header("X-Mock-Rule")).isEqualTo("OK");
        assertThat(proxied.header("Aurous-Request-Id")).isEqualTo(pair.upstream.journal().entries().get(0).requestId());
        assertThat(proxied.header("X-RateLimit-Limit")).isEqualTo("240");
        assertThat(proxied.header(ValidatingProxy.VIOLATIONS_HEADER)).isNull();
    }

    @Test
    void every_exchange_is_journaled_with_its_findings_and_the_rules_it_cannot_judge() {
        Probe.post("foreign character", Probe.prompt("\"character_id\":\"" + Probe.FOREIGN_CHARACTER + "\""))
                .send(pair.viaProxy);
        JsonNode entry = pair.journal().get(0);
        assertThat(entry.path("status").asInt()).isEqualTo(404);
        assertThat(entry.path("rule").asText()).isEqualTo("CHAR-NOT-FOUND");
        assertThat(entry.path("api_key").asText()).isEqualTo("al_live_****");
        assertThat(entry.path("request_id").asText()).startsWith("req_");
        JsonNode proxy = entry.path("proxy");
        assertThat(proxy.path("upstream").asText()).isEqualTo(pair.upstream.baseUrl());
        assertThat(proxy.path("upstream_millis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(proxy.path("violations")).isEmpty();
        assertThat(texts(proxy.path("not_judged"))).contains("AUTH-INVALID-KEY", "AUTH-REVOKED-KEY",
                "RATE-LIMIT-BUCKET", "CHAR-NOT-FOUND", "CHAR-NOT-READY");
    }

    @Test
    void admin_routes_stay_on_the_proxy() {
        Probe.post("minimal", Probe.prompt("")).send(pair.viaProxy);
        assertThat(pair.journal()).hasSize(1);
        assertThat(pair.upstream.journal().entries()).hasSize(1);
        assertThat(pair.viaProxy.send(pair.viaProxy.request("/__admin/reset")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);
        assertThat(pair.journal()).isEmpty();
        assertThat(pair.upstream.journal().entries()).hasSize(1);
    }

    @Test
    void another_path_is_forwarded_but_not_judged() {
        Reply reply = pair.viaProxy.get("/v1/loras");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(ProxyPair.violations(reply)).isEmpty();
        assertThat(pair.upstream.journal().entries()).hasSize(1);
        assertThat(texts(pair.lastFindings().path("not_judged")))
                .containsExactly("GET /v1/loras is outside the contract (POST /v1/images/estimate)");
    }

    @Test
    void a_5xx_for_valid_input_is_a_note_and_for_input_that_breaks_a_documented_rule_a_violation() {
        Reply valid = Probe.post("forced 503", Probe.prompt(""), "X-Mock-Force", "503").send(pair.viaProxy);
        assertThat(valid.status()).isEqualTo(503);
        assertThat(ProxyPair.violations(valid)).isEmpty();
        assertThat(ProxyPair.notes(valid)).containsExactly("NO-SERVER-ERROR");

        Reply invalid = Probe.post("forced 500", Probe.prompt("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048"),
                "X-Mock-Force", "500").send(pair.viaProxy);
        assertThat(invalid.status()).isEqualTo(500);
        assertThat(ProxyPair.violations(invalid)).containsExactly("SIZE-XOR-DIMS", "NO-SERVER-ERROR");
    }

    @Test
    void the_api_key_never_reaches_the_journal_or_the_findings() {
        String unknown = "al_live_" + "c".repeat(64);
        Probe.post("valid", Probe.prompt("")).send(pair.viaProxy);
        Probe.post("bearer", Probe.prompt(""), "X-Api-Key", null, "Authorization", "Bearer " + Keys.BETA)
                .send(pair.viaProxy);
        Probe.post("unknown key", Probe.prompt(""), "X-Api-Key", unknown).send(pair.viaProxy);
        // The key as a field name: the upstream names it in error.param, and the finding quotes the param.
        Probe.post("key as a field", Probe.prompt("\"" + Keys.ALPHA + "\":1")).send(pair.viaProxy);
        pair.upstream.defect("ACCEPT_SIZE_WITH_DIMS");
        Reply violation = Probe.post("violation", Probe.prompt("\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048"))
                .send(pair.viaProxy);
        assertThat(ProxyPair.violations(violation)).containsExactly("SIZE-XOR-DIMS");
        pair.upstream.defect("NONE");
        Probe.post("key as a field, accepted upstream", Probe.prompt("\"" + unknown + "\":1"), "X-Api-Key", unknown)
                .send(pair.viaProxy);

        String journal = pair.journalText();
        assertThat(journal).contains("al_live_****").contains("SIZE-XOR-DIMS")
                .doesNotContain(Keys.ALPHA).doesNotContain(Keys.BETA).doesNotContain(unknown)
                .doesNotContain("a".repeat(64)).doesNotContain("b".repeat(64)).doesNotContain("c".repeat(64));
        assertThat(pair.journal()).hasSize(6);
    }

    @Test
    void an_upstream_that_is_down_answers_502_provider_unavailable_in_the_envelope() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (MockServer proxy = ProxyPair.proxyTo(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5))) {
            Reply reply = Probe.post("minimal", Probe.prompt("")).send(new MockClient(proxy.baseUrl()));
            assertServerError(reply, 502, "provider_unavailable");
            assertThat(reply.error().path("message").asText()).contains("refused");
            JsonNode entry = journal(proxy).get(0);
            assertThat(entry.path("status").asInt()).isEqualTo(502);
            assertThat(entry.path("rule").asText()).isEqualTo("PROXY");
            assertThat(entry.path("api_key").asText()).isEqualTo("al_live_****");
            assertThat(texts(entry.path("proxy").path("not_judged")).get(0)).startsWith("no upstream answer: ");
        }
    }

    @Test
    void an_upstream_that_does_not_answer_in_time_gives_504_provider_timeout_after_the_proxy_timeout() {
        try (ProxyPair slow = ProxyPair.start(MockOptions.builder().forcedTimeout(Duration.ofSeconds(20)).build(),
                Duration.ofMillis(400))) {
            long start = System.nanoTime();
            Reply reply = Probe.post("hanging", Probe.prompt(""), "X-Mock-Force", "timeout").send(slow.viaProxy);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertServerError(reply, 504, "provider_timeout");
            assertThat(millis).as("answered after the proxy timeout, not the upstream's hold").isBetween(350L, 10_000L);
            JsonNode entry = slow.journal().get(0);
            assertThat(entry.path("status").asInt()).isEqualTo(504);
            assertThat(texts(entry.path("proxy").path("not_judged")))
                    .containsExactly("no upstream answer: timed out after 400 ms");
        }
    }

    private static void assertServerError(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        JsonNode error = reply.error();
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("doc_url").asText()).isEqualTo("https://docs.aurous-labs.com/errors#" + code);
        assertThat(error.path("request_id").asText()).matches("req_[0-9A-Z]{26}")
                .isEqualTo(reply.header("Aurous-Request-Id"));
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("PROXY");
    }

    private static JsonNode journal(MockServer server) {
        return new MockClient(server.baseUrl()).get("/__admin/journal").json().path("requests");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
