package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.conformance.cli.SuiteExecution.ConfigurationException;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck.InteractionResult;
import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck.Status;
import com.aurouslabs.toolkit.conformance.report.KeyRedaction;
import com.aurouslabs.toolkit.conformance.report.ReportData;
import com.aurouslabs.toolkit.conformance.report.ReportData.RuleEntry;
import com.aurouslabs.toolkit.conformance.report.ReportFormats;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar estimate-conformance.jar --base-url URL [options]}: runs the conformance suite against a URL and
 * writes the reports. Exit codes: 0 every documented rule passes (warnings allowed), 1 a documented or security rule
 * failed (or the run could not complete), 2 a usage or configuration mistake, 3 the target is unreachable or rejected
 * the key at preflight.
 */
@Command(name = "estimate-conformance", mixinStandardHelpOptions = true,
    versionProvider = ConformanceCli.Version.class, sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
    description = "Checks an implementation of POST /v1/images/estimate against the OpenAPI document and the rule "
        + "catalog; writes JUnit XML, JSON, Markdown and HTML reports.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every documented rule passes (warnings allowed)",
        "1:a documented or security rule failed, or the run could not complete",
        "2:a usage or configuration mistake", "3:the target is unreachable or rejected the key at preflight"},
    footerHeading = "%n", footer = "Reports: conformance-junit.xml and conformance-report.{json,md,html} in --report-dir. "
        + "The key is read from the environment only and is masked in every output.")
public final class ConformanceCli implements Callable<Integer> {

  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNREACHABLE = 3;
  /** The suite's request budgets against a URL (README, Settings): the progress bar's 100 %. */
  static final long DEFAULT_REQUESTS = 600;
  static final long BUDGET_MODE_REQUESTS = 240;

