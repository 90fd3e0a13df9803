package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;
import java.util.List;
import java.util.Optional;

/**
 * Family "rate-limit": RATE-LIMIT-BUCKET, the one place that takes a token. Runs after authentication (an
 * unauthenticated request is not counted); an empty bucket answers with Retry-After. RATE-LIMIT-HEADERS are
 * written on every answer by the response writer from the decision kept here.
 */
public final class RateLimitRules {

    static final String BUCKET = "RATE-LIMIT-BUCKET";

    private final TeamRateLimiter limiter;

    public RateLimitRules(TeamRateLimiter limiter) {
        this.limiter = limiter;
    }

    public List<RuleCheck> checks() {
        return List.of(RuleCheck.onHeaders(BUCKET, this::takeToken));
    }

    private Optional<Violation> takeToken(RuleContext c) {
        if (c.teamId() == null) {
            return Optional.empty();
        }
        RateLimitDecision decision = limiter.tryAcquire(c.teamId());
        c.rate(decision);
        if (decision.allowed()) {
            return Optional.empty();
        }
        String seconds = Long.toString(decision.retryAfterSeconds());
        return Optional.of(Violation.of(BUCKET).with("retry_after", seconds).header("Retry-After", seconds));
    }
}
