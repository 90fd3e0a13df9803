package com.aurouslabs.toolkit.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pom's pact-publish profile (pact-jvm's Maven plugin, goal publish) against a stubbed Pact Broker on
 * 127.0.0.1: a nested Maven (maven-invoker) runs this module with PACT_BROKER_BASE_URL set, as a CI job would, and
 * the stub records what the broker received. Failsafe: the consumer tests have written target/pacts.
 */
class PactBrokerPublishTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODULE = Path.of(System.getProperty("aurous.module.dir", "."));
  private static final String PROJECT_VERSION = System.getProperty("aurous.project.version", "0.1.0-SNAPSHOT");
  private static final String PLUGIN = "au.com.dius.pact.provider:maven:"
      + System.getProperty("aurous.pact.maven.plugin.version", "4.6.20") + ":publish@publish-pacts";
  private static final Path PACT = Path.of(System.getProperty("pact.rootDir", "target/pacts"))
      .resolve(BundledPacts.CONSUMER + "-" + BundledPacts.PROVIDER + ".json");
  private static final String TOKEN = "pb_test_token_" + "t".repeat(24);
  private static final String PASSWORD = "pb-test-password-" + "p".repeat(16);

  record Received(String method, String path, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer broker;

  /**
   * A broker stub: 401 with a basic challenge without credentials; with them, the HAL index (with or without the
   * pb:publish-contracts link) and 200 to every PUT and POST.
   */
  private String startBroker(boolean publishContracts) throws IOException {
    broker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + broker.getAddress().getPort();
    broker.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null) {
        // as a broker with authentication does: httpclient5 sends basic credentials after the challenge
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"pact-broker\"");
        ex.sendResponseHeaders(401, -1);
        ex.close();
        return;
      }
      received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), auth, body));
      if ("GET".equals(ex.getRequestMethod()) && "/".equals(ex.getRequestURI().getPath())) {
        Map<String, Object> links = new java.util.LinkedHashMap<>();
        links.put("pb:publish-pact", Map.of("href",
            base + "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "templated", true));
        links.put("pb:pacticipant-version-tag", Map.of("href",
            base + "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", "templated", true));
        if (publishContracts) {
          links.put("pb:publish-contracts", Map.of("href", base + "/contracts/publish"));
        }
        reply(ex, Map.of("_links", links));
      } else {
        reply(ex, Map.of());
      }
    });
    broker.start();
    return base;
  }

  private static void reply(HttpExchange ex, Object body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/hal+json");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.stop(0);
    }
  }

  /** Runs the publish goal of the profile in a nested Maven; returns its output (asserted to exit 0). */
  private static String publish(Map<String, String> env) throws Exception {
    boolean offline = "offline=true".equals(System.getProperty("aurous.maven.offline"));
    File repo = new File(System.getProperty("aurous.local.repo", System.getProperty("user.home") + "/.m2/repository"));
    String plugin = System.getProperty("aurous.pact.maven.plugin.version", "4.6.20");
    // the profile's plugins are fetched only when it runs: an offline build that never ran it has none of them
    File pluginJar = new File(repo, "au/com/dius/pact/provider/maven/" + plugin + "/maven-" + plugin + ".jar");
    Assumptions.assumeFalse(offline && !pluginJar.isFile(),
        "offline (-o) and the pact Maven plugin " + plugin + " is not in " + repo + ": run this module once without -o");
    StringBuilder out = new StringBuilder();
    InvocationRequest req = new DefaultInvocationRequest();
    req.setPomFile(MODULE.resolve("pom.xml").toFile());
    req.setBaseDirectory(MODULE.toFile());
    req.addArgs(List.of("initialize", PLUGIN));
    req.setBatchMode(true);
    req.setOffline(offline);
    req.setLocalRepositoryDirectory(repo);
    req.setJavaHome(new File(System.getProperty("java.home")));
    req.setTimeoutInSeconds(300);
    // only what a CI job would have: no PACT_* variables of the outer build leak in
    req.setShellEnvironmentInherited(false);
    for (String v : List.of("PATH", "HOME", "JAVA_HOME")) {
      if (System.getenv(v) != null) {
        req.addShellEnvironment(v, System.getenv(v));
      }
    }
    env.forEach(req::addShellEnvironment);
    if (!insideGitCheckout()) {
      // a source tree without .git: the documented override
      req.setProperties(props("pact.consumer.version", PROJECT_VERSION + "+nogit", "maven.gitcommitid.skip", "true"));
    }
    req.setOutputHandler(line -> out.append(line).append('\n'));
    req.setErrorHandler(line -> out.append(line).append('\n'));
    DefaultInvoker invoker = new DefaultInvoker();
    invoker.setMavenHome(new File(System.getProperty("maven.home")));
    InvocationResult result = invoker.execute(req);
    assertThat(result.getExitCode()).as("nested Maven publish exit code; output:%n%s", out).isZero();
    return out.toString();
  }

  private static java.util.Properties props(String... kv) {
    java.util.Properties p = new java.util.Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static boolean insideGitCheckout() {
    for (Path p = MODULE.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }

  private static String versionPattern() {
    return java.util.regex.Pattern.quote(PROJECT_VERSION) + "\\+([0-9a-f]{7}|nogit)";
  }

  @Test
  void the_profile_puts_the_pact_to_the_broker_with_the_token_and_tags_and_never_prints_the_token() throws Exception {
    String base = startBroker(false);

    String output = publish(Map.of("PACT_BROKER_BASE_URL", base, "PACT_BROKER_TOKEN", TOKEN,
        "PACT_BROKER_TAGS", "main,release"));

    Received put = received.stream().filter(r -> r.method().equals("PUT") && r.path().startsWith("/pacts/"))
        .findFirst().orElseThrow(() -> new AssertionError("no PUT of the pact; broker received " + received));
    assertThat(put.path()).matches("/pacts/provider/" + BundledPacts.PROVIDER + "/consumer/" + BundledPacts.CONSUMER
        + "/version/" + versionPattern());
    assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree(PACT.toFile()));
    assertThat(received).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    assertThat(received).extracting(Received::path)
        .anyMatch(p -> p.matches("/pacticipants/" + BundledPacts.CONSUMER + "/versions/" + versionPattern() + "/tags/main"))
        .anyMatch(p -> p.matches("/pacticipants/" + BundledPacts.CONSUMER + "/versions/" + versionPattern() + "/tags/release"));
    assertThat(output).contains("Publishing '" + PACT.getFileName() + "'").doesNotContain(TOKEN);
  }

  @Test
  void a_broker_with_the_contracts_endpoint_gets_the_branch_and_basic_auth_and_the_password_is_never_printed()
      throws Exception {
    String base = startBroker(true);

    String output = publish(Map.of("PACT_BROKER_BASE_URL", base, "PACT_BROKER_USERNAME", "ci-publisher",
        "PACT_BROKER_PASSWORD", PASSWORD, "PACT_BROKER_BRANCH", "feature/pacts"));

    Received post = received.stream().filter(r -> r.method().equals("POST")).findFirst()
        .orElseThrow(() -> new AssertionError("no publish-contracts POST; broker received " + received));
    assertThat(post.path()).isEqualTo("/contracts/publish");
    JsonNode body = JSON.readTree(post.body());
    assertThat(body.path("pacticipantName").asText()).isEqualTo(BundledPacts.CONSUMER);
    assertThat(body.path("pacticipantVersionNumber").asText()).matches(versionPattern());
    assertThat(body.path("branch").asText()).isEqualTo("feature/pacts");
    JsonNode contract = body.path("contracts").path(0);
    assertThat(contract.path("providerName").asText()).isEqualTo(BundledPacts.PROVIDER);
    assertThat(JSON.readTree(Base64.getDecoder().decode(contract.path("content").asText())))
        .isEqualTo(JSON.readTree(PACT.toFile()));
    assertThat(post.authorization()).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString(("ci-publisher:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    assertThat(output).doesNotContain(PASSWORD);
  }
}
