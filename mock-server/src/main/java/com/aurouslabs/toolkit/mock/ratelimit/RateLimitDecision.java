package com.aurouslabs.toolkit.mock.ratelimit;

/**
 * The answer of a bucket: allowed or not, and the values of the RATE-LIMIT-HEADERS (limit, remaining after this
 * request, epoch seconds when full again) and of Retry-After (seconds, at least 1, only when not allowed).
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetEpochSeconds,
                                long retryAfterSeconds) {
}
