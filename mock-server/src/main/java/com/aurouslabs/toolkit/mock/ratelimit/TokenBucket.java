package com.aurouslabs.toolkit.mock.ratelimit;

/** One team's bucket. Continuous refill; every operation is atomic (synchronized on the bucket). */
final class TokenBucket {

    private final int capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long lastRefillMillis;

    TokenBucket(int capacity, int refillPerMinute, long nowMillis) {
        this.capacity = capacity;
        this.tokensPerMilli = refillPerMinute / 60_000.0;
        this.tokens = capacity;
        this.lastRefillMillis = nowMillis;
    }

    synchronized RateLimitDecision tryConsume(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return decision(true, nowMillis);
        }
        return decision(false, nowMillis);
    }

    synchronized RateLimitDecision peek(long nowMillis) {
        refill(nowMillis);
        return decision(true, nowMillis);
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastRefillMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastRefillMillis) * tokensPerMilli);
            lastRefillMillis = nowMillis;
        }
    }

    private RateLimitDecision decision(boolean allowed, long nowMillis) {
        long remaining = (long) Math.floor(tokens);
        long untilFullMillis = (long) Math.ceil((capacity - tokens) / tokensPerMilli);
        long reset = Math.floorDiv(nowMillis + untilFullMillis + 999, 1000);
        long retryAfter = 0;
        if (!allowed) {
            retryAfter = Math.max(1, (long) Math.ceil((1.0 - tokens) / tokensPerMilli / 1000.0));
        }
        return new RateLimitDecision(allowed, capacity, allowed ? remaining : 0, reset, retryAfter);
    }
}
