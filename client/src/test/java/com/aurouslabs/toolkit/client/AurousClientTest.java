package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.REQUEST_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.aurouslabs.toolkit.client.generated.model.SizePreset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AurousClientTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  @Test
  void success_decodes_the_estimate_and_exposes_status_headers_request_id_version_and_rate_limits() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      RawResponse<Estimate> response =
          client.estimateWithResponse(new EstimateRequest().prompt("A golden sunset").enhancePrompt(true));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body().getObject()).isEqualTo(Estimate.ObjectEnum.ESTIMATE);
      assertThat(response.body().getCurrency()).isEqualTo(Estimate.CurrencyEnum.CREDIT);
      assertThat(response.body().getEstimatedCost().getAmount()).isEqualByComparingTo(BigDecimal.valueOf(2));
      assertThat(response.body().getEstimatedCost().getBreakdown().getEnhance())
          .isEqualByComparingTo(BigDecimal.ONE);
      assertThat(response.requestId()).contains(REQUEST_ID);
      assertThat(response.apiVersion()).contains("2026-05-15");
      assertThat(response.header("x-ratelimit-limit")).contains("240");
      assertThat(response.rateLimit().limit()).hasValue(240);
      assertThat(response.rateLimit().remaining()).hasValue(239);
      assertThat(response.rateLimit().resetEpochSeconds()).hasValue(1714752900L);
      assertThat(response.headers()).containsKey("AUROUS-REQUEST-ID");
      assertThat(sleeper.sleeps).isEmpty();

      Estimate plain = client.estimate(new EstimateRequest().prompt("A golden sunset"));
      assertThat(plain.getEstimatedCost().getBreakdown().getBase()).isEqualByComparingTo(BigDecimal.ONE);
    }
  }

  @Test
  void request_body_has_no_null_fields_and_carries_the_api_key_and_version_pin() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client =
        new AurousClient(Fixtures.options(wm, sleeper).apiVersion("2026-05-15").build())) {
      client.estimate(new EstimateRequest().prompt("A golden sunset").size(SizePreset._2k_1_1).count(2));
    }

    wm.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("X-Api-Key", equalTo(API_KEY))
        .withHeader("Aurous-Version", equalTo("2026-05-15"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"prompt\":\"A golden sunset\",\"size\":\"2k_1_1\",\"count\":2}")));
    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    JsonNode body = new ObjectMapper().readTree(sent.getBodyAsString());
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("prompt", "size", "count");
    assertThat(sent.getBodyAsString()).doesNotContain("null").doesNotContain("[]");
  }

  @Test
  void without_a_version_pin_no_aurous_version_header_is_sent() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      client.estimate(new EstimateRequest().prompt("A golden sunset"));
    }

    wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Aurous-Version", absent()));
  }

  @Test
  void reference_lists_are_sent_when_set_and_left_out_when_not() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      client.estimate(new EstimateRequest().prompt("p")
          .referenceImageUrls(List.of("https://example.com/ref2.jpg")));
    }

    wm.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(
        equalToJson("{\"prompt\":\"p\",\"reference_image_urls\":[\"https://example.com/ref2.jpg\"]}")));
  }

  @Test
  void a_closed_client_refuses_calls() {
    AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build());
    client.close();
    client.close();

    assertThatThrownBy(() -> client.estimate(new EstimateRequest().prompt("p")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      names.add(field.getKey());
    }
    return names;
  }
}
