package com.aurouslabs.toolkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared test data. The key is visibly fake. */
final class Fixtures {

  static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String API_KEY = "al_live_" + SECRET;
  static final String REQUEST_ID = "req_01HXMQ7Z3K8Y2NABCDEFGHJKMN";
  static final String PATH = "/v1/images/estimate";

  static final String ESTIMATE_JSON = "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":2,"
      + "\"breakdown\":{\"base\":1,\"enhance\":1}},\"currency\":\"credit\"}";

  private Fixtures() {}

  /**
   * WireMock bound to loopback only. {@code @WireMockTest} has no bind-address attribute, so the tests
   * register the same JUnit 5 extension programmatically with {@code bindAddress("127.0.0.1")}.
   */
  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        // One acceptor: Jetty's default asks for more than a 2-core machine has and warns about it.
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
        .build();
  }

  static String baseUrl(WireMockExtension wm) {
    return "http://127.0.0.1:" + wm.getPort();
  }

  /** Options pointing at WireMock: recording sleeper, jitter 1.0 (so each backoff equals its ceiling). */
  static AurousClientOptions.Builder options(WireMockExtension wm, RecordingSleeper sleeper) {
    return AurousClientOptions.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl(wm))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper)
        .jitter(() -> 1.0);
  }

  static ResponseDefinitionBuilder ok() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("Aurous-Request-Id", REQUEST_ID)
        .withHeader("Aurous-Version", "2026-05-15")
        .withHeader("X-RateLimit-Limit", "240")
        .withHeader("X-RateLimit-Remaining", "239")
        .withHeader("X-RateLimit-Reset", "1714752900")
        .withBody(ESTIMATE_JSON);
  }

  static ResponseDefinitionBuilder error(int status, String type, String code, String message, String param) {
    String paramJson = param == null ? "null" : "\"" + param + "\"";
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Aurous-Request-Id", REQUEST_ID)
        .withHeader("Aurous-Version", "2026-05-15")
        .withBody("{\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"" + message
            + "\",\"param\":" + paramJson + ",\"doc_url\":\"https://docs.aurous-labs.com/errors#" + code
            + "\",\"request_id\":\"" + REQUEST_ID + "\"}}");
  }

  /** A sleeper that records instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }
}
