package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex.KnownKey;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.http.EstimateCall;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checks of one request see: the call (headers, raw body), the key it presents and the fixtures entry of
 * that key, the rate-limit decision once RATE-LIMIT-BUCKET ran, and the parsed body once BODY-JSON ran.
 * One per request, never shared between requests. A context {@linkplain #withoutTeamData without team data} (the
 * validating proxy's dry run) has no fixtures: a check that asks for the key's team, a character, a file or a LoRA
 * gets {@link TeamDataUnavailable} instead, so the caller knows that rule cannot be judged from the request alone.
 */
public final class RuleContext {

    /** A string entry of reference_image_urls with its index. */
    public record Reference(int index, String value) {
    }

    private final EstimateCall call;
    private final FixtureIndex fixtures;
    private final String presentedKey;
    private final KnownKey knownKey;
    private final boolean emptyArrayIsReferences;
    private final boolean teamData;
    private RateLimitDecision rate;
    private ObjectNode body;

    public RuleContext(EstimateCall call, FixtureIndex fixtures, String presentedKey, boolean emptyArrayIsReferences) {
        this.call = call;
        this.fixtures = fixtures;
        this.presentedKey = presentedKey;
        this.knownKey = presentedKey == null ? null : fixtures.key(presentedKey).orElse(null);
        this.emptyArrayIsReferences = emptyArrayIsReferences;
        this.teamData = true;
    }

    private RuleContext(EstimateCall call, String presentedKey, boolean emptyArrayIsReferences) {
        this.call = call;
        this.fixtures = null;
        this.presentedKey = presentedKey;
        this.knownKey = null;
        this.emptyArrayIsReferences = emptyArrayIsReferences;
        this.teamData = false;
    }

    /**
     * A context for judging a request that another server answers: no fixtures, so {@link #fixtures()},
     * {@link #knownKey()}, {@link #team()} and {@link #teamId()} throw {@link TeamDataUnavailable} (and
     * RATE-LIMIT-BUCKET, which asks for the team first, never takes a token).
     */
    public static RuleContext withoutTeamData(EstimateCall call, String presentedKey, boolean emptyArrayIsReferences) {
        return new RuleContext(call, presentedKey, emptyArrayIsReferences);
    }

    public EstimateCall call() {
        return call;
    }

    public FixtureIndex fixtures() {
        requireTeamData();
        return fixtures;
    }

    /** The key the request presents (AUTH-HEADER-PRECEDENCE decides which header), or null. */
    public String presentedKey() {
        return presentedKey;
    }

    /** The fixtures entry of the presented key, or null when it is unknown. */
    public KnownKey knownKey() {
        requireTeamData();
        return knownKey;
    }

    /** The team of the presented key (whatever its status; the AUTH-* checks run first). */
    public TeamFixture team() {
        requireTeamData();
        return knownKey == null ? null : knownKey.team();
    }

    private void requireTeamData() {
        if (!teamData) {
            throw TeamDataUnavailable.INSTANCE;
        }
    }

    public String teamId() {
        TeamFixture team = team();
        return team == null ? null : team.id();
    }

    /** The RATE-LIMIT-BUCKET decision, or null before that step (the request is then not counted). */
    public RateLimitDecision rate() {
        return rate;
    }

    public void rate(RateLimitDecision decision) {
        this.rate = decision;
    }

    /** The parsed body (explicit nulls removed unless BODY-NULL-AS-ABSENT rejects them), or null before BODY-JSON. */
    public ObjectNode body() {
        return body;
    }

    public void body(ObjectNode parsed) {
        this.body = parsed;
    }

    public boolean has(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node != null && !node.isNull();
    }

    /** Text of a field, or null when absent or not a string. */
    public String text(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The reference entries that are strings, with their index, in order; empty when none (REF-EMPTY-IS-NONE). */
    public List<Reference> references() {
        JsonNode refs = body == null ? null : body.get("reference_image_urls");
        if (refs == null || !refs.isArray() || refs.isEmpty()) {
            return List.of();
        }
        List<Reference> out = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            JsonNode r = refs.get(i);
            if (r.isTextual()) {
                out.add(new Reference(i, r.textValue()));
            }
        }
        return out;
    }

    /** True when references are attached: a non-empty array (REF-EMPTY-IS-NONE: an empty one is none). */
    public boolean hasReferences() {
        JsonNode refs = body == null ? null : body.get("reference_image_urls");
        return refs != null && refs.isArray() && (!refs.isEmpty() || emptyArrayIsReferences);
    }
}
