package com.aurouslabs.toolkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options become suite settings, and the run's outcome becomes the documented exit code. */
class ConformanceCliTest {

  static final String KEY = "al_live_" + "a".repeat(64);
  static final RuleCatalog CATALOG = RuleCatalog.load();

  @TempDir
  Path dir;

  final Map<String, String> env = new HashMap<>(Map.of("AUROUS_API_KEY", KEY));
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final AtomicLong clock = new AtomicLong();
  final List<String> pactCalls = new ArrayList<>();
  List<PactProviderCheck.InteractionResult> pactResults = List.of();
  final PactCheck pactCheck = (url, key, states, pactDir) -> {
    pactCalls.add(url + " " + states + " " + pactDir.map(Path::toString).orElse("bundled"));
    return pactResults;
  };

  int run(SuiteExecution execution, boolean terminal, String... args) {
    ConformanceCli cli = new ConformanceCli(execution, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, () -> clock.addAndGet(250_000_000L), () -> CATALOG,
        pactCheck);
    return cli.execute(args);
  }

  int run(SuiteExecution execution, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--report-dir")) {
      all.addAll(List.of("--report-dir", dir.resolve("reports").toString()));
    }
    return run(execution, false, all.toArray(String[]::new));
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static FakeExecution passing() {
    Map<String, String> results = new LinkedHashMap<>();
    results.put("AUTH-MISSING-KEY", "passed");
    results.put("AUTH-INVALID-KEY", "warning");
    results.put("AUTH-REVOKED-KEY", "skipped");
    return FakeExecution.with(results);
  }

  @Test
  void every_option_becomes_the_suite_setting_of_the_same_meaning() {
    FakeExecution fake = passing();
    int code = run(fake, "--base-url", "https://api.example.test/", "--budget", "--strict", "--tries", "7",
        "--rate", "0.5", "--max-requests", "99", "--only", "AUTH-MISSING-KEY,AUTH-INVALID-KEY", "--seed", "-42");
    assertThat(code).isZero();
    assertThat(fake.settings).containsEntry("aurous.base.url", "https://api.example.test")
        .containsEntry("aurous.api.key", KEY).containsEntry("aurous.budget.mode", "true")
        .containsEntry("aurous.strict", "true").containsEntry("aurous.tries", "7")
        .containsEntry("aurous.rate.per.second", "0.5").containsEntry("aurous.request.budget", "99")
        .containsEntry("aurous.only", "AUTH-MISSING-KEY,AUTH-INVALID-KEY").containsEntry("aurous.seed", "-42")
        .containsEntry("aurous.report.dir", dir.resolve("reports").toAbsolutePath().toString());
  }

  @Test
  void without_options_the_defaults_leave_the_suite_its_own_defaults() {
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9")).isZero();
    assertThat(fake.settings.keySet()).containsExactly("aurous.base.url", "aurous.api.key", "aurous.hint.base_url",
        "aurous.hint.api_key", "aurous.quiet", "aurous.report.dir");
    assertThat(fake.settings).containsEntry("aurous.quiet", "true");
  }

  @Test
  void the_suite_asks_for_the_url_and_the_key_in_the_commands_own_words() {
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9")).isZero();
    assertThat(fake.settings).containsEntry("aurous.hint.base_url", "--base-url")
        .containsEntry("aurous.hint.api_key", "the environment variable AUROUS_API_KEY (or another one named with "
            + "--api-key-env)");
    env.put("STAGING_KEY", KEY);
    FakeExecution staging = passing();
    assertThat(run(staging, "--base-url", "http://127.0.0.1:9", "--api-key-env", "STAGING_KEY")).isZero();
    assertThat(staging.settings).containsEntry("aurous.hint.api_key",
        "the environment variable STAGING_KEY (--api-key-env)");
  }

  @Test
  void the_key_is_read_from_the_named_environment_variable() {
    env.put("STAGING_KEY", "al_test_" + "b".repeat(40));
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9", "--api-key-env", "STAGING_KEY")).isZero();
    assertThat(fake.settings).containsEntry("aurous.api.key", "al_test_" + "b".repeat(40));
  }

