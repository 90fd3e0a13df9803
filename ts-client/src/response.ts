/** The Aurous response headers, read in one place. */
export const HEADER = {
  requestId: 'Aurous-Request-Id',
  version: 'Aurous-Version',
  rateLimit: 'X-RateLimit-Limit',
  rateRemaining: 'X-RateLimit-Remaining',
  rateReset: 'X-RateLimit-Reset',
  retryAfter: 'Retry-After',
} as const;

/** Longest wait read from `Retry-After` (a day); the retry loop caps what it actually waits. */
const MAX_RETRY_AFTER_HEADER_MS = 86_400_000;

/**
 * The `X-RateLimit-*` headers of an answer: the bucket's capacity, the tokens left after this request, and when
 * the bucket would be full again. Each is `undefined` when the header was absent or not a whole number.
 */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit`: capacity of the team's `estimate_post` bucket. */
  readonly limit: number | undefined;
  /** `X-RateLimit-Remaining`: tokens left after this request. */
  readonly remaining: number | undefined;
  /** `X-RateLimit-Reset`: epoch seconds at which the bucket would be full again. */
  readonly resetEpochSeconds: number | undefined;
}

function wholeNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export function rateLimitOf(headers: Headers): RateLimitInfo {
  return Object.freeze({
    limit: wholeNumber(headers, HEADER.rateLimit),
    remaining: wholeNumber(headers, HEADER.rateRemaining),
    resetEpochSeconds: wholeNumber(headers, HEADER.rateReset),
  });
}

/** `Retry-After` as milliseconds from `nowMs`: delay-seconds (RFC 9110) or an HTTP date; never negative. */
export function retryAfterMsOf(headers: Headers, nowMs: number): number | undefined {
  const value = headers.get(HEADER.retryAfter)?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Math.min(Math.ceil(Number(value) * 1000), MAX_RETRY_AFTER_HEADER_MS);
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_HEADER_MS);
}

/** `X-RateLimit-Reset` minus now, in milliseconds; never negative. */
export function untilResetMsOf(headers: Headers, nowMs: number): number | undefined {
  const reset = wholeNumber(headers, HEADER.rateReset);
  return reset === undefined ? undefined : Math.min(Math.max(0, reset * 1000 - nowMs), MAX_RETRY_AFTER_HEADER_MS);
}

/**
 * A successful answer: the decoded body plus status, headers and the Aurous headers read for you.
 * Header values are copies with the API key masked.
 */
export class AurousResponse<T> {
  /** The decoded body (a generated model). */
  readonly data: T;
  readonly status: number;
  readonly headers: Headers;
  /** `Aurous-Request-Id`: quote it to support. */
  readonly requestId: string | undefined;
  /** `Aurous-Version`: the API version the server applied. */
  readonly apiVersion: string | undefined;
  readonly rateLimit: RateLimitInfo;
  /** How many HTTP requests this call took (1 + retries). */
  readonly attempts: number;

  constructor(status: number, headers: Headers, data: T, attempts: number) {
    this.data = data;
    this.status = status;
    this.headers = headers;
    this.requestId = headers.get(HEADER.requestId) ?? undefined;
    this.apiVersion = headers.get(HEADER.version) ?? undefined;
    this.rateLimit = rateLimitOf(headers);
    this.attempts = attempts;
  }
}
