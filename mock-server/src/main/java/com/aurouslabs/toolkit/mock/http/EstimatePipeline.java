package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.pricing.Estimate;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.RuleCheck;
import com.aurouslabs.toolkit.mock.rules.RuleContext;
import com.aurouslabs.toolkit.mock.rules.Violation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/images/estimate from request to answer: BODY-TOO-LARGE, (X-Mock-Force), the fixed steps of rules.yaml's
 * evaluation order (AUTH-*, RATE-LIMIT-BUCKET), then the reading's other checks in its order, then pricing. Which
 * checks run in which order, and what each answers, is the {@link Reading}'s; nothing here names a rule. In
 * warn-only mode every finding after the fixed steps is collected instead of answered, and the estimate is
 * returned.
 */
public final class EstimatePipeline {

    /** Longest param (escaped) kept in one X-Mock-Validation-Warnings finding; the header is capped as well. */
    static final int MAX_PARAM_IN_WARNING = 256;

    private final FixtureIndex fixtures;
    private final MockState state;
    private final boolean warnOnly;

    public EstimatePipeline(FixtureIndex fixtures, MockState state, boolean warnOnly) {
        this.fixtures = fixtures;
        this.state = state;
        this.warnOnly = warnOnly;
    }

    public Outcome evaluate(EstimateCall call, Reading reading) {
        if (call.tooLarge()) {
            return early(call, reading, reading.outcomes().resolve(BodyRules.tooLarge()));
        }
        if (call.force() != null) {
            ForcedOutcome forced = ForcedOutcome.fromHeader(call.force());
            return forced == null ? early(call, reading, ForcedOutcome.unknown()) : forced(call, reading, forced);
        }
        String presented = reading.auth().presentedKey(call.apiKey(), call.authorization());
        String maskedKey = ApiKeyMasker.mask(presented);
        RuleContext context = new RuleContext(call, fixtures, presented, reading.emptyArrayIsReferences());
        for (RuleCheck check : reading.rules().fixed()) {
            Optional<Violation> broken = check.check(context);
            if (broken.isPresent()) {
                // Before the rate limit ran the request is not authenticated: system default version, no team.
                RateLimitDecision rate = context.rate();
                TeamFixture team = rate == null ? null : context.team();
                return error(call, reading, reading.outcomes().resolve(broken.get()),
                        reading.versions().defaultFor(team), rate == null ? state.rateLimiter().peek(null) : rate,
                        team == null ? null : team.id(), maskedKey, List.of());
            }
        }
        TeamFixture team = context.team();
        RateLimitDecision rate = context.rate() != null ? context.rate() : state.rateLimiter().peek(team.id());
        String version = reading.versions().resolve(call.version(), team);
        List<String> warnings = warnOnly ? new ArrayList<>() : List.of();
        for (RuleCheck check : reading.rules().ordered()) {
            if (check.readsBody() && context.body() == null) {
                continue; // warn-only mode after a BODY-JSON finding: nothing to read
            }
            if (warnOnly) {
                for (Violation v : check.checkAll(context)) {
                    warnings.add(warning(reading.outcomes().resolve(v)));
                }
                continue;
            }
            Optional<Violation> broken = check.check(context);
            if (broken.isPresent()) {
                return error(call, reading, reading.outcomes().resolve(broken.get()), version, rate, team.id(),
                        maskedKey, List.of());
            }
        }
        ObjectNode body = context.body() != null ? context.body() : JsonNodeFactory.instance.objectNode();
        Estimate estimate = reading.pricing().price(fixtures.rateCardFor(team), body);
        Map<String, String> headers = new LinkedHashMap<>();
        String resolvedSize = reading.dimensions().resolvedSize(body);
        if (resolvedSize != null) {
            headers.put(MockHeaders.MOCK_RESOLVED_SIZE, resolvedSize);
        }
        if (!warnings.isEmpty()) {
            headers.put(MockHeaders.MOCK_WARNINGS, HeaderValues.safe(String.join(", ", warnings)));
        }
        return new Outcome(200, reading.estimates().json(estimate), "OK", version, rate, team.id(), maskedKey,
                headers, warnings, false);
    }

    /** {@code RULE:code[:param]}; param may be a field name the client chose, so it is escaped and capped. */
    private static String warning(ApiError error) {
        return error.ruleId() + ":" + error.code()
                + (error.param() == null ? "" : ":" + HeaderValues.safe(error.param(), MAX_PARAM_IN_WARNING));
    }

    private Outcome early(EstimateCall call, Reading reading, ApiError error) {
        TeamFixture team = reading.auth().teamOf(call.apiKey(), call.authorization());
        String teamId = team == null ? null : team.id();
        return error(call, reading, error, reading.versions().defaultFor(team), state.rateLimiter().peek(teamId),
                teamId, ApiKeyMasker.mask(reading.auth().presentedKey(call.apiKey(), call.authorization())),
                List.of());
    }

    private Outcome forced(EstimateCall call, Reading reading, ForcedOutcome forced) {
        Outcome outcome = early(call, reading, forced.error());
        if (forced == ForcedOutcome.RATE_LIMITED) {
            RateLimitDecision r = outcome.rateLimit();
            outcome = new Outcome(429, outcome.body(), outcome.ruleId(), outcome.version(),
                    new RateLimitDecision(false, r.limit(), 0, r.resetEpochSeconds(), 1), outcome.teamId(),
                    outcome.maskedKey(), outcome.extraHeaders(), outcome.warnings(), false)
                    .withHeader(MockHeaders.RETRY_AFTER, "1");
        }
        if (forced == ForcedOutcome.TIMEOUT) {
            outcome = new Outcome(outcome.status(), outcome.body(), outcome.ruleId(), outcome.version(),
                    outcome.rateLimit(), outcome.teamId(), outcome.maskedKey(), outcome.extraHeaders(),
                    outcome.warnings(), true);
        }
        return outcome;
    }

    static Outcome error(EstimateCall call, Reading reading, ApiError error, String version, RateLimitDecision rate,
                         String teamId, String maskedKey, List<String> warnings) {
        return new Outcome(error.status(), reading.envelopes().envelope(error, call.requestId()), error.ruleId(),
                version, rate, teamId, maskedKey, error.headers(), warnings, false);
    }
}
