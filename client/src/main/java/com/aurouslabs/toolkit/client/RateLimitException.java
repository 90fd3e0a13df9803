package com.aurouslabs.toolkit.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status 429 (type {@code rate_limit}): the team's {@code estimate_post} bucket is empty. Retried after
 * {@link #retryAfter()} (capped), else with backoff.
 */
public class RateLimitException extends AurousServiceException {

  private final Duration retryAfter;

  public RateLimitException(
      String message,
      int statusCode,
      Map<String, List<String>> headers,
      AurousError error,
      Duration retryAfter) {
    super(message, statusCode, headers, error);
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for ({@code Retry-After}, or {@code X-RateLimit-Reset} minus now), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
