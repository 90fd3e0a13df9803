package com.aurouslabs.toolkit.client;

// README-IMPORTS-BEGIN
import com.aurouslabs.toolkit.client.AurousClient;
import com.aurouslabs.toolkit.client.AurousClientOptions;
import com.aurouslabs.toolkit.client.RequestOptions;
import com.aurouslabs.toolkit.client.ServerErrorException;
import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
// README-IMPORTS-END

/** The per-request options and async snippet of client/README.md, checked like {@link ReadmeExample}. */
final class ReadmeRequestOptionsExample {

  private ReadmeRequestOptionsExample() {}

  static String run(String apiKey, String baseUrl) {
    StringBuilder out = new StringBuilder();
    // README-BEGIN
    AurousClientOptions options = AurousClientOptions.builder().apiKey(apiKey).baseUrl(baseUrl).build();
    EstimateRequest request = new EstimateRequest().prompt("A golden sunset");

    try (AurousClient client = new AurousClient(options)) {
      // One call with extra headers (here: ask the offline mock for a 503), its own timeout and no retries.
      // X-Api-Key and Authorization are refused here: the key comes from the client options only.
      RequestOptions force503 = RequestOptions.builder()
          .header("X-Mock-Force", "503")
          .readTimeout(Duration.ofSeconds(2))
          .maxRetries(0)
          .build();
      try {
        client.estimate(request, force503);
      } catch (ServerErrorException e) {
        out.append("forced HTTP ").append(e.statusCode());
      }

      // Asynchronous: completes on the client's worker threads, exceptionally with the same exceptions.
      CompletableFuture<Estimate> future = client.estimateAsync(request);
      out.append(", async cost=").append(future.join().getEstimatedCost().getAmount());
    }
    // README-END
    return out.toString();
  }
}
