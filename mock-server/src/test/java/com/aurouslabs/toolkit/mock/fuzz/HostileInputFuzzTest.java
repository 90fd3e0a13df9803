package com.aurouslabs.toolkit.mock.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over raw sockets against an in-process mock on 127.0.0.1: zero 5xx, zero hangs, zero drops, every
 * refusal in the documented envelope with a request id, every 200 a valid estimate. The normal build runs a short
 * campaign; {@code mock-server/fuzz.sh [REQUESTS]} (or {@code -Dfuzz.requests=100000}) runs the long one. Other
 * knobs: {@code fuzz.seed}, {@code fuzz.workers}, {@code fuzz.budget.seconds}, {@code fuzz.timeout.millis}. The
 * counts are printed and written to {@code target/fuzz-report.txt}.
 */
class HostileInputFuzzTest {

    @Test
    void hostile_requests_get_documented_4xx_or_valid_200_and_never_5xx_hangs_or_drops() throws Exception {
        int requests = Integer.getInteger("fuzz.requests", 3_000);
        FuzzCampaign.Settings settings = new FuzzCampaign.Settings(
                Long.getLong("fuzz.seed", 20_260_515L),
                requests,
                Integer.getInteger("fuzz.workers", 4),
                Duration.ofMillis(Long.getLong("fuzz.timeout.millis", 5_000)),
                Duration.ofSeconds(Long.getLong("fuzz.budget.seconds", requests <= 10_000 ? 60 : 900)));
        // Rate limit off: the campaign is about input handling, not about 429s.
        MockServer server = MockServer.start(MockOptions.builder().rateLimitDisabled().build());
        FuzzCampaign.Result result;
        try {
            result = new FuzzCampaign("127.0.0.1", server.port(), settings).run();
        } finally {
            server.stop();
        }
        String summary = result.summary();
        System.out.print(summary);
        write(summary);

        assertThat(result.failures()).as(summary).isEmpty();
        assertThat(result.failureCount()).as(summary).isZero();
        assertThat(result.requests()).as("requests answered").isPositive();
        if (!result.budgetExhausted()) {
            assertThat(result.requests()).isEqualTo(requests);
        }
        assertThat(result.byStatus()).as("both refusals and valid estimates were seen").containsKeys(200, 400, 401,
                404, 405, 413);
    }

    private static void write(String summary) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-report.txt"), summary, StandardCharsets.UTF_8);
        }
    }
}
