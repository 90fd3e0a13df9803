package com.aurouslabs.toolkit.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck.InteractionResult;
import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck.Status;
import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main-scope provider check (the CLI's --pacts) against an in-process mock: the pacts bundled in the packaged
 * artifact and those of a directory verify; a wrong key fails; the key never appears in a result. Runs in failsafe
 * (after the consumer tests wrote the pacts and the jar was packaged).
 */
class PactProviderCheckTest {

  private static final String WRONG_KEY = "al_live_" + "e".repeat(64);
  private static MockServer mock;

  @BeforeAll
  static void startMock() {
    mock = MockServer.start(MockOptions.builder().port(0).build());
  }

  @AfterAll
  static void stopMock() {
    mock.stop();
  }

  private static PactProviderCheck.Builder check(String baseUrl, String key) {
    return PactProviderCheck.builder().baseUrl(baseUrl).apiKey(key);
  }

  private static Map<String, Status> byDescription(List<InteractionResult> results) {
    return results.stream().collect(Collectors.toMap(r -> r.description().split(":")[0], InteractionResult::status));
  }

  @Test
  void the_bundled_pacts_verify_against_the_mock_except_the_empty_bucket_state() {
    List<InteractionResult> results = check(mock.baseUrl(), PactNames.EXAMPLE_KEY)
        .stateValue("notReadyCharacterId", PactNames.EXAMPLE_NOT_READY).build().verifyBundled();

    assertThat(results).allSatisfy(r -> assertThat(r.consumer()).isEqualTo(BundledPacts.CONSUMER));
    assertThat(byDescription(results)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "PRICE-SHAPE", Status.PASSED, "DIM-PAIR", Status.PASSED, "AUTH-INVALID-KEY", Status.PASSED,
        "CHAR-NOT-FOUND", Status.PASSED, "CHAR-NOT-READY", Status.PASSED, "RATE-LIMIT-BUCKET", Status.SKIPPED));
    assertThat(results).filteredOn(r -> r.status() == Status.SKIPPED).singleElement()
        .satisfies(r -> assertThat(r.messages()).singleElement().asString().contains(BundledPacts.STATE_BUCKET_EMPTY));
  }

  @Test
  void the_pacts_of_a_directory_verify_too() {
    List<InteractionResult> results = check(mock.baseUrl() + "/", PactNames.EXAMPLE_KEY)
        .stateValue("notReadyCharacterId", PactNames.EXAMPLE_NOT_READY).build()
        .verifyDirectory(Path.of(System.getProperty("pact.rootDir", "target/pacts")));

    assertThat(results).hasSize(6).noneMatch(r -> r.status() == Status.FAILED);
  }

  @Test
  void an_interaction_whose_state_value_is_not_given_is_skipped_naming_the_value() {
    Map<String, InteractionResult> results = check(mock.baseUrl(), PactNames.EXAMPLE_KEY).build().verifyBundled()
        .stream().collect(Collectors.toMap(r -> r.description().split(":")[0], Function.identity()));

    assertThat(results.get("CHAR-NOT-READY").status()).isEqualTo(Status.SKIPPED);
    assertThat(results.get("CHAR-NOT-READY").messages()).singleElement().asString().contains("notReadyCharacterId");
    assertThat(results.get("PRICE-SHAPE").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void a_key_the_provider_rejects_fails_the_interactions_that_need_a_valid_key_without_showing_it() {
    List<InteractionResult> results = check(mock.baseUrl(), WRONG_KEY)
        .stateValue("notReadyCharacterId", PactNames.EXAMPLE_NOT_READY).build().verifyBundled();

    assertThat(byDescription(results)).containsEntry("PRICE-SHAPE", Status.FAILED)
        .containsEntry("AUTH-INVALID-KEY", Status.PASSED); // that one sends its own unknown key on purpose
    assertThat(results).filteredOn(r -> r.status() == Status.FAILED)
        .allSatisfy(r -> assertThat(r.messages()).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(WRONG_KEY)))
        .anySatisfy(r -> assertThat(String.join(" ", r.messages())).contains("401"));
  }

  @Test
  void a_provider_that_echoes_the_key_fails_with_the_key_redacted() throws Exception {
    HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    echo.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      String key = String.valueOf(ex.getRequestHeaders().getFirst("X-Api-Key"));
      byte[] body = ("{\"object\":\"" + key + "\",\"currency\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.getResponseHeaders().add("X-Echo", key);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    echo.start();
    try {
      PactProviderCheck check = check("http://127.0.0.1:" + echo.getAddress().getPort(), WRONG_KEY).build();
      List<InteractionResult> results = check.verifyBundled();

      String all = results.stream().flatMap(r -> r.messages().stream()).collect(Collectors.joining("\n"));
      assertThat(byDescription(results)).containsEntry("PRICE-SHAPE", Status.FAILED);
      assertThat(all).contains("al_live_****").doesNotContain(WRONG_KEY);
      assertThat(check.toString()).doesNotContain(WRONG_KEY);
    } finally {
      echo.stop(0);
    }
  }

  /** The README's "Pacts" snippet, as written there (a provider team's JUnit test). */
  @Test
  void the_readme_example_verifies_the_bundled_pacts() {
    String providerUrl = mock.baseUrl();
    String apiKey = PactNames.EXAMPLE_KEY; // README: System.getenv("AUROUS_API_KEY")
    // --- README snippet start
    List<PactProviderCheck.InteractionResult> results = PactProviderCheck.builder()
        .baseUrl(providerUrl)                                          // your provider, e.g. a test deployment
        .apiKey(apiKey)                                                // injected as ${apiKey}, never printed
        .stateValue("notReadyCharacterId", "char_01JDSYNTHW8JDG7FJ1BBXDK4A0") // optional: else that one is SKIPPED
        .build()
        .verifyBundled();                                              // or .verifyDirectory(Path.of("pacts"))
    assertThat(results).noneMatch(r -> r.status() == PactProviderCheck.Status.FAILED);
    // --- README snippet end
    assertThat(results).filteredOn(r -> r.status() == Status.PASSED).hasSize(5);
  }

  @Test
  void a_missing_url_or_key_is_one_line_naming_the_fix() {
    assertThatThrownBy(() -> PactProviderCheck.builder().apiKey(PactNames.EXAMPLE_KEY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base URL");
    assertThatThrownBy(() -> check("ftp://example.invalid", PactNames.EXAMPLE_KEY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> PactProviderCheck.builder().baseUrl(mock.baseUrl()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUROUS_API_KEY");
    assertThatThrownBy(() -> check(mock.baseUrl(), PactNames.EXAMPLE_KEY).build()
        .verifyDirectory(Path.of("target/no-such-pacts"))).hasMessageContaining("does not exist");
  }
}
