package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex.KnownKey;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import java.util.List;
import java.util.Optional;

/**
 * Family "auth": AUTH-MISSING-KEY, AUTH-INVALID-KEY, AUTH-REVOKED-KEY (og_ keys are looked up like any other:
 * AUTH-LEGACY-OG-KEY; Bearer is an alias: AUTH-BEARER-ALIAS), and AUTH-HEADER-PRECEDENCE, which decides the key a
 * request presents: X-Api-Key first, then an Authorization Bearer token. Its choices say what a blank X-Api-Key and
 * an Authorization header of another scheme are: not sent, or a key that is not valid.
 */
public final class AuthRules {

    static final String PRECEDENCE = "AUTH-HEADER-PRECEDENCE";
    private static final String BEARER = "bearer ";
    /** What an invalid presented key is when a choice says a header counts as an invalid key. */
    private static final String NO_VALID_KEY = "";

    private final FixtureIndex fixtures;
    private final boolean blankXApiKeyIsInvalid;
    private final boolean otherSchemeIsInvalid;

    public AuthRules(FixtureIndex fixtures, Choices choices) {
        this.fixtures = fixtures;
        this.blankXApiKeyIsInvalid = choices.is(PRECEDENCE, "blank_x_api_key", "invalid_key", "not_sent");
        this.otherSchemeIsInvalid = choices.is(PRECEDENCE, "non_bearer_authorization", "invalid_key", "not_sent");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.onHeaders("AUTH-MISSING-KEY", c -> c.presentedKey() == null
                        ? Optional.of(Violation.of("AUTH-MISSING-KEY")) : Optional.empty()),
                RuleCheck.onHeaders("AUTH-INVALID-KEY", c -> c.presentedKey() != null && c.knownKey() == null
                        ? Optional.of(Violation.of("AUTH-INVALID-KEY")) : Optional.empty()),
                RuleCheck.onHeaders("AUTH-REVOKED-KEY", c -> c.knownKey() != null && c.knownKey().key().revoked()
                        ? Optional.of(Violation.of("AUTH-REVOKED-KEY")) : Optional.empty()));
    }

    /** The key the request presents under AUTH-HEADER-PRECEDENCE, or null when it presents none. */
    public String presentedKey(String xApiKey, String authorization) {
        if (xApiKey != null) {
            if (!xApiKey.isBlank()) {
                return xApiKey.strip();
            }
            if (blankXApiKeyIsInvalid) {
                return NO_VALID_KEY;
            }
        }
        if (authorization != null) {
            if (authorization.length() > BEARER.length()
                    && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                String token = authorization.substring(BEARER.length()).strip();
                if (!token.isEmpty()) {
                    return token;
                }
            }
            if (otherSchemeIsInvalid) {
                return NO_VALID_KEY;
            }
        }
        return null;
    }

    /** The team of a valid, unrevoked key, for the headers of answers given before authentication ran. */
    public TeamFixture teamOf(String xApiKey, String authorization) {
        String key = presentedKey(xApiKey, authorization);
        if (key == null) {
            return null;
        }
        return fixtures.key(key).filter(k -> !k.key().revoked()).map(KnownKey::team).orElse(null);
    }
}
