package com.aurouslabs.toolkit.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code X-RateLimit-*} headers of a response: the bucket capacity, the tokens left after this request, and
 * when the bucket would be full again. Each is empty when the header was absent or not a number.
 */
public final class RateLimitInfo {

  private final OptionalLong limit;
  private final OptionalLong remaining;
  private final OptionalLong resetEpochSeconds;

  public RateLimitInfo(OptionalLong limit, OptionalLong remaining, OptionalLong resetEpochSeconds) {
    this.limit = limit;
    this.remaining = remaining;
    this.resetEpochSeconds = resetEpochSeconds;
  }

  static RateLimitInfo from(Map<String, List<String>> headers) {
    return new RateLimitInfo(
        HttpHeaders.firstLong(headers, HttpHeaders.RATE_LIMIT_LIMIT),
        HttpHeaders.firstLong(headers, HttpHeaders.RATE_LIMIT_REMAINING),
        HttpHeaders.firstLong(headers, HttpHeaders.RATE_LIMIT_RESET));
  }

  /** {@code X-RateLimit-Limit}: capacity of the bucket. */
  public OptionalLong limit() {
    return limit;
  }

  /** {@code X-RateLimit-Remaining}: tokens left after this request. */
  public OptionalLong remaining() {
    return remaining;
  }

  /** {@code X-RateLimit-Reset}: epoch seconds at which the bucket would be full again. */
  public OptionalLong resetEpochSeconds() {
    return resetEpochSeconds;
  }

  /** {@link #resetEpochSeconds()} as an instant. */
  public Optional<Instant> resetAt() {
    return resetEpochSeconds.isPresent()
        ? Optional.of(Instant.ofEpochSecond(resetEpochSeconds.getAsLong()))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "RateLimitInfo{limit=" + limit + ", remaining=" + remaining + ", reset=" + resetEpochSeconds + '}';
  }
}
