package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.support.Keys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as the README runs it ({@code java -jar mock-server/target/estimate-mock.jar}), as a separate
 * process (failsafe, after {@code package} built the jar): a rebuild that replaces the jar under a running mock is
 * harmless, SIGTERM ends it within 2 s even when the jar was rewritten in place, and a start-up mistake is one line
 * on stderr with its exit code.
 */
class RunnableJarIT {

    private static final Path BUILT_JAR = Path.of(System.getProperty("estimate.mock.jar",
            "target/estimate-mock.jar"));
    private static final Path REPLACE_STEP = Path.of(System.getProperty("estimate.mock.replace",
            "src/build/ReplaceAtomically.java"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern URL_LINE = Pattern.compile("URL\\s+(http://\\S+)/v1/images/estimate");
    private static final String BODY = "{\"prompt\":\"A golden sunset over mountains\",\"width\":2048,\"height\":2048}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Mock mock;

    @AfterEach
    void killLeftover() {
        if (mock != null && mock.process.isAlive()) {
            mock.process.destroyForcibly();
        }
    }

    @Test
    void a_rebuild_replaces_the_jar_without_disturbing_the_running_mock_and_sigterm_ends_it_within_2_s()
            throws Exception {
        Path jar = Files.copy(BUILT_JAR, dir.resolve("estimate-mock.jar"));
        mock = Mock.start(jar);
        assertThat(estimate(mock.baseUrl).statusCode()).isEqualTo(200);

        // The build's own step, with a jar whose bytes differ (a rebuild): copy next to it, rename over it.
        Path rebuilt = rebuiltCopy(BUILT_JAR);
        Process replace = new ProcessBuilder(JAVA.toString(), REPLACE_STEP.toString(), rebuilt.toString(),
                jar.toString()).redirectErrorStream(true).start();
        assertThat(replace.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(replace.exitValue()).as(new String(replace.getInputStream().readAllBytes())).isZero();
        assertThat(Files.mismatch(jar, rebuilt)).as("the path now holds the rebuilt jar").isEqualTo(-1);

        // Paths the mock had not served yet load their classes from its own (replaced) jar file.
        assertThat(get(mock.baseUrl + "/__admin/profile").statusCode()).isEqualTo(200);
        assertThat(get(mock.baseUrl + "/nowhere").statusCode()).isEqualTo(404);
        assertThat(estimate(mock.baseUrl).statusCode()).isEqualTo(200);

        assertSigtermEndsItWithin2Seconds(mock);
        assertThat(mock.stderr()).doesNotContain("Exception", "Error", "\tat ");
    }

    @Test
    void sigterm_ends_the_mock_within_2_s_even_when_its_jar_was_rewritten_in_place() throws Exception {
        Path jar = Files.copy(BUILT_JAR, dir.resolve("estimate-mock.jar"));
        mock = Mock.start(jar);
        assertThat(estimate(mock.baseUrl).statusCode()).isEqualTo(200);

        // What the build used to do (shade's outputFile): truncate the open jar and write other bytes into it.
        byte[] other = Files.readAllBytes(rebuiltCopy(BUILT_JAR));
        try (OutputStream out = Files.newOutputStream(jar, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(other, 0, other.length / 2);
        }

        assertSigtermEndsItWithin2Seconds(mock);
    }

    @Test
    void port_in_use_is_one_line_on_stderr_exit_1_and_nothing_on_stdout() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process process = new ProcessBuilder(JAVA.toString(), "-jar", BUILT_JAR.toString(), "--port",
                    Integer.toString(taken.getLocalPort())).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(err).isEqualTo(1);
            assertThat(err.lines().toList()).as(err).containsExactly("estimate-mock: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use (another mock or program listens there); stop it, or start "
                    + "with --port " + (taken.getLocalPort() + 1) + " or --port 0 (any free port)");
            assertThat(process.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void missing_fixtures_file_is_one_line_on_stderr_and_exit_2() throws Exception {
        Process process = new ProcessBuilder(JAVA.toString(), "-jar", BUILT_JAR.toString(), "--port", "0",
                "--fixtures", dir.resolve("missing.yaml").toString()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).contains("fixtures file " + dir.resolve("missing.yaml") + " does not exist");
    }

    private static void assertSigtermEndsItWithin2Seconds(Mock mock) throws InterruptedException {
        long start = System.nanoTime();
        mock.process.destroy(); // SIGTERM
        boolean ended = mock.process.waitFor(2, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(ended).as("ended within 2 s of SIGTERM (stderr: %s)", mock.stderr()).isTrue();
        assertThat(mock.process.exitValue()).as("exit after %d ms", millis).isEqualTo(143);
    }

    /** The built jar with one more entry: a jar with other bytes, as a rebuild after a change gives. */
    private Path rebuiltCopy(Path jar) throws IOException {
        Path out = dir.resolve("rebuilt.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("rebuilt.txt"));
            zip.write("rebuilt".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out;
    }

    private HttpResponse<String> estimate(String baseUrl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/images/estimate"))
                .header("Content-Type", "application/json").header("X-Api-Key", Keys.ALPHA)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code java -jar JAR --port 0}, its URL read from the banner, stderr collected. */
    private static final class Mock {
        final Process process;
        final List<String> errLines = new CopyOnWriteArrayList<>();
        String baseUrl;

        private Mock(Process process) {
            this.process = process;
        }

        static Mock start(Path jar) throws IOException {
            Mock mock = new Mock(new ProcessBuilder(JAVA.toString(), "-jar", jar.toString(), "--port", "0").start());
            drain(mock.process.getErrorStream(), mock.errLines);
            BufferedReader out = new BufferedReader(new InputStreamReader(mock.process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && mock.baseUrl == null; line = out.readLine()) {
                Matcher m = URL_LINE.matcher(line);
                if (m.find()) {
                    mock.baseUrl = m.group(1);
                }
            }
            assertThat(mock.baseUrl).as("banner URL (stderr: %s)", mock.errLines).isNotNull();
            drain(out, new CopyOnWriteArrayList<>());
            return mock;
        }

        String stderr() {
            return String.join("\n", errLines);
        }

        private static void drain(InputStream in, List<String> into) {
            drain(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), into);
        }

        private static void drain(BufferedReader reader, List<String> into) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = reader) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        into.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "drain");
            t.setDaemon(true);
            t.start();
        }
    }
}
