package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.fixtures.CharacterFixture;
import com.aurouslabs.toolkit.mock.fixtures.FileFixture;
import com.aurouslabs.toolkit.mock.fixtures.Fixtures;
import com.aurouslabs.toolkit.mock.fixtures.KeyFixture;
import com.aurouslabs.toolkit.mock.fixtures.LoraFixture;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.profile.ProfileDifference;
import com.aurouslabs.toolkit.mock.profile.ProfileDifferences;
import com.aurouslabs.toolkit.mock.proxy.ProxyBanner;
import com.aurouslabs.toolkit.mock.proxy.ProxySettings;
import com.aurouslabs.toolkit.mock.reading.Catalog;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import com.aurouslabs.toolkit.mock.rules.IpAddressReferenceHostPolicy;
import io.vertx.core.Vertx;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar estimate-mock.jar [options]}: turns arguments into {@link MockOptions} and starts the mock. */
@Command(name = "estimate-mock", mixinStandardHelpOptions = true, version = "estimate-mock 0.1.0",
        description = "Offline mock of the Aurous Labs endpoint POST /v1/images/estimate.",
        sortOptions = false, exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:--help or --version", "1:the machine does not allow it (port in use)",
            "2:a usage or configuration mistake (bad option, missing or invalid file)",
            "130:stopped by Ctrl-C", "143:stopped by SIGTERM"})
public final class Main implements Callable<Integer> {

    @Option(names = "--port", converter = PortConverter.class,
            description = "Port to listen on (0 = random). Default: ${DEFAULT-VALUE}.")
    int port = 4010;

