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
                "10/5", "--latency", "50+-20", "--warn-only", "--defect", "accept_blank_prompt", "--cors-origin", "x",
                "--profile", "Alternative");
        assertThat(main.rateLimit).isEqualTo(new RateLimitSettings(10, 5, true));
        assertThat(main.latency).isEqualTo(new LatencySettings(50, 20));
        assertThat(main.warnOnly).isTrue();
        assertThat(main.defect).isEqualTo("ACCEPT_BLANK_PROMPT");
        assertThat(main.profile).isEqualTo(Profile.ALTERNATIVE);
        assertThat(RateLimitSettings.parse("off").enabled()).isFalse();
    }

    @Test
    void bad_rate_limit_is_a_usage_error() {
        int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("--rate-limit", "lots");
        assertThat(code).isEqualTo(2);
    }

    @Test
    void unknown_defect_is_one_usage_error_that_lists_the_names() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err)).execute("--defect", "nope");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown defect 'nope'", "NONE", "ACCEPT_BLANK_PROMPT",
                "MISSING_REQUEST_ID");
    }

    @Test
    void unknown_profile_is_a_usage_error_naming_the_profiles() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err)).execute("--profile", "odd");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("use default or alternative");
    }

    @Test
    void alternative_banner_lists_every_choice_that_differs() {
        try (MockServer server = MockServer.start(MockOptions.builder().profile(Profile.ALTERNATIVE).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), server, true);
            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("profile     alternative:", "choices differ from the default",
                    "DIM-SNAP-32: ties=up -> ties=down", "BODY-JSON: code invalid_format -> code invalid_json",
                    "REF-ITEM-FORM:", "EVALUATION-ORDER:");
        }
    }

    @Test
    void default_banner_names_the_profile_and_a_defect_with_its_rule() {
        try (MockServer server = MockServer.start(MockOptions.builder().defect("accept_blank_prompt").build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), server, true);
            String banner = out.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("profile     default (", "GET /__admin/profile",
                    "DEFECT      ACCEPT_BLANK_PROMPT (test-only; breaks PROMPT-NOT-BLANK");
            assertThat(banner).doesNotContain("DIM-SNAP-32: ties");
        }
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
