package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void options_parse_into_settings() {
        Main main = new Main();
        new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--port", "0", "--rate-limit",
                "10/5", "--latency", "50+-20", "--warn-only", "--defect", "accept_blank_prompt", "--cors-origin", "x");
        assertThat(main.rateLimit).isEqualTo(new RateLimitSettings(10, 5, true));
        assertThat(main.latency).isEqualTo(new LatencySettings(50, 20));
        assertThat(main.warnOnly).isTrue();
        assertThat(main.defect).isEqualTo(Defect.ACCEPT_BLANK_PROMPT);
        assertThat(RateLimitSettings.parse("off").enabled()).isFalse();
    }

    @Test
    void bad_rate_limit_is_a_usage_error() {
        int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("--rate-limit", "lots");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void banner_names_url_fixtures_and_keys() {
        try (MockServer server = MockServer.start(MockOptions.defaults())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), server, true);
            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(server.baseUrl() + "/v1/images/estimate", "built-in", "team_alpha",
                    "og_aaaa", "(revoked)",
                    "char_01JDSYNTHW8JDG7FJ1BBXDK4A0", "synthesizing", "file_01JDEXP1REDJP4460YJ72C6EFT expired",
                    "pixel-sketch", "no references", "retired-style", "inactive", "private to team_beta");
        }
    }
}