    @Option(names = "--host", description = "Interface to bind. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--fixtures", paramLabel = "FILE",
            description = "Fixtures file (YAML or JSON) replacing the built-in teams, keys, characters, files, LoRAs.")
    Path fixtures;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "OpenAPI document to load instead of the bundled openapi/estimate.yaml.")
    Path spec;

    @Option(names = "--rate-limit", paramLabel = "CAP/REFILL|off", converter = RateLimitConverter.class,
            description = "estimate_post bucket: capacity/refill per minute, or off. Default: 240/120.")
    RateLimitSettings rateLimit = RateLimitSettings.DEFAULT;

    @Option(names = "--latency", paramLabel = "MS[+-JITTER]", converter = LatencyConverter.class,
            description = "Added latency in ms, e.g. 50 or 50+-20. Default: none.")
    LatencySettings latency = LatencySettings.NONE;

    @Option(names = "--cors-origin", description = "Access-Control-Allow-Origin value. Default: ${DEFAULT-VALUE}.")
    String corsOrigin = "*";

    @Option(names = "--warn-only",
            description = "Answer 200 with the estimate and report violations in X-Mock-Validation-Warnings.")
    boolean warnOnly;

    @Option(names = "--profile", paramLabel = "default|alternative", converter = ProfileConverter.class,
            description = "Reading of the docs where they are silent: the catalog's decisions (default) or their "
                    + "documented-compatible alternatives. Default: default.")
    Profile profile = Profile.DEFAULT;

    @Option(names = "--defect", paramLabel = "NAME", converter = DefectConverter.class,
            description = "Test-only: inject one named defect (NONE = none; the names are listed on a bad name).")
    String defect = Defects.NONE;

    @Option(names = "--proxy-to", paramLabel = "URL", converter = ProxyUrlConverter.class,
            description = "Validating proxy: forward every request to this http(s) base URL (e.g. "
                    + "https://api.aurous-labs.com), return its answer unchanged, and report where it parts from the "
                    + "contract (X-Mock-Proxy-Violations, GET /__admin/journal).")
    URI proxyTo;

    @Option(names = "--proxy-timeout", paramLabel = "DURATION", converter = ProxyTimeoutConverter.class,
            description = "With --proxy-to: how long to wait for the upstream's answer (then 504), e.g. 30s or "
                    + "500ms. Default: 30s.")
    Duration proxyTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    private final Supplier<Vertx> vertxSource;
    private MockServer server;

    /** A mock that creates its Vert.x instance when it starts. */
    public Main() {
        this(MockServer::newVertx);
    }

    /** A mock that starts on the Vert.x instance {@code vertxSource} gives (see {@link Warmup}). */
    Main(Supplier<Vertx> vertxSource) {
        this.vertxSource = vertxSource;
    }

    public static void main(String[] args) {
        configureConsoleLogging();
        configureNettyAndVertx();
        Main main = new Main(Warmup.start());
        int code = commandLine(main).execute(args);
        if (code != 0 || main.server == null) {
            System.exit(code);
        }
        // Vert.x threads keep the JVM alive; the shutdown hook stops the server on Ctrl-C / SIGTERM.
    }

    @Override
    public Integer call() {
        MockOptions options = MockOptions.builder().host(host).port(port).fixtures(fixtures).spec(spec)
                .rateLimit(rateLimit).latency(latency).corsOrigin(corsOrigin).warnOnly(warnOnly).profile(profile)
                .defect(defect).proxy(proxySettings()).build();
        server = MockServer.start(options, new IpAddressReferenceHostPolicy(), vertxSource);
        StopOnSignal.install(server);
        printBanner(System.out, server, fixtures == null);
        HeapTrim.scheduleAfterStart();
        return 0;
    }

    /** The command line of the jar: its options, and errors as one line with exit code 2 or 1 ({@link CliErrors}). */
    static CommandLine commandLine(Main main) {
        // Errors go to the process's stderr, not through System.err, which Vert.x's logging set-up swaps for a
        // moment on the Warmup thread while picocli parses.
        return new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true)
                .setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                        Charset.defaultCharset()), true))
                .setParameterExceptionHandler(CliErrors::usage)
                .setExecutionExceptionHandler(CliErrors::execution);
    }

    /** --proxy-to and --proxy-timeout; the mock-only answer changes (--defect, --warn-only) do not combine with it. */
    private ProxySettings proxySettings() {
        if (proxyTo == null) {
            if (proxyTimeout != null) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "--proxy-timeout needs --proxy-to URL");
            }
            return null;
        }
        if (!Defects.NONE.equals(defect) || warnOnly) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--proxy-to returns the upstream's "
                    + "answers: drop --defect and --warn-only");
        }
        return new ProxySettings(proxyTo, proxyTimeout == null ? ProxySettings.DEFAULT_TIMEOUT : proxyTimeout);
    }

    /**
     * Console logging for the runnable jar only: slf4j-simple (an optional dependency, shaded into the jar), set up
     * with system properties before the first logger exists. A {@code -D} given on the command line wins. The
     * library configures nothing, so in-process users keep their own backend and levels.
     */
    static void configureConsoleLogging() {
        String prefix = "org.slf4j.simpleLogger.";
        String[][] defaults = {
                {"defaultLogLevel", "info"}, {"showDateTime", "true"}, {"dateTimeFormat", "HH:mm:ss.SSS"},
                {"showThreadName", "false"}, {"showShortLogName", "true"}, {"levelInBrackets", "false"},
                {"log.io.netty", "warn"}, {"log.io.vertx", "warn"}, {"log.com.networknt", "warn"}};
        for (String[] d : defaults) {
            if (System.getProperty(prefix + d[0]) == null) {
                System.setProperty(prefix + d[0], d[1]);
            }
        }
    }

    /**
     * Settings Netty and Vert.x read once, when their classes load, so they are set before anything loads them (the
     * runnable jar only; in-process users keep theirs; a {@code -D} on the command line wins): the JDK resolver
     * instead of Netty's DNS client (the mock resolves at most its --host, once), no classpath file cache (it serves
     * no files). (Vert.x itself turns Netty's leak detection off.)
     */
    static void configureNettyAndVertx() {
        String[][] defaults = {{"vertx.disableDnsResolver", "true"}, {"vertx.disableFileCPResolving", "true"},
                {"vertx.disableFileCaching", "true"}};
        for (String[] d : defaults) {
            if (System.getProperty(d[0]) == null) {
                System.setProperty(d[0], d[1]);
            }
        }
    }

    static void printBanner(PrintStream out, MockServer server, boolean builtInFixtures) {
        MockOptions o = server.options();
        if (o.proxy() != null) {
            ProxyBanner.print(out, server.baseUrl(), o.proxy());
            return;
        }
        out.println("Aurous estimate mock");
        out.println("  URL         " + server.baseUrl() + "/v1/images/estimate");
        out.println("  spec        " + server.spec().source() + " (versions " + server.spec().releasedVersions() + ")");
        out.println("  fixtures    " + (builtInFixtures ? "built-in" : o.fixtures().toString()));
        out.println("  rate limit  " + o.rateLimit());
        out.println("  latency     " + o.latency());
        out.println("  CORS origin " + o.corsOrigin());
        if (o.warnOnly()) {
            out.println("  mode        warn-only (200 + X-Mock-Validation-Warnings)");
        }
        List<ProfileDifference> differences = ProfileDifferences.of(Catalog.get(), false);
        if (o.profile() == Profile.ALTERNATIVE) {
            out.println("  profile     alternative: " + differences.size()
                    + " choices differ from the default (rule: default -> alternative)");
            for (ProfileDifference d : differences) {
                out.println("    " + d.ruleId() + ": " + d.decision() + " -> " + d.alternative());
            }
        } else {
            out.println("  profile     default (" + differences.size()
                    + " choices differ under --profile alternative; GET /__admin/profile lists them)");
        }
        Defects.find(o.defect()).ifPresent(d -> out.println("  DEFECT      " + d.name() + " (test-only; breaks "
                + d.ruleId() + ": " + d.description() + ")"));
        out.println("  admin       GET /__admin/journal, POST /__admin/reset, GET /__admin/fixtures, "
                + "GET /__admin/profile, PUT /__admin/defect");
        out.println("  keys to use (X-Api-Key or Authorization: Bearer):");
        Fixtures fixtures = server.fixtures();
        for (TeamFixture team : fixtures.teams()) {
            for (KeyFixture key : team.keys()) {
                // Built-in keys are visibly fake and printed in full so they can be copied; keys from a
                // fixtures file are masked.
                String shown = builtInFixtures ? key.key() : ApiKeyMasker.mask(key.key());
                out.println("    " + team.id() + "  " + shown + (key.revoked() ? "  (revoked)" : ""));
            }
        }
        for (TeamFixture team : fixtures.teams()) {
            List<String> characters = new ArrayList<>();
            for (CharacterFixture c : team.characters()) {
                characters.add(c.id() + " " + c.status());
            }
            List<String> files = new ArrayList<>();
            for (FileFixture f : team.files()) {
                files.add(f.id() + " " + f.status());
            }
            out.println("  " + team.id() + " characters: " + (characters.isEmpty() ? "none" : String.join(", ", characters)));
            out.println("  " + team.id() + " files:      " + (files.isEmpty() ? "none" : String.join(", ", files)));
        }
        out.println("  LoRAs (id, slug, visibility, state, references):");
        for (LoraFixture lora : fixtures.loras()) {
            out.println("    " + lora.id() + "  " + lora.slug() + "  "
                    + (lora.ownerTeam() == null ? "public" : "private to " + lora.ownerTeam()) + "  "
                    + (lora.active() ? "active" : "inactive") + "  "
                    + (lora.supportsReferences() ? "references ok" : "no references"));
        }
        out.println("  curl -s " + server.baseUrl() + "/v1/images/estimate -H 'Content-Type: application/json' "
                + "-H 'X-Api-Key: <key>' -d '{\"prompt\":\"a red fox\"}'");
        out.flush();
    }

    /** picocli converter for --port: 0 to 65535. */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a port; use 1 to 65535, "
                        + "or 0 for any free port");
            }
            return port;
        }
    }

    /** picocli converter for --rate-limit. */
    static final class RateLimitConverter implements CommandLine.ITypeConverter<RateLimitSettings> {
        @Override
        public RateLimitSettings convert(String value) {
            try {
                return RateLimitSettings.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for --profile. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for --defect: the canonical name, or one error listing every name. */
    static final class DefectConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Defects.canonical(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for --proxy-to (the message never repeats the value: a URL may carry a secret). */
    static final class ProxyUrlConverter implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return ProxySettings.parseUrl(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for --proxy-timeout. */
    static final class ProxyTimeoutConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration timeout = ProxySettings.parseTimeout(value);
                new ProxySettings(URI.create("http://127.0.0.1"), timeout);
                return timeout;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** picocli converter for --latency. */
    static final class LatencyConverter implements CommandLine.ITypeConverter<LatencySettings> {
        @Override
        public LatencySettings convert(String value) {
            try {
                return LatencySettings.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
