package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUTH-* and VERSION-*. */
@AurousMockTest
class AuthAndVersionAcceptanceTest {

    private static final String BODY = "{\"prompt\":\"a fox\"}";
    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @Test
    void request_without_a_key_is_rejected_with_missing_api_key() {
        Reply reply = client.send(client.request("/v1/images/estimate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        assertError(reply, 401, "authentication", "missing_api_key", null);
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("AUTH-MISSING-KEY");
    }

    @Test
    void unknown_key_is_rejected_with_invalid_api_key() {
        assertError(client.estimate(BODY, "X-Api-Key", "al_live_" + "f".repeat(64)), 401, "authentication",
                "invalid_api_key", null);
    }

    @Test
    void revoked_key_is_rejected_with_revoked_api_key() {
        assertError(client.estimate(BODY, "X-Api-Key", Keys.ALPHA_REVOKED), 401, "authentication",
                "revoked_api_key", null);
    }

    @Test
    void bearer_token_is_accepted_as_an_alias() {
        assertThat(client.estimate(BODY, "Authorization", "Bearer " + Keys.ALPHA).status()).isEqualTo(200);
        assertThat(client.estimate(BODY, "Authorization", "bearer " + Keys.BETA).status()).isEqualTo(200);
    }

    @Test
    void legacy_og_key_authenticates() {
        assertThat(client.estimate(BODY, "X-Api-Key", Keys.ALPHA_LEGACY).status()).isEqualTo(200);
    }

    @Test
    void x_api_key_decides_when_both_headers_are_sent() {
        assertError(client.estimate(BODY, "X-Api-Key", "al_live_bad", "Authorization", "Bearer " + Keys.ALPHA),
                401, "authentication", "invalid_api_key", null);
    }

    @Test
    void blank_x_api_key_counts_as_not_sent() {
        Reply bearer = client.estimate(BODY, "X-Api-Key", "", "Authorization", "Bearer " + Keys.ALPHA);
        assertThat(bearer.status()).as(bearer.body()).isEqualTo(200);
        Reply alone = client.estimate(BODY, "X-Api-Key", "");
        assertError(alone, 401, "authentication", "missing_api_key", null);
        assertThat(alone.header("X-Mock-Rule")).isEqualTo("AUTH-MISSING-KEY");
    }

    @Test
    void non_bearer_authorization_counts_as_no_key() {
        assertError(client.estimate(BODY, "Authorization", "Basic " + Keys.ALPHA), 401, "authentication",
                "missing_api_key", null);
    }

    @Test
    void unauthenticated_requests_echo_the_default_version_and_are_not_counted() {
        Reply reply = client.estimate(BODY, "X-Api-Key", "nope");
        assertThat(reply.header("Aurous-Version")).isEqualTo("2026-05-15");
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("240");
    }

    @Test
    void version_defaults_to_the_team_pin_and_is_echoed() {
        Reply reply = client.estimate(BODY);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Aurous-Version")).isEqualTo("2026-05-15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-15", "2026-01-01", "1999-12-31", "2024-02-29"})
    void released_or_prior_dates_resolve_to_2026_05_15(String version) {
        Reply reply = client.estimate(BODY, "X-Api-Key", Keys.ALPHA, "Aurous-Version", version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Aurous-Version")).isEqualTo("2026-05-15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-5-15", "20260515", "latest", "2026-02-30", "2026-13-01", "2025-02-29",
            "2026-05-15T00:00", " 2026-05-15x"})
    void malformed_or_impossible_dates_are_rejected_with_invalid_format(String version) {
        Reply reply = client.estimate(BODY, "X-Api-Key", Keys.ALPHA, "Aurous-Version", version);
        assertInvalid(reply, "invalid_format", "Aurous-Version");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("VERSION-PATTERN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-16", "2099-01-01"})
    void dates_after_the_newest_version_are_rejected_with_unknown_version(String version) {
        Reply reply = client.estimate(BODY, "X-Api-Key", Keys.ALPHA, "Aurous-Version", version);
        assertInvalid(reply, "unknown_version", "Aurous-Version");
        assertThat(reply.header("Aurous-Version")).isEqualTo("2026-05-15");
    }

    @Test
    void auth_is_checked_before_the_body() {
        assertError(client.estimate("not json", "X-Api-Key", "nope"), 401, "authentication", "invalid_api_key", null);
    }

    @Test
    void the_journal_masks_api_keys(MockServerInfo mock) {
        client.estimate(BODY);
        Reply journal = client.get("/__admin/journal");
        assertThat(journal.body()).contains("al_live_****").doesNotContain(Keys.ALPHA);
    }
}
