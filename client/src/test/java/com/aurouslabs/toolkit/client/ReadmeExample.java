package com.aurouslabs.toolkit.client;

// README-IMPORTS-BEGIN
import com.aurouslabs.toolkit.client.AurousClient;
import com.aurouslabs.toolkit.client.AurousClientOptions;
import com.aurouslabs.toolkit.client.AurousServiceException;
import com.aurouslabs.toolkit.client.AurousTransportException;
import com.aurouslabs.toolkit.client.InvalidRequestException;
import com.aurouslabs.toolkit.client.RateLimitException;
import com.aurouslabs.toolkit.client.RawResponse;
import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.aurouslabs.toolkit.client.generated.model.SizePreset;
import java.time.Duration;
// README-IMPORTS-END

/**
 * The usage snippet of README.md and client/README.md, imports included. {@link ReadmeExampleTest} runs it
 * against WireMock and checks that both READMEs still contain the text between the markers (imports, a blank
 * line, then the body), so the READMEs cannot drift from compiling code.
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
          .size(SizePreset._2k_1_1)             // the wire value "2k_1_1"
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
