package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex.KnownKey;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import java.util.Optional;

/**
 * Family "auth": AUTH-MISSING-KEY, AUTH-INVALID-KEY, AUTH-REVOKED-KEY, AUTH-BEARER-ALIAS, AUTH-LEGACY-OG-KEY
 * (og_ keys are looked up like any other), AUTH-HEADER-PRECEDENCE (X-Api-Key decides; a blank X-Api-Key counts as
 * not sent; a non-Bearer
 * Authorization counts as no key).
 */
public final class AuthRules {

    private static final String BEARER = "bearer ";

    /** The result: a team, or an error; {@code presentedKey} is what was sent (for masking in the journal). */
    public record AuthOutcome(TeamFixture team, String presentedKey, ApiError error) {

        public boolean authenticated() {
            return team != null;
        }
    }

    private final FixtureIndex fixtures;

    public AuthRules(FixtureIndex fixtures) {
        this.fixtures = fixtures;
    }

    /** The key the request presents, or null. */
    public static String presentedKey(String xApiKey, String authorization) {
        if (xApiKey != null && !xApiKey.isBlank()) {
            return xApiKey.strip();
        }
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    public AuthOutcome authenticate(String xApiKey, String authorization) {
        String key = presentedKey(xApiKey, authorization);
        if (key == null) {
            return new AuthOutcome(null, null, ApiError.authentication("AUTH-MISSING-KEY", "missing_api_key",
                    "No API key was sent. Send it in the X-Api-Key header."));
        }
        Optional<KnownKey> known = fixtures.key(key);
        if (known.isEmpty()) {
            return new AuthOutcome(null, key, ApiError.authentication("AUTH-INVALID-KEY", "invalid_api_key",
                    "The API key is not valid."));
        }
        if (known.get().key().revoked()) {
            return new AuthOutcome(null, key, ApiError.authentication("AUTH-REVOKED-KEY", "revoked_api_key",
                    "The API key has been revoked."));
        }
        return new AuthOutcome(known.get().team(), key, null);
    }

    /** The team of a valid key without producing errors (for rate-limit headers on early answers). */
    public TeamFixture teamOf(String xApiKey, String authorization) {
        String key = presentedKey(xApiKey, authorization);
        if (key == null) {
            return null;
        }
        return fixtures.key(key).filter(k -> !k.key().revoked()).map(KnownKey::team).orElse(null);
    }
}
