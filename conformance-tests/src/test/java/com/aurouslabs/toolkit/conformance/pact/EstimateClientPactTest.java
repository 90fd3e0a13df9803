package com.aurouslabs.toolkit.conformance.pact;

import static com.aurouslabs.toolkit.conformance.pact.PactNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.aurouslabs.toolkit.client.AuthenticationException;
import com.aurouslabs.toolkit.client.AurousClient;
import com.aurouslabs.toolkit.client.AurousClientOptions;
import com.aurouslabs.toolkit.client.InvalidRequestException;
import com.aurouslabs.toolkit.client.NotFoundException;
import com.aurouslabs.toolkit.client.RateLimitException;
import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.aurouslabs.toolkit.client.generated.model.SizePreset;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side: the SDK facade ({@code AurousClient}) against Pact's mock provider, one interaction per
 * documented outcome class. Writes a V4 pact to target/pacts; EstimateApiPactVerificationTest replays it against
 * the mock (and a URL) and PactSpecDriftTest validates every interaction against the OpenAPI document.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class EstimateClientPactTest {

  private static final String PATH = "/v1/images/estimate";
  private static final String PROMPT = "A golden sunset over mountains";

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }

  /**
   * The answer every interaction expects: JSON with the documented headers (REQUEST-ID, VERSION-ECHO,
   * RATE-LIMIT-HEADERS; Remaining is 0 on a 429).
   */
  private static PactDslResponse answer(PactDslRequestWithPath request, int status) {
    return request.willRespondWith().status(status).headers(json())
        .matchHeader("Aurous-Request-Id", REQUEST_ID, "req_01HXMQ7Z3K8Y2NABCDEFGHJKMN")
        .matchHeader("Aurous-Version", "^\\d{4}-\\d{2}-\\d{2}$", "2026-05-15")
        .matchHeader("X-RateLimit-Limit", "^\\d+$", "240")
        .matchHeader("X-RateLimit-Remaining", status == 429 ? "^0$" : "^\\d+$", status == 429 ? "0" : "239")
        .matchHeader("X-RateLimit-Reset", "^\\d+$", "1795522432");
  }

  private static final RuleCatalog CATALOG = RuleCatalog.classpath();

  /**
   * The error envelope of a rule's answer, pinning only what the vendor documents (the catalog's
   * {@code outcome.documented}): a documented type or code exactly, an undocumented one by its form; an undocumented
   * param is left out of the contract (a consumer must not rely on it), and the doc_url by its form (the vendor's
   * pages disagree on it). So a provider that made another documented-compatible choice still verifies.
   */
  private static DslPart error(String ruleId) {
    Rule rule = CATALOG.rule(ruleId);
    PactDslJsonBody e = new PactDslJsonBody().object("error");
    if (rule.documents("type")) {
      e.stringValue("type", rule.type());
    } else {
      e.stringMatcher("type", "invalid_request|authentication|not_found|rate_limit|server_error", rule.type());
    }
    if (rule.documents("code")) {
      e.stringValue("code", rule.code());
    } else {
      e.stringMatcher("code", "[a-z][a-z0-9_]*", rule.code());
    }
    e.stringType("message", "explanation")
        .stringMatcher("doc_url", "https://docs\\.aurous-labs\\.com/errors\\S*", CATALOG.docUrlBase() + rule.code())
        .stringMatcher("request_id", REQUEST_ID, "req_01HXMQ7Z3K8Y2NABCDEFGHJKMN");
    if (rule.documents("param")) {
      if (rule.param() == null) {
        e.nullValue("param");
      } else {
        e.stringValue("param", rule.param());
      }
    }
    return e.closeObject();
  }

  private AurousClient client(MockServer server, String key) {
    return new AurousClient(AurousClientOptions.builder().apiKey(key).baseUrl(server.getUrl()).maxRetries(0).build());
  }

  @Pact(consumer = CONSUMER)
  V4Pact estimateSucceeds(PactDslWithProvider builder) {
    return answer(builder.given(STATE_RATE_CARD)
            .uponReceiving("PRICE-SHAPE: a preset-size estimate")
            .path(PATH).method("POST")
            .headerFromProviderState("X-Api-Key", "${apiKey}", EXAMPLE_KEY)
            .headers(json())
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT).stringValue("size", "2k_1_1")), 200)
        .body(new PactDslJsonBody().stringValue("object", "estimate").stringValue("currency", "credit")
            .object("estimated_cost").numberType("amount", 1).object("breakdown").numberType("base", 1)
            .closeObject().closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "estimateSucceeds")
  void a_valid_request_gets_an_estimate(MockServer server) {
    try (AurousClient c = client(server, EXAMPLE_KEY)) {
      Estimate e = c.estimate(new EstimateRequest().prompt(PROMPT).size(SizePreset._2k_1_1));
      assertThat(e.getEstimatedCost().getAmount()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact loneWidthIsRejected(PactDslWithProvider builder) {
    return answer(builder.given(STATE_RATE_CARD)
            .uponReceiving("DIM-PAIR: a width without a height")
            .path(PATH).method("POST")
            .headerFromProviderState("X-Api-Key", "${apiKey}", EXAMPLE_KEY)
            .headers(json())
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT).integerType("width", 2048)), 400)
        .body(error("DIM-PAIR"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "loneWidthIsRejected")
  void a_lone_width_is_a_validation_error(MockServer server) {
    try (AurousClient c = client(server, EXAMPLE_KEY)) {
      InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
          () -> c.estimate(new EstimateRequest().prompt(PROMPT).width(2048)));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.code()).contains("missing_field");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownKeyIsRejected(PactDslWithProvider builder) {
    return answer(builder.given(STATE_RATE_CARD)
            .uponReceiving("AUTH-INVALID-KEY: an unknown API key")
            .path(PATH).method("POST")
            .headers(Map.of("Content-Type", "application/json", "X-Api-Key", Auth.UNKNOWN_KEY_VALUE))
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT)), 401)
        .body(error("AUTH-INVALID-KEY"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownKeyIsRejected")
  void an_unknown_key_is_an_authentication_error(MockServer server) {
    try (AurousClient c = client(server, Auth.UNKNOWN_KEY_VALUE)) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> c.estimate(new EstimateRequest().prompt(PROMPT)));
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.code()).contains("invalid_api_key");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownCharacterIsNotFound(PactDslWithProvider builder) {
    return answer(builder.given(STATE_UNKNOWN_CHARACTER)
            .uponReceiving("CHAR-NOT-FOUND: an unknown character id")
            .path(PATH).method("POST")
            .headerFromProviderState("X-Api-Key", "${apiKey}", EXAMPLE_KEY)
            .headers(json())
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT).stringValue("character_id", UNKNOWN_CHARACTER)), 404)
        .body(error("CHAR-NOT-FOUND"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownCharacterIsNotFound")
  void an_unknown_character_is_not_found(MockServer server) {
    try (AurousClient c = client(server, EXAMPLE_KEY)) {
      NotFoundException e = catchThrowableOfType(NotFoundException.class,
          () -> c.estimate(new EstimateRequest().prompt(PROMPT).characterId(UNKNOWN_CHARACTER)));
      assertThat(e.statusCode()).isEqualTo(404);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact notReadyCharacterIsRejected(PactDslWithProvider builder) {
    return answer(builder.given(STATE_NOT_READY)
            .uponReceiving("CHAR-NOT-READY: a character that is still synthesizing")
            .path(PATH).method("POST")
            .headerFromProviderState("X-Api-Key", "${apiKey}", EXAMPLE_KEY)
            .headers(json())
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT)
                .valueFromProviderState("character_id", "${notReadyCharacterId}", EXAMPLE_NOT_READY)), 400)
        .body(error("CHAR-NOT-READY"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "notReadyCharacterIsRejected")
  void a_character_that_is_not_ready_is_rejected(MockServer server) {
    try (AurousClient c = client(server, EXAMPLE_KEY)) {
      InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
          () -> c.estimate(new EstimateRequest().prompt(PROMPT).characterId(EXAMPLE_NOT_READY)));
      assertThat(e.code()).contains("character_not_ready");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact emptyBucketIsRateLimited(PactDslWithProvider builder) {
    return answer(builder.given(STATE_BUCKET_EMPTY)
            .uponReceiving("RATE-LIMIT-BUCKET: an estimate while the bucket is empty")
            .path(PATH).method("POST")
            .headerFromProviderState("X-Api-Key", "${apiKey}", EXAMPLE_KEY)
            .headers(json())
            .body(new PactDslJsonBody().stringValue("prompt", PROMPT)), 429)
        .matchHeader("Retry-After", "^\\d+$", "1")
        .body(error("RATE-LIMIT-BUCKET"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "emptyBucketIsRateLimited")
  void an_empty_bucket_is_a_rate_limit_error(MockServer server) {
    try (AurousClient c = client(server, EXAMPLE_KEY)) {
      RateLimitException e = catchThrowableOfType(RateLimitException.class,
          () -> c.estimate(new EstimateRequest().prompt(PROMPT)));
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.retryAfter()).isPresent();
    }
  }
}
