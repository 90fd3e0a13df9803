package com.aurouslabs.toolkit.mock.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * RATE-LIMIT-BUCKET: one estimate_post token bucket per team, created on first use. Thread-safe; the clock is
 * injected so tests control refill; {@link #reset()} refills everything.
 */
public final class TeamRateLimiter {

    private final RateLimitSettings settings;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TeamRateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Takes one token from the team's bucket (always allowed when the limiter is disabled). */
    public RateLimitDecision tryAcquire(String teamId) {
        long now = clock.millis();
        if (!settings.enabled()) {
            return full(now);
        }
        return bucket(teamId, now).tryConsume(now);
    }

    /** The header values without taking a token; a full bucket for unknown/unauthenticated callers. */
    public RateLimitDecision peek(String teamId) {
        long now = clock.millis();
        if (!settings.enabled() || teamId == null) {
            return full(now);
        }
        TokenBucket bucket = buckets.get(teamId);
        return bucket == null ? full(now) : bucket.peek(now);
    }

    public void reset() {
        buckets.clear();
    }

    private TokenBucket bucket(String teamId, long now) {
        return buckets.computeIfAbsent(teamId,
                id -> new TokenBucket(settings.capacity(), settings.refillPerMinute(), now));
    }

    private RateLimitDecision full(long nowMillis) {
        return new RateLimitDecision(true, settings.capacity(), settings.capacity(),
                Math.floorDiv(nowMillis + 999, 1000), 0);
    }
}
