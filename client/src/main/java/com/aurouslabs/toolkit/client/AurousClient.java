package com.aurouslabs.toolkit.client;

import com.aurouslabs.toolkit.client.generated.api.ImagesApi;
import com.aurouslabs.toolkit.client.generated.model.ApiResponse;
import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import feign.FeignException;
import feign.Client;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Client for the Aurous Labs image-estimate API. Thread-safe; create one per process and
 * {@linkplain #close() close} it on shutdown (it owns a pooled HTTP connection manager).
 *
 * <pre>{@code
 * try (AurousClient client = new AurousClient(AurousClientOptions.builder().apiKey(key).build())) {
 *   Estimate estimate = client.estimate(new EstimateRequest().prompt("A golden sunset"));
 * }
 * }</pre>
 *
 * <p>Errors are unchecked: {@link AurousServiceException} subclasses for non-2xx answers,
 * {@link AurousTransportException} when no answer arrived. Transport errors, 429 and 5xx are retried.
 * Every call has a variant taking {@link RequestOptions} (extra headers, timeouts, retries for that call), and
 * an asynchronous variant returning a {@link CompletableFuture}.
 */
public final class AurousClient implements AutoCloseable {

  /** SLF4J logger name of the HTTP wire log (see {@link LogLevel}). */
  public static final String HTTP_LOGGER = "com.aurouslabs.toolkit.client.http";

  private static final String ESTIMATE = "POST /v1/images/estimate";
  private static final int MAX_CONNECTIONS = 50;
  /** Apache HttpClient's own loggers; at DEBUG they print request headers (the API key) verbatim. */
  static final java.util.List<String> TRANSPORT_HEADER_LOGGERS =
      java.util.List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

  private final AurousClientOptions options;
  private final CloseableHttpClient httpClient;
  private final ImagesApi imagesApi;
  private final RetryLoop retryLoop;
  private final AtomicBoolean closed = new AtomicBoolean();
  /**
   * The {@link RequestOptions} of the call running on this thread, read by the header interceptor and the
   * timeout-applying transport below. Feign runs interceptors and the client on the calling thread, so the
   * value set around one call is seen by that call only (asynchronous calls set it on their worker thread).
   */
  private final ThreadLocal<RequestOptions> currentCall = new ThreadLocal<>();
  /** Runs the asynchronous variants; daemon threads, created on demand, stopped by {@link #close()}. */
  private final ExecutorService asyncExecutor;

  public AurousClient(AurousClientOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.httpClient = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(options.connectTimeout()))
                .setSocketTimeout(Timeout.of(options.readTimeout()))
                .build())
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .build())
        .disableAutomaticRetries() // retries happen in RetryLoop only
        .disableCookieManagement()
        .disableRedirectHandling() // a redirect must not carry X-Api-Key to another host
        .build();

    AurousApiClient apiClient = new AurousApiClient(options.apiKey());
    apiClient.setBasePath(options.baseUrl());
    apiClient.getFeignBuilder()
        .client(new PerCallTimeouts(new ApacheHttp5Client(httpClient)))
        .requestInterceptor(new PerCallHeaders())
        .options(new Request.Options(options.connectTimeout(), options.readTimeout(), false))
        .retryer(Retryer.NEVER_RETRY)
        .errorDecoder(new AurousErrorDecoder(apiClient.getObjectMapper(), options.clock(), options.apiKey()))
        .logger(new RedactingSlf4jLogger(HTTP_LOGGER, options.apiKey()))
        .logLevel(Logger.Level.valueOf(options.logLevel().name()));
    this.imagesApi = apiClient.buildClient(ImagesApi.class);
    this.retryLoop = new RetryLoop(options);
    this.asyncExecutor = Executors.newCachedThreadPool(new DaemonThreads());
    warnIfTransportLogsHeaders();
  }

  /**
   * Our own wire log masks the key, but Apache HttpClient's header and wire loggers cannot be masked from
   * here. When a logging configuration turns them to DEBUG, say so once per client, without the key.
   */
  private static void warnIfTransportLogsHeaders() {
    for (String name : TRANSPORT_HEADER_LOGGERS) {
      if (org.slf4j.LoggerFactory.getLogger(name).isDebugEnabled()) {
        org.slf4j.LoggerFactory.getLogger(AurousClient.class).warn(
            "Logger {} is at DEBUG: Apache HttpClient then logs request headers, including X-Api-Key, "
                + "unmasked. Set it to INFO and use logLevel(FULL) on the client for a redacted wire log.", name);
      }
    }
  }

  /** A client configured from system properties and environment variables (see the README table). */
  public static AurousClient fromEnv() {
    return new AurousClient(AurousClientOptions.fromEnv());
  }

  public AurousClientOptions options() {
    return options;
  }

  /**
   * Prices an image generation without running it ({@code POST /v1/images/estimate}).
   *
   * @throws AurousServiceException (a subclass per status) when the server answers non-2xx
   * @throws AurousTransportException when no answer arrived after all retries
   */
  public Estimate estimate(EstimateRequest request) {
    return estimateWithResponse(request, RequestOptions.none()).body();
  }

  /** Like {@link #estimate(EstimateRequest)}, with extra headers, timeouts or retries for this call. */
  public Estimate estimate(EstimateRequest request, RequestOptions requestOptions) {
    return estimateWithResponse(request, requestOptions).body();
  }

  /** Like {@link #estimate(EstimateRequest)}, also exposing status, headers, request id and rate limits. */
  public RawResponse<Estimate> estimateWithResponse(EstimateRequest request) {
    return estimateWithResponse(request, RequestOptions.none());
  }

  /** Like {@link #estimateWithResponse(EstimateRequest)}, with extra headers, timeouts or retries for this call. */
  public RawResponse<Estimate> estimateWithResponse(EstimateRequest request, RequestOptions requestOptions) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requestOptions, "requestOptions");
    requireOpen();
    String version = requestOptions.header(RequestOptions.AUROUS_VERSION)
        .orElse(options.apiVersion().orElse(null));
    int maxRetries = requestOptions.maxRetries().orElse(options.maxRetries());
    return retryLoop.execute(ESTIMATE, maxRetries, () -> call(requestOptions, () -> {
      ApiResponse<Estimate> response = imagesApi.estimateImageWithHttpInfo(request, version);
      return new RawResponse<>(response.getStatusCode(), response.getHeaders(), response.getData());
    }));
  }

  /**
   * {@link #estimate(EstimateRequest)} on the client's worker threads. The future completes with the estimate,
   * or exceptionally with the same {@link AurousException} the blocking call would throw ({@code join()} wraps
   * it in a {@link java.util.concurrent.CompletionException}). Cancelling it stops further retries; an attempt
   * already on the wire ends at its read timeout.
   */
  public CompletableFuture<Estimate> estimateAsync(EstimateRequest request) {
    return estimateAsync(request, RequestOptions.none());
  }

  /** {@link #estimateAsync(EstimateRequest)} with extra headers, timeouts or retries for this call. */
  public CompletableFuture<Estimate> estimateAsync(EstimateRequest request, RequestOptions requestOptions) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requestOptions, "requestOptions");
    requireOpen();
    return async(() -> estimateWithResponse(request, requestOptions).body());
  }

  /** {@link #estimateWithResponse(EstimateRequest)} on the client's worker threads; see {@link #estimateAsync}. */
  public CompletableFuture<RawResponse<Estimate>> estimateWithResponseAsync(EstimateRequest request) {
    return estimateWithResponseAsync(request, RequestOptions.none());
  }

  /** {@link #estimateWithResponseAsync(EstimateRequest)} with extra headers, timeouts or retries for this call. */
  public CompletableFuture<RawResponse<Estimate>> estimateWithResponseAsync(EstimateRequest request,
      RequestOptions requestOptions) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requestOptions, "requestOptions");
    requireOpen();
    return async(() -> estimateWithResponse(request, requestOptions));
  }

  private <T> CompletableFuture<T> async(Supplier<T> blockingCall) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Future<?> task = asyncExecutor.submit(() -> {
      try {
        future.complete(blockingCall.get());
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    });
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) {
        task.cancel(true); // interrupts a retry wait; RetryLoop then stops
      }
    });
    return future;
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("AurousClient is closed");
    }
  }

  /**
   * Translates Feign's exceptions (I/O, decoding) into ours; HTTP errors already are ours (ErrorDecoder).
   * Messages are masked, and a cause whose chain quotes the key is replaced by a scrubbed stand-in
   * ({@link Redaction#safeCause}), so a logged stack trace cannot print it either.
   */
  private <T> T call(RequestOptions requestOptions, Supplier<T> feignCall) {
    currentCall.set(requestOptions);
    try {
      return feignCall.get();
    } catch (AurousException e) {
      throw e;
    } catch (RetryableException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new AurousTransportException(Redaction.scrub(ESTIMATE + " failed without an HTTP answer: "
          + cause.getClass().getSimpleName() + ": " + cause.getMessage(), options.apiKey()),
          Redaction.safeCause(cause, options.apiKey()));
    } catch (FeignException e) {
      if (e.getCause() instanceof IOException && e.status() <= 0) {
        throw new AurousTransportException(Redaction.scrub(ESTIMATE + " failed without an HTTP answer: "
            + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), options.apiKey()),
            Redaction.safeCause(e.getCause(), options.apiKey()));
      }
      throw new AurousException(Redaction.scrub(ESTIMATE + " returned HTTP " + e.status()
          + " with a body that could not be decoded: " + e.getMessage(), options.apiKey()),
          Redaction.safeCause(e, options.apiKey()));
    } finally {
      currentCall.remove();
    }
  }

  /** Adds the current call's extra headers; {@code Aurous-Version} travels as the operation's parameter. */
  private final class PerCallHeaders implements RequestInterceptor {
    @Override
    public void apply(feign.RequestTemplate template) {
      RequestOptions call = currentCall.get();
      if (call == null) {
        return;
      }
      for (Map.Entry<String, String> header : call.headers().entrySet()) {
        if (!header.getKey().equalsIgnoreCase(RequestOptions.AUROUS_VERSION)) {
          template.header(header.getKey()); // clears any value a template may carry under this name
          template.header(header.getKey(), header.getValue());
        }
      }
    }
  }

  /** Applies the current call's connect and read timeouts in place of the client's. */
  private final class PerCallTimeouts implements Client {
    private final Client delegate;

    PerCallTimeouts(Client delegate) {
      this.delegate = delegate;
    }

    @Override
    public feign.Response execute(Request request, Request.Options defaults) throws IOException {
      RequestOptions call = currentCall.get();
      if (call == null || (call.connectTimeout().isEmpty() && call.readTimeout().isEmpty())) {
        return delegate.execute(request, defaults);
      }
      Duration connect = call.connectTimeout().orElse(Duration.ofMillis(defaults.connectTimeoutMillis()));
      Duration read = call.readTimeout().orElse(Duration.ofMillis(defaults.readTimeoutMillis()));
      return delegate.execute(request, new Request.Options(connect, read, defaults.isFollowRedirects()));
    }
  }

  /** Names the async worker threads and keeps them from holding the JVM open. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "aurous-client-async-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * Releases pooled connections and stops the async worker threads (a pending asynchronous call then completes
   * exceptionally). Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      asyncExecutor.shutdownNow();
      httpClient.close(CloseMode.GRACEFUL);
    }
  }

  @Override
  public String toString() {
    return "AurousClient{" + options + '}';
  }
}
