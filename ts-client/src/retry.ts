import { AurousApiError, RateLimitError, ServerError, TransportError } from './errors.js';
import type { ResolvedOptions } from './options.js';

/** Longest `Retry-After` the client waits; a longer ask is waited for this long. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The one place that decides whether and when to retry. Retried: transport errors (timeouts included), 429 and
 * 5xx. Everything else (400, 401, 403, 404, ...) is thrown at once. An answer's `Retry-After` is honoured up to
 * `MAX_RETRY_AFTER_MS` (for a 429 without one, `X-RateLimit-Reset`); otherwise the wait is full-jitter exponential
 * backoff: `random() * min(maxRetryDelayMs, initialRetryDelayMs * 2^retry)`.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof TransportError || error instanceof RateLimitError || error instanceof ServerError;
}

/** The wait before retry number `retry + 1` (`retry` is 0 before the first retry). */
export function retryDelayMs(error: unknown, retry: number, options: ResolvedOptions): number {
  if (error instanceof AurousApiError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  const ceiling = Math.min(options.maxRetryDelayMs, options.initialRetryDelayMs * 2 ** Math.min(retry, 30));
  const factor = options.random();
  const jitter = Number.isFinite(factor) ? Math.min(Math.max(factor, 0), 1) : 0;
  return Math.round(ceiling * jitter);
}
