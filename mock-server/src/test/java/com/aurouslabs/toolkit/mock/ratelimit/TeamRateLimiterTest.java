package com.aurouslabs.toolkit.mock.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TeamRateLimiterTest {

    @Test
    void refill_is_continuous_and_capped_at_capacity() {
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        TeamRateLimiter limiter = new TeamRateLimiter(new RateLimitSettings(240, 120, true),
                Clock.fixed(t0, ZoneOffset.UTC));
        for (int i = 0; i < 240; i++) {
            assertThat(limiter.tryAcquire("t").allowed()).isTrue();
        }
        RateLimitDecision denied = limiter.tryAcquire("t");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
        assertThat(denied.resetEpochSeconds()).isEqualTo(t0.getEpochSecond() + 120);
        TeamRateLimiter later = new TeamRateLimiter(new RateLimitSettings(240, 120, true),
                Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(later.peek("t").remaining()).isEqualTo(240);
    }
}