  @Test
  void no_base_url_is_exit_2_with_the_usage_line() {
    FakeExecution fake = passing();
    assertThat(run(fake, false)).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--base-url=URL'")
        .containsPattern("Usage: estimate-conformance (\\[-hV\\] )?--base-url=URL");
    assertThat(fake.runs).isZero();
  }

  @Test
  void an_unknown_option_or_a_bad_number_is_exit_2() {
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9", "--bogus")).isEqualTo(2);
    assertThat(stderr()).contains("Unknown option: '--bogus'");
    err.reset();
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9", "--tries", "many")).isEqualTo(2);
    assertThat(stderr()).contains("--tries");
    err.reset();
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9", "--tries", "0")).isEqualTo(2);
    assertThat(stderr()).contains("--tries must be at least 1");
  }

  @Test
  void an_unknown_rule_in_only_is_exit_2_naming_it_and_nothing_runs() {
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9", "--only", "AUTH-MISSING-KEY,NO-SUCH-RULE")).isEqualTo(2);
    assertThat(stderr()).startsWith("estimate-conformance: --only: unknown rule NO-SUCH-RULE;");
    assertThat(fake.runs).isZero();
  }

  @Test
  void a_missing_key_variable_is_exit_2_naming_the_variable() {
    env.clear();
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9")).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("estimate-conformance: environment variable AUROUS_API_KEY is not set: "
        + "export it with the target's API key (or name another with --api-key-env VAR)");
    assertThat(fake.runs).isZero();
  }

  @Test
  void pacts_default_verifies_the_shipped_pacts_after_the_suite_and_a_failed_interaction_is_exit_1() {
    pactResults = List.of(
        new PactProviderCheck.InteractionResult("c", "a valid estimate", "", PactProviderCheck.Status.PASSED,
            List.of()),
        new PactProviderCheck.InteractionResult("c", "a not-ready character", "", PactProviderCheck.Status.FAILED,
            List.of("status: expected 409 but was 200 (key " + KEY + ")")),
        new PactProviderCheck.InteractionResult("c", "an empty bucket", "", PactProviderCheck.Status.SKIPPED,
            List.of("drains the bucket")));
    env.put("AUROUS_NOT_READY_CHARACTER_ID", "char_01JDSYNTHW8JDG7FJ1BBXDK4A0,char_01JDREVWE95DY9JBE9FZ5VPPE3");
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9", "--pacts", "default")).isEqualTo(1);
    assertThat(pactCalls).containsExactly(
        "http://127.0.0.1:9 {notReadyCharacterId=char_01JDSYNTHW8JDG7FJ1BBXDK4A0} bundled");
    assertThat(stdout()).contains("Conformance PASSED")
        .contains("Pact verification FAILED (the pacts shipped in this jar): 1 passed, 1 failed, 1 skipped")
        .contains("  FAILED pact interaction 'a not-ready character': status: expected 409 but was 200")
        .contains("  SKIPPED pact interaction 'an empty bucket': drains the bucket")
        .doesNotContain(KEY);
  }

  @Test
  void pacts_all_passing_keeps_exit_0() {
    pactResults = List.of(new PactProviderCheck.InteractionResult("c", "a valid estimate", "",
        PactProviderCheck.Status.PASSED, List.of()));
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9", "--pacts", dir.toString())).isZero();
    assertThat(pactCalls).singleElement().asString().endsWith(" " + dir.toAbsolutePath().normalize());
    assertThat(stdout()).contains("Pact verification PASSED (" + dir.toAbsolutePath().normalize() + "): 1 passed");
  }

  @Test
  void pacts_naming_a_missing_directory_is_exit_2_and_nothing_runs() {
    FakeExecution fake = passing();
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9", "--pacts", dir.resolve("nope").toString()))
        .isEqualTo(2);
    assertThat(stderr()).startsWith("estimate-conformance: --pacts ").contains("is not a directory");
    assertThat(fake.runs).isZero();
    assertThat(pactCalls).isEmpty();
  }

  @Test
  void a_base_url_that_is_not_http_is_exit_2() {
    assertThat(run(passing(), "--base-url", "ftp://example.test")).isEqualTo(2);
    assertThat(stderr()).contains("is not an http(s) URL with a host");
  }

  @Test
  void all_rules_passing_with_warnings_and_skips_is_exit_0_and_four_reports_are_written() {
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9")).isZero();
    Path reports = dir.resolve("reports");
    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("conformance-junit.xml",
          "conformance-report.json", "conformance-report.md", "conformance-report.html");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(stdout()).startsWith("Conformance PASSED: 1 passed, 1 warning, 0 failed, 1 skipped, 0 not run "
        + "(3 rules); 7 requests in ").contains("conformance-junit.xml").contains("conformance-report.html");
  }

  @Test
  void a_failed_rule_is_exit_1_and_the_summary_names_it() {
    FakeExecution fake = FakeExecution.with(Map.of("AUTH-INVALID-KEY", "failed"));
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9")).isEqualTo(1);
    assertThat(stdout()).startsWith("Conformance FAILED: 0 passed, 0 warning, 1 failed")
        .contains("  FAILED AUTH-INVALID-KEY (documented, security): [AUTH-INVALID-KEY] failed");
  }

  @Test
  void an_unreachable_target_or_rejected_key_is_exit_3() {
    FakeExecution fake = new FakeExecution(Map.of("AUTH-MISSING-KEY", "not_run"),
        Optional.of("Conformance target http://127.0.0.1:9 rejected the key " + KEY + " (401 invalid_api_key)."),
        "");
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9")).isEqualTo(3);
    assertThat(stderr()).contains("rejected the key al_live_**** (401 invalid_api_key)");
    assertThat(stdout()).contains("NOT RUN");
  }

  @Test
  void the_key_never_appears_in_output_or_any_report_even_if_the_suite_leaked_it() throws Exception {
    env.put("ODD_KEY", "sk-Vendor-Odd-Shaped-Key-1");
    FakeExecution fake = new FakeExecution(Map.of("AUTH-INVALID-KEY", "failed"), Optional.empty(),
        "sent sk-Vendor-Odd-Shaped-Key-1 and " + KEY);
    assertThat(run(fake, "--base-url", "http://127.0.0.1:9", "--api-key-env", "ODD_KEY")).isEqualTo(1);
    assertThat(stdout() + stderr()).doesNotContain("sk-Vendor-Odd-Shaped-Key-1").doesNotContain(KEY);
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("sk-Vendor-Odd-Shaped-Key-1")
            .doesNotContain(KEY).contains("****");
      }
    }
  }

  @Test
  void progress_is_plain_lines_in_ci_and_one_redrawn_line_on_a_terminal() {
    assertThat(run(passing(), "--base-url", "http://127.0.0.1:9")).isZero();
    assertThat(stderr()).doesNotContain("\r").contains("conformance: auth, 1 requests, ")
        .contains("conformance: dimensions, 7 requests, ");
    err.reset();
    assertThat(run(passing(), true, "--base-url", "http://127.0.0.1:9", "--report-dir", dir.toString())).isZero();
    assertThat(stderr()).startsWith("\r[").contains("\r[").contains("] 7/600 requests  dimensions  ").endsWith("\n")
        .doesNotContain("conformance: ");
    err.reset();
    assertThat(run(passing(), true, "--base-url", "http://127.0.0.1:9", "--quiet", "--report-dir", dir.toString()))
        .isZero();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void a_dumb_or_missing_terminal_gets_plain_lines() {
    assertThat(ProgressPrinter.isTerminal(true, "xterm-256color")).isTrue();
    assertThat(ProgressPrinter.isTerminal(true, "dumb")).isFalse();
    assertThat(ProgressPrinter.isTerminal(true, null)).isFalse();
    assertThat(ProgressPrinter.isTerminal(false, "xterm")).isFalse();
  }

  @Test
  void help_and_version_are_exit_0() {
    assertThat(run(passing(), false, "--help")).isZero();
    assertThat(stdout()).contains("--api-key-env=VAR").contains("Exit codes:")
        .contains("3   the target is unreachable or rejected the key at preflight");
    out.reset();
    assertThat(run(passing(), false, "--version")).isZero();
    assertThat(stdout()).startsWith("estimate-conformance ").contains("rule catalog version ");
  }
}
