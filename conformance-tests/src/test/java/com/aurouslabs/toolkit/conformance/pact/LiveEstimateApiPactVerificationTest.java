package com.aurouslabs.toolkit.conformance.pact;

import static com.aurouslabs.toolkit.conformance.pact.PactNames.*;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same pacts against AUROUS_BASE_URL (enabled only when it is set, and not in budget mode). The empty-bucket interaction is filtered
 * out (draining a live bucket would cost 240 requests); states use the configured key and fixtures.
 */
@Provider(PROVIDER)
@PactFolder("target/pacts")
@PactFilter({"^(?!the team's estimate_post bucket is empty).*$"})
@EnabledIf("configured")
class LiveEstimateApiPactVerificationTest {

  private static final Settings SETTINGS = Settings.fromSystem();

  static boolean configured() {
    // budget mode sends only its plan to the target (<= 240 requests in all)
    return SETTINGS.get(Setting.BASE_URL).isPresent() && SETTINGS.get(Setting.API_KEY).isPresent()
        && !SETTINGS.flag(Setting.BUDGET_MODE);
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    skipReason = null;
    URI u = URI.create(SETTINGS.get(Setting.BASE_URL).orElseThrow());
    int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    String path = u.getPath() == null ? "" : u.getPath();
    context.setTarget("https".equals(u.getScheme()) ? new HttpsTestTarget(u.getHost(), port, path)
        : new HttpTestTarget(u.getHost(), port, path));
  }

  /** Set by a state whose fixture is not configured: the interaction is SKIPPED naming the variable. */
  private String skipReason;

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void replay(PactVerificationContext context) {
    // one request per verified interaction (the verifier does not retry other statuses than 429)
    PactResults.verify(context, SETTINGS.get(Setting.BASE_URL).orElseThrow(), skipReason,
        () -> skipReason == null ? 1 : 0);
  }

  private static String key() {
    return SETTINGS.get(Setting.API_KEY).orElseThrow();
  }

  @State(STATE_RATE_CARD)
  Map<String, Object> rateCard() {
    return Map.of("apiKey", key());
  }

  @State(STATE_UNKNOWN_CHARACTER)
  Map<String, Object> unknownCharacter() {
    return Map.of("apiKey", key());
  }

  @State(STATE_NOT_READY)
  Map<String, Object> notReady() {
    Fixtures fx = Fixtures.resolve(SETTINGS, false);
    if (!fx.has(Fixture.NOT_READY_CHARACTER)) {
      skipReason = Fixture.NOT_READY_CHARACTER.skipReason();
      return Map.of("apiKey", key(), "notReadyCharacterId", "unset");
    }
    return Map.of("apiKey", key(), "notReadyCharacterId", fx.require(Fixture.NOT_READY_CHARACTER));
  }
}
