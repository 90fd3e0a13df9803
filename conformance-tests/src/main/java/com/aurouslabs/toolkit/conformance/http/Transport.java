package com.aurouslabs.toolkit.conformance.http;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opentest4j.TestAbortedException;

/**
 * Sends cases to the target: throttled (token bucket), within a total request budget, retrying a 429 after its
 * Retry-After (unless the caller wants to see the 429). A refused connection is retried; three connection failures
 * in a row, or three requests in a row without an HTTP answer, make the target unusable ({@link TargetUnusable}),
 * which stops the run. {@link #requestsUsed()} counts the requests that reached the target.
 */
public final class Transport {

  private static final int MAX_429_RETRIES = 3;
  /** Connection attempts per request, and requests in a row without an answer, before the target counts as lost. */
  static final int MAX_CONNECT_ATTEMPTS = 3;
  private static final long MAX_RETRY_AFTER_SECONDS = 60;

  private final String baseUrl;
  private final String apiKey;
  private final Fixtures fixtures;
  private final Throttle throttle;
  private final long budget;
  private final HttpClient http;
  private final AtomicLong used = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();
  private volatile String unusable;
  private volatile java.util.function.LongConsumer onRequest = n -> {};

  public Transport(String baseUrl, String apiKey, Fixtures fixtures, Throttle throttle, long budget) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.fixtures = fixtures;
    this.throttle = throttle;
    this.budget = budget;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKey() {
    return apiKey;
  }

  /** Called with the running count after every request that reached the target (progress for the CLI). */
  public void onRequest(java.util.function.LongConsumer listener) {
    this.onRequest = listener;
  }

  private void counted() {
    onRequest.accept(used.incrementAndGet());
  }

  public long requestsUsed() {
    return used.get();
  }

  public double ratePerSecond() {
    return throttle.ratePerSecond();
  }

  public long budget() {
    return budget;
  }

  public long remaining() {
    return budget - used.get();
  }

  public String curl(EstimateCase c) {
    return Curl.of(c, baseUrl, apiKey);
  }

  /** Sends the case; a 429 is waited out (Retry-After) and retried. */
  public Exchange send(EstimateCase c) {
    return send(c, true);
  }

  public Exchange send(EstimateCase c, boolean retryRateLimited) {
    for (int attempt = 0; ; attempt++) {
      Exchange e = once(c);
      if (e.status() != 429 || !retryRateLimited || attempt >= MAX_429_RETRIES) {
        return e;
      }
      long wait = e.header("Retry-After").map(Transport::seconds).orElse(1L);
      throttle.pause(Math.min(wait, MAX_RETRY_AFTER_SECONDS));
    }
  }

  private static long seconds(String v) {
    try {
      return Math.max(0, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private Exchange once(EstimateCase c) {
    if (unusable != null) {
      throw new TargetUnusable(unusable);
    }
    if (used.get() >= budget) {
      throw new TestAbortedException("request budget of " + budget + " exhausted: raise AUROUS_REQUEST_BUDGET");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + c.path()))
        .timeout(Duration.ofSeconds(30))
        .method(c.method(), HttpRequest.BodyPublishers.ofString(c.bodyText()));
    if (c.contentType() != null) {
      b.header("Content-Type", c.contentType());
    }
    authHeaders(c.auth(), apiKey, fixtures, false).forEach(b::header);
    c.version().ifPresent(v -> b.header("Aurous-Version", v));
    c.extraHeaders().forEach(b::header);
    HttpRequest request = b.build();
    for (int attempt = 1; ; attempt++) {
      throttle.acquire();
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        counted();
        consecutiveFailures.set(0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Exchange(c, baseUrl + c.path(), r.statusCode(), r.headers().map(), r.body(), parse(r.body()), ms);
      } catch (ConnectException | HttpConnectTimeoutException e) {
        // nothing reached the target: not counted; retried, and three in a row end the run
        if (attempt >= MAX_CONNECT_ATTEMPTS) {
          throw lost("Target " + baseUrl + " is unreachable (" + MAX_CONNECT_ATTEMPTS + " connection attempts failed: "
              + e + ")");
        }
        throttle.pause(1);
      } catch (HttpTimeoutException e) {
        counted();
        throw noAnswer("no answer within 30 s from " + baseUrl + " for " + c, e);
      } catch (IOException e) {
        counted();
        throw noAnswer("transport error talking to " + baseUrl + " (connection closed or reset without an "
            + "HTTP answer): " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestAbortedException("interrupted");
      }
    }
  }

  private NoAnswer noAnswer(String message, Throwable cause) {
    if (consecutiveFailures.incrementAndGet() >= MAX_CONNECT_ATTEMPTS) {
      throw lost("Target " + baseUrl + " stopped answering (" + MAX_CONNECT_ATTEMPTS + " requests in a row without "
          + "an HTTP answer; last: " + message + ")");
    }
    return new NoAnswer(message, cause);
  }

  private TargetUnusable lost(String reason) {
    // The reason only: the run that catches it says which setting to change, in the caller's words (SuiteRun).
    unusable = reason;
    return new TargetUnusable(unusable);
  }

  /** The target cannot be used any more (unreachable, or no answer three times in a row): the run stops. */
  public static final class TargetUnusable extends TestAbortedException {
    TargetUnusable(String message) {
      super(message);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return EstimateCase.JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** The target accepted the connection but gave no HTTP answer (timeout, reset, closed): NO-SERVER-ERROR. */
  public static final class NoAnswer extends AssertionError {
    NoAnswer(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The credential headers of an auth mode. {@code masked} prints keys as {@code al_live_****}. Fixture keys that
   * are not configured abort the case (reported SKIPPED with the variable to set).
   */
  public static Map<String, String> authHeaders(Auth auth, String apiKey, Fixtures fixtures, boolean masked) {
    Map<String, String> h = new LinkedHashMap<>();
    java.util.function.UnaryOperator<String> m = k -> masked ? Auth.mask(k) : k;
    switch (auth) {
      case API_KEY -> h.put("X-Api-Key", m.apply(apiKey));
      case BEARER -> h.put("Authorization", "Bearer " + m.apply(apiKey));
      case NONE -> { }
      case UNKNOWN_KEY -> h.put("X-Api-Key", Auth.UNKNOWN_KEY_VALUE);
      case MALFORMED_KEY -> h.put("X-Api-Key", Auth.MALFORMED_KEY_VALUE);
      case REVOKED_KEY -> h.put("X-Api-Key", masked ? "al_live_****" : fixtures.require(Fixture.REVOKED_KEY));
      case LEGACY_KEY -> h.put("X-Api-Key", masked ? "og_****" : fixtures.require(Fixture.LEGACY_KEY));
      case KEY_WINS_OVER_BAD_BEARER -> {
        h.put("X-Api-Key", m.apply(apiKey));
        h.put("Authorization", "Bearer " + Auth.UNKNOWN_KEY_VALUE);
      }
      case BAD_KEY_WINS_OVER_BEARER -> {
        h.put("X-Api-Key", Auth.UNKNOWN_KEY_VALUE);
        h.put("Authorization", "Bearer " + m.apply(apiKey));
      }
      case BLANK_KEY -> h.put("X-Api-Key", "");
      case OTHER_SCHEME -> h.put("Authorization", "Token " + m.apply(apiKey));
      case BLANK_KEY_WITH_BEARER -> {
        h.put("X-Api-Key", "");
        h.put("Authorization", "Bearer " + m.apply(apiKey));
      }
      default -> throw new IllegalStateException(auth.name());
    }
    return h;
  }
}
