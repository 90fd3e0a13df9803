package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.pricing.PriceCalculator;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.aurouslabs.toolkit.mock.rules.AuthRules;
import com.aurouslabs.toolkit.mock.rules.AuthRules.AuthOutcome;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.BodyRules.ParsedBody;
import com.aurouslabs.toolkit.mock.rules.DimensionRules;
import com.aurouslabs.toolkit.mock.rules.RuleContext;
import com.aurouslabs.toolkit.mock.rules.RuleRegistry;
import com.aurouslabs.toolkit.mock.rules.VersionRules;
import com.aurouslabs.toolkit.mock.rules.VersionRules.VersionOutcome;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SchemaViolation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/images/estimate from request to answer, in the evaluation_order of rules.yaml: BODY-TOO-LARGE,
 * (X-Mock-Force), AUTH-*, RATE-LIMIT-BUCKET, VERSION-*, BODY-CONTENT-TYPE, BODY-JSON, the schema in property
 * order, then the {@link RuleRegistry} table, then pricing. In warn-only mode every finding after the rate
 * limit is collected instead of answered, and the estimate is returned.
 */
public final class EstimatePipeline {

    /** Longest param (escaped) kept in one X-Mock-Validation-Warnings finding; the header is capped as well. */
    static final int MAX_PARAM_IN_WARNING = 256;

    private final AuthRules auth;
    private final VersionRules versions;
    private final BodySchemaValidator schema;
    private final RuleRegistry rules;
    private final FixtureIndex fixtures;
    private final MockState state;
    private final boolean warnOnly;

    public EstimatePipeline(AuthRules auth, VersionRules versions, BodySchemaValidator schema, RuleRegistry rules,
                            FixtureIndex fixtures, MockState state, boolean warnOnly) {
        this.auth = auth;
        this.versions = versions;
        this.schema = schema;
        this.rules = rules;
        this.fixtures = fixtures;
        this.state = state;
        this.warnOnly = warnOnly;
    }

    public Outcome evaluate(EstimateCall call) {
        if (call.tooLarge()) {
            return early(call, BodyRules.tooLarge());
        }
        if (call.force() != null) {
            ForcedOutcome forced = ForcedOutcome.fromHeader(call.force());
            if (forced == null) {
                return early(call, ApiError.invalidFormat(ForcedOutcome.RULE_ID, MockHeaders.MOCK_FORCE,
                        "X-Mock-Force must be one of " + ForcedOutcome.allowedValues() + "."));
            }
            return forced(call, forced);
        }
        AuthOutcome who = auth.authenticate(call.apiKey(), call.authorization());
        String maskedKey = ApiKeyMasker.mask(who.presentedKey());
        if (!who.authenticated()) {
            return error(call, who.error(), versions.defaultFor(null), state.rateLimiter().peek(null), null,
                    maskedKey, List.of());
        }
        TeamFixture team = who.team();
        RateLimitDecision rate = state.rateLimiter().tryAcquire(team.id());
        if (!rate.allowed()) {
            ApiError limited = new ApiError(429, ApiError.RATE_LIMIT, "too_many_requests",
                    "Rate limit exceeded for estimate_post. Retry after " + rate.retryAfterSeconds() + "s.", null,
                    "RATE-LIMIT-BUCKET");
            return error(call, limited, versions.defaultFor(team), rate, team.id(), maskedKey, List.of())
                    .withHeader(MockHeaders.RETRY_AFTER, Long.toString(rate.retryAfterSeconds()));
        }
        List<String> warnings = warnOnly ? new ArrayList<>() : List.of();
        VersionOutcome version = versions.resolve(call.version(), team);
        Found found = new Found(call, version.version(), rate, team.id(), maskedKey, warnings);

        if (found.stop(version.error())) {
            return found.answer;
        }
        if (found.stop(BodyRules.contentType(call.contentType()))) {
            return found.answer;
        }
        ParsedBody parsed = BodyRules.parse(call.body());
        if (found.stop(parsed.error())) {
            return found.answer;
        }
        ObjectNode body = parsed.body() != null ? parsed.body() : JsonNodeFactory.instance.objectNode();
        Defect defect = state.legacyDefect();
        for (SchemaViolation v : schema.validate(body)) {
            if (defect == Defect.ACCEPT_STEPS_OVER_MAX && "steps".equals(v.field()) && "maximum".equals(v.keyword())) {
                continue;
            }
            if (found.stop(v.toError())) {
                return found.answer;
            }
        }
        RuleContext context = new RuleContext(body, team, fixtures, defect);
        if (warnOnly) {
            rules.allViolations(context).forEach(found::stop);
        } else {
            Optional<ApiError> broken = rules.firstViolation(context);
            if (broken.isPresent()) {
                return error(call, broken.get(), version.version(), rate, team.id(), maskedKey, warnings);
            }
        }
        byte[] estimate = PriceCalculator.estimateJson(fixtures.rateCardFor(team), body, defect);
        Map<String, String> headers = new LinkedHashMap<>();
        String resolvedSize = DimensionRules.resolvedSize(body);
        if (resolvedSize != null) {
            headers.put(MockHeaders.MOCK_RESOLVED_SIZE, resolvedSize);
        }
        if (!warnings.isEmpty()) {
            headers.put(MockHeaders.MOCK_WARNINGS, HeaderValues.safe(String.join(", ", warnings)));
        }
        return new Outcome(200, estimate, "OK", version.version(), rate, team.id(), maskedKey, headers, warnings,
                false);
    }

    /** Collects findings: in strict mode the first one becomes {@link #answer}; in warn-only mode all are kept. */
    private final class Found {
        private final EstimateCall call;
        private final String version;
        private final RateLimitDecision rate;
        private final String teamId;
        private final String maskedKey;
        private final List<String> warnings;
        private Outcome answer;

        Found(EstimateCall call, String version, RateLimitDecision rate, String teamId, String maskedKey,
              List<String> warnings) {
            this.call = call;
            this.version = version;
            this.rate = rate;
            this.teamId = teamId;
            this.maskedKey = maskedKey;
            this.warnings = warnings;
        }

        boolean stop(ApiError error) {
            if (error == null) {
                return false;
            }
            if (warnOnly) {
                // param may be a field name the client chose: escaped and capped (header and journal).
                warnings.add(error.ruleId() + ":" + error.code()
                        + (error.param() == null ? "" : ":" + HeaderValues.safe(error.param(), MAX_PARAM_IN_WARNING)));
                return false;
            }
            answer = error(call, error, version, rate, teamId, maskedKey, List.of());
            return true;
        }
    }

    private Outcome early(EstimateCall call, ApiError error) {
        TeamFixture team = auth.teamOf(call.apiKey(), call.authorization());
        String teamId = team == null ? null : team.id();
        return error(call, error, versions.defaultFor(team), state.rateLimiter().peek(teamId), teamId,
                ApiKeyMasker.mask(AuthRules.presentedKey(call.apiKey(), call.authorization())), List.of());
    }

    private Outcome forced(EstimateCall call, ForcedOutcome forced) {
        Outcome outcome = early(call, forced.error());
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

    static Outcome error(EstimateCall call, ApiError error, String version, RateLimitDecision rate, String teamId,
                         String maskedKey, List<String> warnings) {
        return new Outcome(error.status(), ErrorEnvelopeFactory.envelope(error, call.requestId()), error.ruleId(),
                version, rate, teamId, maskedKey, Map.of(), warnings, false);
    }
}
