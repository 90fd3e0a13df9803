package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --proxy-to URL [--proxy-timeout DURATION]}: parsed, checked in one line, and named in the banner. */
class ProxyOptionsTest {

    private static String usageError(String... args) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(args);
        assertThat(code).as(String.join(" ", args)).isEqualTo(2);
        return err.toString();
    }

    @Test
    void proxy_flags_parse() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--proxy-to", "https://api.aurous-labs.com/", "--proxy-timeout", "750ms");
        assertThat(main.proxyTo).isEqualTo(URI.create("https://api.aurous-labs.com"));
        assertThat(main.proxyTimeout).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void a_url_that_is_not_http_or_https_is_a_usage_error_that_does_not_repeat_it() {
        assertThat(usageError("--proxy-to", "ftp://files.example")).contains("--proxy-to",
                "expected an http:// or https:// base URL");
        assertThat(usageError("--proxy-to", "https://al_live_secret@api.example")).doesNotContain("al_live_secret");
    }

    @Test
    void proxy_timeout_without_a_proxy_and_mock_only_answers_with_a_proxy_are_usage_errors() {
        assertThat(usageError("--proxy-timeout", "5s")).contains("--proxy-timeout needs --proxy-to URL");
        assertThat(usageError("--proxy-to", "http://127.0.0.1:9", "--defect", "ACCEPT_BLANK_PROMPT"))
                .contains("drop --defect and --warn-only");
        assertThat(usageError("--proxy-to", "http://127.0.0.1:9", "--proxy-timeout", "0s"))
                .contains("expected a timeout above 0");
    }

    @Test
    void the_banner_names_the_upstream_and_where_the_findings_go() {
        try (MockServer server = MockServer.start(MockOptions.builder()
                .proxy(com.aurouslabs.toolkit.mock.proxy.ProxySettings.to("https://api.aurous-labs.com")).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Main.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), server, true);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("validating proxy",
                    "upstream    https://api.aurous-labs.com", "X-Mock-Proxy-Violations", "/__admin/journal")
                    .doesNotContain("al_live_a");
        }
    }
}
