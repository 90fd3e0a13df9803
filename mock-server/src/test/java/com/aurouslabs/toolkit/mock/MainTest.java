package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** Runs the command line as the jar does; the exit code and what it printed on stderr. */
    private record Run(int code, String err) {
        List<String> lines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main()).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, err.toString());
    }

    /** One line, prefixed with the tool's name, and no stack trace. */
    private static void assertOneLine(Run run, int code, String... parts) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("estimate-mock: ").contains(parts)
                .doesNotContain("\tat ", "Exception:", "Caused by");
    }

    @Test
    void port_in_use_is_one_line_that_names_the_port_and_suggests_another_exit_1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertOneLine(run("--port", Integer.toString(port)), 1, "port " + port + " on 127.0.0.1 is already in use",
                    "--port 0");
        }
    }

    @Test
    void port_out_of_range_or_not_a_number_is_a_usage_error_naming_the_range() {
        assertOneLine(run("--port", "70000"), 2, "'70000' is not a port", "1 to 65535", "0 for any free port");
        assertOneLine(run("--port", "-1"), 2, "'-1' is not a port");
        assertOneLine(run("--port", "abc"), 2, "'abc' is not a port");
    }

    @Test
    void missing_fixtures_or_spec_file_is_one_line_naming_the_file_and_the_built_in_alternative(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertOneLine(run("--port", "0", "--fixtures", missing.toString()), 2,
                "fixtures file " + missing + " does not exist", "leave out --fixtures");
        assertOneLine(run("--port", "0", "--spec", missing.toString()), 2,
                "spec file " + missing + " does not exist", "leave out --spec");
        assertOneLine(run("--port", "0", "--fixtures", dir.toString()), 2, "is a directory");
    }

    @Test
    void invalid_yaml_names_the_file_the_reason_and_the_line(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "teams:\n  - id: x\n   keys: [\n");
        assertOneLine(run("--port", "0", "--fixtures", broken.toString()), 2,
                "fixtures file " + broken + " is not valid", "expected <block end>", "(line 3, column 4)");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "a: [\n");
        assertOneLine(run("--port", "0", "--spec", spec.toString()), 2, "spec file " + spec + " is not valid", "line 1");
    }

    @Test
    void fixtures_with_an_unknown_property_or_no_rate_card_name_what_to_fix(@TempDir Path dir) throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"),
                "rate_card: {image_base: 1, enhance_multiplier: 2}\nteams: []\n");
        assertOneLine(run("--port", "0", "--fixtures", typo.toString()), 2, "unknown property 'enhance_multiplier'",
                "known: enhance_prompt_multiplier, image_base, reference_image_per_image");
        Path noCard = Files.writeString(dir.resolve("no-card.yaml"), "teams: []\n");
        assertOneLine(run("--port", "0", "--fixtures", noCard.toString()), 2, "has no rate_card");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertOneLine(run("--port", "0", "--fixtures", empty.toString()), 2, "is empty");
    }

    @Test
    void spec_that_is_not_an_openapi_3_0_estimate_document_says_so(@TempDir Path dir) throws IOException {
        Path v31 = Files.writeString(dir.resolve("v31.yaml"), "openapi: 3.1.0\n");
        assertOneLine(run("--port", "0", "--spec", v31.toString()), 2, "is not an OpenAPI 3.0 document");
        Path noPath = Files.writeString(dir.resolve("no-path.yaml"), "openapi: 3.0.3\npaths: {}\n");
        assertOneLine(run("--port", "0", "--spec", noPath.toString()), 2, "has no POST /v1/images/estimate");
    }

    @Test
    void unknown_option_or_bad_value_is_one_usage_line() {
        assertOneLine(run("--prot", "4010"), 2, "Unknown option", "'--prot'", "--help");
        assertOneLine(run("--latency", "soon"), 2, "--latency");
        assertOneLine(run("--profile", "odd"), 2, "use default or alternative");
    }

    @Test
    void host_that_is_not_an_address_of_this_machine_names_the_usual_hosts() {
        assertOneLine(run("--host", "nope.invalid", "--port", "4999"), 2, "nope.invalid is not an address of this "
                + "machine", "--host 127.0.0.1");
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
