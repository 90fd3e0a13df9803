package com.aurouslabs.toolkit.conformance.pact;

import static com.aurouslabs.toolkit.conformance.pact.PactNames.*;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.config.Target;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Throttle;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider side against the embedded mock (default 240-token bucket, built-in fixtures): each provider state
 * chooses the mock's fixture, or drains the bucket, and returns the values the pact injects (${apiKey}, ...).
 * LiveEstimateApiPactVerificationTest replays the same pacts against AUROUS_BASE_URL.
 */
@Provider(PROVIDER)
@PactFolder("target/pacts")
class EstimateApiPactVerificationTest {

  private static RunningTarget mock;
  private static Fixtures fixtures;

  @BeforeAll
  static void startMock() {
    org.junit.jupiter.api.Assumptions.assumeFalse(Conformance.run().settings().flag(
        com.aurouslabs.toolkit.conformance.config.Setting.BUDGET_MODE), "budget mode: nothing is sent anywhere but "
        + "the target, so the pacts are not replayed against an embedded mock");
    mock = Target.startMock(Conformance.run().settings(), Defects.NONE, 240);
    fixtures = Fixtures.resolve(Settings.of(Map.of()), true);
  }

  @AfterAll
  static void stopMock() {
    if (mock != null) {
      mock.close();
    }
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    mock.reset();
    bucketDrained = false;
    URI u = URI.create(mock.baseUrl());
    context.setTarget(new HttpTestTarget(u.getHost(), u.getPort()));
  }

  /** Set by the empty-bucket state; see {@link #replay}. */
  private boolean bucketDrained;

  /**
   * Pact's provider HTTP client (httpclient5) silently retries a 429 after its Retry-After, by which time the
   * drained bucket has a token again. So after draining for real, the request also carries the mock's
   * {@code X-Mock-Force: 429}, which keeps the retry at 429 too. (RateLimitAcceptanceTest checks the drain.)
   */
  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void replay(PactVerificationContext context, org.apache.hc.core5.http.HttpRequest request) {
    if (bucketDrained) {
      request.addHeader("X-Mock-Force", "429");
    }
    mock.clearRequestCount(); // after the state's set-up: what is journalled now is the replay (incl. client retries)
    PactResults.verify(context, "embedded mock " + mock.baseUrl() + " (Pact provider)", null,
        mock::requestCount);
  }

  @State(STATE_RATE_CARD)
  Map<String, Object> rateCard() {
    return Map.of("apiKey", Fixture.MOCK_API_KEY);
  }

  @State(STATE_UNKNOWN_CHARACTER)
  Map<String, Object> unknownCharacter() {
    return Map.of("apiKey", Fixture.MOCK_API_KEY);
  }

  @State(STATE_NOT_READY)
  Map<String, Object> notReady() {
    return Map.of("apiKey", Fixture.MOCK_API_KEY, "notReadyCharacterId", fixtures.require(Fixture.NOT_READY_CHARACTER));
  }

  @State(STATE_BUCKET_EMPTY)
  Map<String, Object> bucketEmpty() {
    bucketDrained = true;
    Transport t = new Transport(mock.baseUrl(), Fixture.MOCK_API_KEY, fixtures, new Throttle(0), 400);
    for (int i = 0; i < 400; i++) {
      if (t.send(EstimateCase.prompt("drain"), false).status() == 429) {
        break;
      }
    }
    Conformance.run().recorder().requests(Recorder.RATE_LIMIT_DRAIN, t.requestsUsed());
    return Map.of("apiKey", Fixture.MOCK_API_KEY);
  }
}
