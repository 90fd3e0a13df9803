package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.EnvelopeAssert;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CORS, X-Mock-Force, the journal, reset, fixtures and defect admin endpoints. */
@AurousMockTest
class MockFeaturesAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @Test
    void preflight_is_answered_with_cors_headers() {
        Reply reply = client.send(client.request("/v1/images/estimate")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-api-key").build());
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(reply.header("Access-Control-Allow-Headers")).contains("x-api-key");
        assertThat(reply.header("Aurous-Request-Id")).startsWith("req_");
    }

    @Test
    void every_answer_carries_cors_and_exposes_the_aurous_headers() {
        Reply reply = client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA, "Origin", "https://a.example");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Expose-Headers")).contains("Aurous-Request-Id", "X-RateLimit-Remaining");
    }

    @ParameterizedTest
    @CsvSource({"429,rate_limit,too_many_requests", "500,server_error,internal_error",
            "502,server_error,provider_unavailable", "503,server_error,provider_unavailable",
            "504,server_error,provider_timeout"})
    void x_mock_force_forces_the_outcome(int status, String type, String code) {
        Reply reply = client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA, "X-Mock-Force",
                String.valueOf(status));
        assertError(reply, status, type, code, null);
        if (status == 429) {
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
        }
    }

    @Test
    void unknown_x_mock_force_value_is_rejected() {
        assertError(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA, "X-Mock-Force", "418"), 400,
                "invalid_request", "invalid_format", "X-Mock-Force");
    }

    @Test
    void journal_lists_recent_requests_and_reset_clears_it() {
        client.estimate("{\"prompt\":\"x\"}");
        client.estimate("{\"prompt\":\"x\",\"width\":2048}");
        JsonNode requests = client.get("/__admin/journal").json().path("requests");
        assertThat(requests).hasSize(2);
        JsonNode last = requests.get(1);
        assertThat(last.path("method").asText()).isEqualTo("POST");
        assertThat(last.path("path").asText()).isEqualTo("/v1/images/estimate");
        assertThat(last.path("status").asInt()).isEqualTo(400);
        assertThat(last.path("rule").asText()).isEqualTo("DIM-PAIR");
        assertThat(last.path("api_key").asText()).isEqualTo("al_live_****");
        assertThat(last.path("request_id").asText()).startsWith("req_");

        Reply reset = client.send(client.request("/__admin/reset").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(reset.status()).isEqualTo(200);
        EnvelopeAssert.assertCommonHeaders(reset);
        assertThat(client.get("/__admin/journal").json().path("requests")).isEmpty();
    }

    @Test
    void fixtures_endpoint_shows_the_built_in_fixtures() {
        JsonNode fixtures = client.get("/__admin/fixtures").json();
        assertThat(fixtures.path("rate_card").path("image_base").asInt()).isEqualTo(1);
        assertThat(fixtures.path("teams")).hasSize(2);
        assertThat(fixtures.path("loras")).hasSize(4);
    }

    @Test
    void defect_can_be_set_and_cleared_over_http() {
        String body = "{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}";
        assertThat(client.estimate(body).status()).isEqualTo(400);
        Reply set = client.send(client.request("/__admin/defect").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"ACCEPT_SIZE_WITH_DIMS\"}")).build());
        assertThat(set.status()).isEqualTo(200);
        assertThat(client.estimate(body).status()).isEqualTo(200);
        client.send(client.request("/__admin/defect")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"NONE\"}")).build());
        assertThat(client.estimate(body).status()).isEqualTo(400);
        Reply bad = client.send(client.request("/__admin/defect")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"NOPE\"}")).build());
        assertError(bad, 400, "invalid_request", "invalid_format", "defect");
    }

    @Test
    void admin_routes_answer_404_and_405_in_the_envelope() {
        assertError(client.get("/__admin/nothing"), 404, "not_found", "resource_not_found", null);
        Reply delete = client.send(client.request("/__admin/journal").DELETE().build());
        assertError(delete, 405, "invalid_request", "method_not_allowed", null);
        assertThat(delete.header("X-Mock-Rule")).isEqualTo("ROUTE-METHOD-NOT-ALLOWED");
        assertThat(delete.header("Allow")).isEqualTo("GET");
    }
}
