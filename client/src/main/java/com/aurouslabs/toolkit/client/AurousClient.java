package com.aurouslabs.toolkit.client;

import com.aurouslabs.toolkit.client.generated.api.ImagesApi;
import com.aurouslabs.toolkit.client.generated.model.ApiResponse;
import com.aurouslabs.toolkit.client.generated.model.Estimate;
import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
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
        .client(new ApacheHttp5Client(httpClient))
        .options(new Request.Options(options.connectTimeout(), options.readTimeout(), false))
        .retryer(Retryer.NEVER_RETRY)
        .errorDecoder(new AurousErrorDecoder(apiClient.getObjectMapper(), options.clock(), options.apiKey()))
        .logger(new RedactingSlf4jLogger(HTTP_LOGGER, options.apiKey()))
        .logLevel(Logger.Level.valueOf(options.logLevel().name()));
    this.imagesApi = apiClient.buildClient(ImagesApi.class);
    this.retryLoop = new RetryLoop(options);
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
    return estimateWithResponse(request).body();
  }

  /** Like {@link #estimate(EstimateRequest)}, also exposing status, headers, request id and rate limits. */
  public RawResponse<Estimate> estimateWithResponse(EstimateRequest request) {
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      throw new IllegalStateException("AurousClient is closed");
    }
    String version = options.apiVersion().orElse(null);
    return retryLoop.execute(ESTIMATE, () -> call(() -> {
      ApiResponse<Estimate> response = imagesApi.estimateImageWithHttpInfo(request, version);
      return new RawResponse<>(response.getStatusCode(), response.getHeaders(), response.getData());
    }));
  }

  /**
   * Translates Feign's exceptions (I/O, decoding) into ours; HTTP errors already are ours (ErrorDecoder).
   * Messages are masked, and a cause whose chain quotes the key is replaced by a scrubbed stand-in
   * ({@link Redaction#safeCause}), so a logged stack trace cannot print it either.
   */
  private <T> T call(java.util.function.Supplier<T> feignCall) {
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
    }
  }

  /** Releases pooled connections. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      httpClient.close(CloseMode.GRACEFUL);
    }
  }

  @Override
  public String toString() {
    return "AurousClient{" + options + '}';
  }
}
