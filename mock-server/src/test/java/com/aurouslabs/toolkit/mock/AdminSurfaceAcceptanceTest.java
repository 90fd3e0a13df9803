package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The admin routes are not reachable from a web page: keys masked in the fixtures view, no CORS headers, the
 * preflight refused; CORS on the estimate path allows only what it serves.
 */
@AurousMockTest
class AdminSurfaceAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @Test
    void fixtures_view_masks_every_key() {
        Reply reply = client.get("/__admin/fixtures");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(Keys.ALPHA, Keys.BETA, Keys.ALPHA_LEGACY, Keys.ALPHA_REVOKED);
        int keys = 0;
        for (JsonNode team : reply.json().path("teams")) {
            for (JsonNode key : team.path("keys")) {
                assertThat(key.path("key").asText()).matches("(al_live_|al_test_|og_)?\\*\\*\\*\\*");
                keys++;
            }
        }
        assertThat(keys).isGreaterThanOrEqualTo(4);
    }

    @Test
    void admin_answers_carry_no_cors_headers() {
        for (String path : new String[] {"/__admin/fixtures", "/__admin/journal", "/__admin/defect",
                "/__admin/nothing"}) {
            Reply reply = client.send(client.request(path).header("Origin", "https://evil.example").GET().build());
            assertThat(reply.headers().map().keySet()).as(path)
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        }
    }

    @Test
    void admin_preflight_from_a_page_is_refused_without_cors_headers() {
        for (String path : new String[] {"/__admin/defect", "/__admin/reset", "/__admin/fixtures"}) {
            Reply reply = client.send(client.request(path)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type").build());
            assertError(reply, 403, "authentication", "forbidden_origin", null);
            assertThat(reply.headers().map().keySet()).as(path)
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        }
    }

    @Test
    void defect_is_set_only_with_put() {
        Reply post = client.send(client.request("/__admin/defect").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"defect\":\"ACCEPT_BLANK_PROMPT\"}")).build());
        assertError(post, 405, "invalid_request", "method_not_allowed", null);
        assertThat(post.header("Allow")).isEqualTo("GET, PUT");
        assertThat(client.get("/__admin/defect").json().path("defect").asText()).isEqualTo("NONE");
    }

    @Test
    void a_web_page_cannot_reset_the_mock_or_set_a_defect() {
        client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA);
        int before = client.get("/__admin/journal").json().path("requests").size();
        Reply reset = client.send(client.request("/__admin/reset").header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build());
        assertError(reset, 403, "authentication", "forbidden_origin", null);
        Reply defect = client.send(client.request("/__admin/defect").header("Origin", "https://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"defect\":\"ACCEPT_BLANK_PROMPT\"}")).build());
        assertError(defect, 403, "authentication", "forbidden_origin", null);

        assertThat(client.get("/__admin/journal").json().path("requests").size()).isGreaterThanOrEqualTo(before);
        assertThat(client.get("/__admin/defect").json().path("defect").asText()).isEqualTo("NONE");
    }

    @Test
    void estimate_preflight_allows_only_post_and_options() {
        Reply reply = client.send(client.request("/v1/images/estimate")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
    }
}
