package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

  @Test
  void estimate_async_completes_with_the_estimate_off_the_calling_thread() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      List<String> threads = new ArrayList<>();
      CompletableFuture<Estimate> future = client.estimateAsync(new EstimateRequest().prompt("p"))
          .whenComplete((estimate, failure) -> threads.add(Thread.currentThread().getName()));

      assertThat(future.join().getEstimatedCost().getAmount()).isEqualByComparingTo(BigDecimal.valueOf(2));
      assertThat(threads).singleElement().asString().startsWith("aurous-client-async-");
      assertThat(client.estimateWithResponseAsync(new EstimateRequest().prompt("p")).join().requestId())
          .contains(Fixtures.REQUEST_ID);
    }
  }

  @Test
  void a_failed_async_call_completes_exceptionally_with_the_typed_exception() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.error(400, "invalid_request",
        "parameter_invalid_combination", "Send either size or width and height, not both.", "size")));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      CompletableFuture<Estimate> future = client.estimateAsync(new EstimateRequest().prompt("p"));

      assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((InvalidRequestException) e).param()).contains("size"));
    }
  }

  @Test
  void concurrent_async_calls_each_send_their_own_request_options() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok().withFixedDelay(50)));

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build())) {
      List<CompletableFuture<Estimate>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(client.estimateAsync(new EstimateRequest().prompt("call-" + i),
            RequestOptions.builder().header("X-Call", "call-" + i).build()));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    }

    for (int i = 0; i < 8; i++) {
      wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("X-Call", equalTo("call-" + i))
          .withRequestBody(matchingJsonPath("$.prompt", equalTo("call-" + i))));
    }
  }

  @Test
  void cancelling_an_async_call_stops_its_retries() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.error(503, "server_error", "provider_unavailable",
        "Try again.", null)));
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Sleeper blockingSleeper = duration -> {
      waiting.countDown();
      try {
        Thread.sleep(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    };

    try (AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).sleeper(blockingSleeper)
        .maxRetries(5).build())) {
      CompletableFuture<Estimate> future = client.estimateAsync(new EstimateRequest().prompt("p"));
      assertThat(waiting.await(5, TimeUnit.SECONDS)).as("the first retry wait began").isTrue();

      assertThat(future.cancel(true)).isTrue();

      assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the retry wait was interrupted").isTrue();
      assertThat(future).isCancelled();
    }
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void an_async_call_on_a_closed_client_is_refused_at_once() {
    AurousClient client = new AurousClient(Fixtures.options(wm, sleeper).build());
    client.close();

    assertThatThrownBy(() -> client.estimateAsync(new EstimateRequest().prompt("p")))
        .isInstanceOf(IllegalStateException.class).hasMessage("AurousClient is closed");
  }
}