  @Option(names = "--base-url", required = true, paramLabel = "URL",
      description = "Base URL of the target, e.g. https://api.aurous-labs.com")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "VAR", defaultValue = "AUROUS_API_KEY",
      description = "Environment variable holding the target's API key (the key itself is never an argument). "
          + "Default: ${DEFAULT-VALUE}.")
  String apiKeyEnv;

  @Option(names = "--budget", description = "Only the fixed plan of at most 240 requests (every rule, no properties).")
  boolean budget;

  @Option(names = "--strict", arity = "0..1", paramLabel = "PARTS", fallbackValue = "true",
      description = "Inferred (undocumented) differences fail instead of warn; or a comma list of parts that fail "
          + "(status, code, param, precedence, reading, ...).")
  String strict;

  @Option(names = "--tries", paramLabel = "N", description = "jqwik tries per property (default 10 against a URL).")
  Integer tries;

  @Option(names = "--rate", paramLabel = "R", description = "Requests per second to the target (default 2).")
  Double rate;

  @Option(names = "--max-requests", paramLabel = "N",
      description = "Requests to the target at most (default 600; 240 with --budget); past it rules are skipped.")
  Integer maxRequests;

  @Option(names = "--fixtures", paramLabel = "FILE",
      description = "YAML file of the target's fixtures (ready_character_id, revoked_api_key: env:VAR, ...).")
  Path fixtures;

  @Option(names = "--fixture", paramLabel = "KEY=VALUE",
      description = "One fixture (a key of the fixtures file); repeatable; wins over the file and the environment.")
  Map<String, String> fixtureFlags = new LinkedHashMap<>();

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
      description = "Where the reports are written. Default: ${DEFAULT-VALUE} (in the working directory).")
  Path reportDir;

  @Option(names = "--only", paramLabel = "RULE", split = ",",
      description = "Check only these catalog rules, e.g. AUTH-INVALID-KEY,SIZE-XOR-DIMS.")
  List<String> only = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S", description = "One jqwik seed for every property: a reproducible run.")
  Long seed;

  @Option(names = "--pacts", paramLabel = "DIR|default",
      description = "Also verify the provider against Pact files: a directory, or 'default' for the shipped pacts.")
  String pacts;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final SuiteExecution execution;
  private final UnaryOperator<String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final Supplier<RuleCatalog> catalog;
  private final PactCheck pactCheck;
  /** Where {@code --pacts} reads pact files; empty = the pacts shipped in this jar. Set by {@link #settings}. */
  private Optional<Path> pactDir = Optional.empty();

  /** {@code catalog}: read only when needed (--only), so --help, --version and usage errors stay fast. */
  public ConformanceCli(SuiteExecution execution, UnaryOperator<String> env, PrintStream out, PrintStream err,
      boolean terminal, LongSupplier nanoTime, Supplier<RuleCatalog> catalog) {
    this(execution, env, out, err, terminal, nanoTime, catalog, PactCheck.pactJvm());
  }

  /** As above, with the verifier {@code --pacts} uses. */
  public ConformanceCli(SuiteExecution execution, UnaryOperator<String> env, PrintStream out, PrintStream err,
      boolean terminal, LongSupplier nanoTime, Supplier<RuleCatalog> catalog, PactCheck pactCheck) {
    this.pactCheck = pactCheck;
    this.execution = execution;
    this.env = env;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.catalog = catalog;
  }

  /** Parses {@code args}, runs, returns the exit code; usage errors are one line plus the usage line (exit 2). */
  public int execute(String... args) {
    CommandLine cmd = new CommandLine(this)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler(ConformanceCli::usageError)
        .setExecutionExceptionHandler((e, c, parsed) -> {
          c.getErr().println("estimate-conformance: the run failed: " + e.getClass().getSimpleName() + ": "
              + oneLine(e.getMessage()));
          return FAILED;
        });
    return cmd.execute(args);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter w = cmd.getErr();
    w.println("estimate-conformance: " + oneLine(e.getMessage()));
    CommandLine.Help help = cmd.getHelp();
    w.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    w.println("Try 'estimate-conformance --help' for every option.");
    w.flush();
    return USAGE;
  }

  @Override
  public Integer call() {
    Map<String, String> settings;
    List<String> secrets = new ArrayList<>();
    try {
      settings = settings(secrets);
    } catch (ConfigurationException e) {
      err.println("estimate-conformance: " + e.getMessage());
      return USAGE;
    }
    KeyRedaction redaction = KeyRedaction.of(secrets);
    long requestBudget = maxRequests != null ? maxRequests : budget ? BUDGET_MODE_REQUESTS : DEFAULT_REQUESTS;
    ProgressPrinter printer = new ProgressPrinter(err, terminal, requestBudget, nanoTime);
    long start = nanoTime.getAsLong();
    SuiteExecution.Result result;
    try {
      result = execution.run(settings, quiet ? (f, n) -> { } : printer);
    } catch (ConfigurationException e) {
      printer.finish();
      err.println("estimate-conformance: " + redaction.apply(e.getMessage()));
      return USAGE;
    }
    printer.finish();
    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
    if (result.unreachable().isPresent()) {
      String why = redaction.apply(oneLine(result.unreachable().get()));
      err.println("estimate-conformance: " + why);
      out.println("Conformance: NOT RUN, the target could not be used: " + why);
      if (Files.isRegularFile(reportDir.resolve(ReportFormats.JSON_FILE))) {
        renderReports(redaction, elapsed).ifPresent(r -> printReports());
      }
      return UNREACHABLE;
    }
    var report = renderReports(redaction, elapsed);
    if (report.isEmpty()) {
      return FAILED;
    }
    int code = exitCode(report.get(), result);
    printSummary(report.get(), result, elapsed, code, redaction);
    if (pacts != null) {
      code = Math.max(code, verifyPacts(settings, redaction));
    }
    return code;
  }

  /**
   * {@code --pacts}: the target against the consumer pacts, after the suite (its preflight has shown the target
   * usable). One line per interaction that did not pass; exit 1 if one failed. The key reaches only the requests.
   */
  private int verifyPacts(Map<String, String> settings, KeyRedaction redaction) {
    Map<String, String> stateValues = new LinkedHashMap<>();
    Optional.ofNullable(settings.get(Setting.NOT_READY_CHARACTER_ID.property()))
        .map(v -> v.split(",")[0].strip()).filter(v -> !v.isEmpty())
        .ifPresent(v -> stateValues.put("notReadyCharacterId", v));
    String source = pactDir.map(Path::toString).orElse("the pacts shipped in this jar");
    List<InteractionResult> results;
    try {
      results = pactCheck.verify(settings.get("aurous.base.url"), settings.get("aurous.api.key"), stateValues,
          pactDir);
    } catch (RuntimeException e) {
      out.println("Pact verification (" + source + ") could not run: " + redaction.apply(oneLine(e.getMessage())));
      return FAILED;
    }
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    boolean failed = counts.getOrDefault(Status.FAILED, 0L) > 0;
    out.printf(Locale.ROOT, "Pact verification %s (%s): %d passed, %d failed, %d skipped%n",
        failed ? "FAILED" : "PASSED", source,
        counts.getOrDefault(Status.PASSED, 0L), counts.getOrDefault(Status.FAILED, 0L),
        counts.getOrDefault(Status.SKIPPED, 0L));
    for (var r : results) {
      if (r.status() != Status.PASSED) {
        String why = r.messages().isEmpty() ? "" : ": " + cut(redaction.apply(oneLine(r.messages().get(0))), 200);
        out.println("  " + r.status() + " pact interaction '" + r.description() + "'" + why);
      }
    }
    return failed ? FAILED : PASSED;
  }

  /** 1 if any rule failed or the run could not complete; 0 otherwise (warnings, skips allowed). */
  static int exitCode(ReportData report, SuiteExecution.Result result) {
    if (result.unreachable().isPresent()) {
      return UNREACHABLE;
    }
    boolean failed = report.rules().stream().anyMatch(e -> "failed".equals(e.result()));
    return failed || !result.fatal().isEmpty() || !report.fatal().isEmpty() ? FAILED : PASSED;
  }

  /** The suite's settings from the options, the environment and the fixtures file; {@code secrets} collects keys. */
  Map<String, String> settings(List<String> secrets) throws ConfigurationException {
    Map<String, String> s = new LinkedHashMap<>();
    URI uri;
    try {
      uri = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--base-url '" + baseUrl + "' is not a URL: give e.g. https://api.example.com");
    }
    if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null) {
      throw new ConfigurationException("--base-url '" + baseUrl + "' is not an http(s) URL with a host: give e.g. "
          + "https://api.example.com");
    }
    if (uri.getUserInfo() != null) {
      throw new ConfigurationException("--base-url must not carry credentials: put the key in $" + apiKeyEnv);
    }
    s.put("aurous.base.url", baseUrl.strip().replaceAll("/+$", ""));
    String key = env.apply(apiKeyEnv);
    if (key == null || key.isBlank()) {
      throw new ConfigurationException("environment variable " + apiKeyEnv + " is not set: export it with the "
          + "target's API key" + ("AUROUS_API_KEY".equals(apiKeyEnv) ? " (or name another with --api-key-env VAR)"
          : ""));
    }
    s.put("aurous.api.key", key.strip());
    // What the suite's one-line messages ask for, in this command's words (not AUROUS_BASE_URL / -Daurous.*).
    s.put(Settings.hintKey(Setting.BASE_URL), "--base-url");
    s.put(Settings.hintKey(Setting.API_KEY), "the environment variable " + apiKeyEnv
        + ("AUROUS_API_KEY".equals(apiKeyEnv) ? " (or another one named with --api-key-env)" : " (--api-key-env)"));
    s.put("aurous.quiet", "true");
    secrets.add(key.strip());
    Map<String, String> fx = FixtureSettings.resolve(fixtures, fixtureFlags, env);
    FixtureSettings.SECRET_SETTINGS.stream().map(fx::get).filter(v -> v != null).forEach(secrets::add);
    s.putAll(fx);
    if (budget) {
      s.put("aurous.budget.mode", "true");
    }
    if (strict != null) {
      s.put("aurous.strict", strict);
    }
    if (tries != null) {
      positive("--tries", tries);
      s.put("aurous.tries", tries.toString());
    }
    if (rate != null) {
      if (!(rate > 0) || rate.isInfinite()) {
        throw new ConfigurationException("--rate must be a positive number of requests per second, e.g. 2 or 0.5");
      }
      s.put("aurous.rate.per.second", rate.toString());
    }
    if (maxRequests != null) {
      positive("--max-requests", maxRequests);
      s.put("aurous.request.budget", maxRequests.toString());
    }
    if (!only.isEmpty()) {
      List<String> ids = only.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
      RuleCatalog rules = catalog.get();
      List<String> unknown = ids.stream().filter(id -> rules.find(id).isEmpty()).toList();
      if (!unknown.isEmpty() || ids.isEmpty()) {
        throw new ConfigurationException("--only: unknown rule " + String.join(", ", unknown)
            + "; use catalog IDs such as " + rules.rules().get(0).id() + " (openapi/rules.yaml lists them)");
      }
      only = ids;
      s.put("aurous.only", String.join(",", ids));
    }
    if (seed != null) {
      s.put("aurous.seed", seed.toString());
    }
    if (pacts != null) {
      String p = pacts.strip();
      if (p.equals("default") || p.equals("bundled")) {
        pactDir = Optional.empty();
      } else if (Files.isDirectory(Path.of(p))) {
        pactDir = Optional.of(Path.of(p).toAbsolutePath().normalize());
      } else {
        throw new ConfigurationException("--pacts " + p + " is not a directory: give a directory of pact files "
            + "(*.json) or 'default' for the pacts shipped in this jar");
      }
    }
    Path dir = reportDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigurationException("--report-dir " + dir + " cannot be created (" + e.getClass().getSimpleName()
          + "): give a writable directory");
    }
    if (!Files.isWritable(dir)) {
      throw new ConfigurationException("--report-dir " + dir + " is not writable: give a writable directory");
    }
    reportDir = dir;
    try {
      for (Path stale : ReportFormats.files(dir)) {
        Files.delete(stale); // reports of an earlier run would pass for this one's
      }
    } catch (IOException e) {
      throw new ConfigurationException("--report-dir " + dir + ": cannot remove the reports of an earlier run ("
          + e.getClass().getSimpleName() + "): give a writable directory");
    }
    s.put("aurous.report.dir", dir.toString());
    return s;
  }

  private static void positive(String option, int n) throws ConfigurationException {
    if (n < 1) {
      throw new ConfigurationException(option + " must be at least 1");
    }
  }

  private Optional<ReportData> renderReports(KeyRedaction redaction, Duration elapsed) {
    Path json = reportDir.resolve(ReportFormats.JSON_FILE);
    if (!Files.isRegularFile(json)) {
      err.println("estimate-conformance: the suite wrote no " + json + "; no report rendered");
      return Optional.empty();
    }
    try {
      scrub(json, redaction);
      scrub(reportDir.resolve(ReportFormats.MARKDOWN_FILE), redaction);
      return Optional.of(ReportFormats.render(reportDir, redaction, elapsed));
    } catch (IOException | RuntimeException e) {
      err.println("estimate-conformance: cannot render the reports in " + reportDir + ": " + oneLine(e.getMessage()));
      return Optional.empty();
    }
  }

  /** Masks, in place, any key of this run that a report file of the suite should not have held. */
  private static void scrub(Path file, KeyRedaction redaction) throws IOException {
    if (Files.isRegularFile(file)) {
      String text = Files.readString(file);
      String masked = redaction.apply(text);
      if (!masked.equals(text)) {
        Files.writeString(file, masked);
      }
    }
  }

  private void printSummary(ReportData r, SuiteExecution.Result result, Duration elapsed, int code,
      KeyRedaction redaction) {
    out.printf(Locale.ROOT, "Conformance %s: %d passed, %d warning, %d failed, %d skipped, %d not run (%d rules); "
            + "%d requests in %.1f s against %s%n", code == PASSED ? "PASSED" : "FAILED", r.count("passed"),
        r.count("warning"), r.count("failed"), r.count("skipped"), r.count("not_run"), r.rules().size(),
        Math.max(result.requests(), r.requests()), elapsed.toMillis() / 1000.0, r.target());
    for (RuleEntry e : r.withResult("failed")) {
      String first = e.messages().isEmpty() ? "" : e.messages().get(0).lines().findFirst().orElse("");
      out.println("  FAILED " + e.id() + " (" + e.tier() + (e.security() ? ", security" : "") + "): "
          + cut(first, 200));
    }
    List<String> fatal = new ArrayList<>(result.fatal());
    r.fatal().stream().filter(f -> !fatal.contains(f)).forEach(fatal::add);
    fatal.forEach(f -> out.println("  RUN NOT COMPLETE: " + redaction.apply(oneLine(f))));
    printReports();
  }

  private void printReports() {
    out.println("Reports:");
    ReportFormats.files(reportDir).forEach(f -> out.println("  " + f));
  }

  private static String cut(String s, int n) {
    return s.length() > n ? s.substring(0, n) + "..." : s;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }

  /** The version of the jar (its manifest) and of the rule catalog it judges by. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ConformanceCli.class.getPackage().getImplementationVersion();
      return new String[] {"estimate-conformance " + (v == null ? "(development build)" : v)
          + ", rule catalog version " + RuleCatalog.load().catalogVersion()};
    }
  }
}
