package com.aurouslabs.toolkit.client;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides whether and when to retry. Retried: {@link AurousTransportException},
 * {@link RateLimitException} (429) and {@link ServerErrorException} (5xx). Everything else (400, 401, 403,
 * 404, ...) is thrown at once. A 429's {@code Retry-After} is honoured up to {@link #MAX_RETRY_AFTER};
 * otherwise the wait is full-jitter exponential backoff: {@code jitter * min(maxDelay, initialDelay * 2^n)}.
 */
final class RetryLoop {

  /** Longest {@code Retry-After} the client will wait; a longer ask is waited for this long. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(AurousClient.class);

  private final AurousClientOptions options;

  RetryLoop(AurousClientOptions options) {
    this.options = options;
  }

  <T> T execute(String operation, Supplier<T> attempt) {
    return execute(operation, options.maxRetries(), attempt);
  }

  /** Like {@link #execute(String, Supplier)} with a per-call retry budget. */
  <T> T execute(String operation, int maxRetries, Supplier<T> attempt) {
    int retry = 0;
    while (true) {
      try {
        return attempt.get();
      } catch (AurousException e) {
        if (!isRetryable(e) || retry >= maxRetries) {
          throw e;
        }
        Duration delay = delayFor(e, retry);
        retry++;
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} failed ({}); retry {} of {} in {} ms", operation, summary(e), retry,
              maxRetries, delay.toMillis());
        }
        sleep(delay, e);
      }
    }
  }

  static boolean isRetryable(AurousException e) {
    return e instanceof AurousTransportException
        || e instanceof RateLimitException
        || e instanceof ServerErrorException;
  }

  /** The wait before retry number {@code retry + 1} (retry is 0 for the first retry). */
  Duration delayFor(AurousException e, int retry) {
    if (e instanceof RateLimitException) {
      Duration retryAfter = ((RateLimitException) e).retryAfter().orElse(null);
      if (retryAfter != null) {
        return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
      }
    }
    return backoff(retry);
  }

  Duration backoff(int retry) {
    long initial = options.initialRetryDelay().toMillis();
    long max = options.maxRetryDelay().toMillis();
    long ceiling = retry >= 30 ? max : Math.min(max, initial << retry);
    double factor = options.jitter().getAsDouble();
    if (!(factor >= 0d)) {
      factor = 0d;
    } else if (factor > 1d) {
      factor = 1d;
    }
    return Duration.ofMillis(Math.round(ceiling * factor));
  }

  private void sleep(Duration delay, AurousException cause) {
    try {
      options.sleeper().sleep(delay);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      AurousException interrupted = new AurousException("Interrupted while waiting to retry", ie);
      interrupted.addSuppressed(cause);
      throw interrupted;
    }
  }

  private static String summary(AurousException e) {
    return e instanceof AurousServiceException
        ? "HTTP " + ((AurousServiceException) e).statusCode()
        : e.getClass().getSimpleName();
  }
}
