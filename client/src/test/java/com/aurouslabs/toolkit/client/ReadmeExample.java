package com.aurouslabs.toolkit.client;

import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.aurouslabs.toolkit.client.generated.model.SizePreset;
import java.time.Duration;

/**
 * The usage snippet of client/README.md. {@link ReadmeExampleTest} runs it against WireMock and checks that
 * the README still contains the text between the markers, so the README cannot drift from compiling code.
 */
final class ReadmeExample {

  private ReadmeExample() {}

  static String run(String apiKey, String baseUrl) {
    StringBuilder out = new StringBuilder();
    // README-BEGIN
    AurousClientOptions options = AurousClientOptions.builder()
        .apiKey(apiKey)                       // required; or AurousClientOptions.fromEnv()
        .baseUrl(baseUrl)                     // default https://api.aurous-labs.com
        .apiVersion("2026-05-15")             // optional Aurous-Version pin
        .readTimeout(Duration.ofSeconds(20))  // default 30 s
        .maxRetries(3)                        // default 2
        .build();

    try (AurousClient client = new AurousClient(options)) {
      EstimateRequest request = new EstimateRequest()
          .prompt("A golden sunset over mountains, cinematic lighting")
          .size(SizePreset._2K_1_1)
          .enhancePrompt(true);

      // Just the body:
      Estimate estimate = client.estimate(request);
      out.append("cost=").append(estimate.getEstimatedCost().getAmount());

      // Body plus status, headers, request id, resolved version and rate-limit state:
      RawResponse<Estimate> response = client.estimateWithResponse(request);
      out.append(" request=").append(response.requestId().orElse("?"))
          .append(" version=").append(response.apiVersion().orElse("?"))
          .append(" remaining=").append(response.rateLimit().remaining().orElse(-1));
    } catch (InvalidRequestException e) {        // 400/402/409/413/422: fix the input
      out.append("invalid ").append(e.param().orElse("?")).append(": ").append(e.code().orElse("?"));
    } catch (RateLimitException e) {             // 429 after the retries ran out
      out.append("rate limited, retry after ").append(e.retryAfter().orElse(Duration.ZERO));
    } catch (AurousServiceException e) {         // any other non-2xx answer
      out.append("HTTP ").append(e.statusCode()).append(" request_id=").append(e.requestId().orElse("?"));
    } catch (AurousTransportException e) {       // no answer: timeout, reset, DNS
      out.append("transport: ").append(e.getMessage());
    }
    // README-END
    return out.toString();
  }
}
