package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RATE-LIMIT-BUCKET and RATE-LIMIT-HEADERS, with a clock the test moves. */
class RateLimitAcceptanceTest {

    /** A clock that only moves when told. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-06-01T00:00:00Z");

        void advanceSeconds(long s) {
            now = now.plusSeconds(s);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private MockServer server;

    private MockClient start(int capacity, int refillPerMinute) {
        server = MockServer.start(MockOptions.builder().rateLimit(capacity, refillPerMinute).clock(clock).build());
        return new MockClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void bucket_answers_429_with_retry_after_when_empty_and_refills_with_time() {
        MockClient client = start(3, 60);
        for (int i = 2; i >= 0; i--) {
            Reply ok = client.estimate("{\"prompt\":\"x\"}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(i));
        }
        Reply limited = client.estimate("{\"prompt\":\"x\"}");
        assertError(limited, 429, "rate_limit", "too_many_requests", null);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        long now = clock.instant().getEpochSecond();
        assertThat(Long.parseLong(limited.header("X-RateLimit-Reset"))).isEqualTo(now + 3);
        clock.advanceSeconds(1);
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(429);
    }

    @Test
    void invalid_requests_use_tokens_but_unauthenticated_ones_do_not() {
        MockClient client = start(2, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(client.estimate("{}", "X-Api-Key", "nope").status()).isEqualTo(401);
        }
        assertThat(client.estimate("{}").status()).isEqualTo(400);
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
        Reply limited = client.estimate("{\"prompt\":\"x\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(59L, 60L);
    }

    @Test
    void teams_have_separate_buckets_and_all_keys_of_a_team_share_one() {
        MockClient client = start(1, 1);
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
        assertThat(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA_LEGACY).status()).isEqualTo(429);
        assertThat(client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", Keys.BETA).status()).isEqualTo(200);
        server.reset();
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
    }

    @Test
    void concurrent_requests_on_a_bucket_of_n_get_exactly_n_accepted() throws Exception {
        int capacity = 50;
        MockClient client = start(capacity, 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> client.estimate("{\"prompt\":\"x\"}").status());
            }
            int ok = 0;
            int limited = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    limited++;
                }
            }
            assertThat(ok).isEqualTo(capacity);
            assertThat(limited).isEqualTo(200 - capacity);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixty_four_concurrent_clients_of_one_team_get_exactly_n_and_the_other_team_still_gets_its_full_n()
            throws Exception {
        int capacity = 100;
        // Refill 1/min on a clock that never moves: no token comes back during the test.
        MockClient client = start(capacity, 1);
        int[] alpha = burst(client, Keys.ALPHA, 64, 300);
        assertThat(alpha[0]).as("alpha 200s").isEqualTo(capacity);
        assertThat(alpha[1]).as("alpha 429s").isEqualTo(300 - capacity);
        int[] beta = burst(client, Keys.BETA, 64, 300);
        assertThat(beta[0]).as("beta 200s after alpha is exhausted").isEqualTo(capacity);
        assertThat(beta[1]).as("beta 429s").isEqualTo(300 - capacity);
        assertThat(client.estimate("{\"prompt\":\"x\"}").status()).as("alpha is still exhausted").isEqualTo(429);
    }

    /** {@code total} requests from {@code clients} threads released together; returns {200s, 429s, others}. */
    private static int[] burst(MockClient client, String key, int clients, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                calls.add(() -> {
                    go.await();
                    return client.estimate("{\"prompt\":\"x\"}", "X-Api-Key", key).status();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            go.countDown();
            int[] counts = new int[3];
            for (Future<Integer> f : futures) {
                int status = f.get();
                counts[status == 200 ? 0 : status == 429 ? 1 : 2]++;
            }
            assertThat(counts[2]).as("answers other than 200 and 429").isZero();
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void disabled_rate_limit_never_answers_429() {
        server = MockServer.start(MockOptions.builder().rateLimitDisabled().clock(clock).build());
        MockClient client = new MockClient(server.baseUrl());
        for (int i = 0; i < 300; i++) {
            assertThat(client.estimate("{\"prompt\":\"x\"}").status()).isEqualTo(200);
        }
    }
}
