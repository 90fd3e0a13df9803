import { maskApiKey } from './redaction.js';

/** Any `fetch`: the platform's, a wrapper that adds headers, or a test double. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Waits `ms` milliseconds; rejects with `signal.reason` when `signal` aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Everything an `AurousClient` is configured with, in one object. Only `apiKey` is required. */
export interface AurousClientOptions {
  /** `al_live_` + 64 hex characters (or a legacy `og_` key). Sent as `X-Api-Key`; never printed. */
  apiKey: string;
  /** Default `https://api.aurous-labs.com`; the mock is `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** `Aurous-Version` pin, `YYYY-MM-DD` (e.g. `2026-05-15`). Unset: the team's pinned version applies. */
  apiVersion?: string;
  /** Time allowed for one attempt, answer body included. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, on 429, 5xx and transport errors; 0 to 10. Default 2. */
  maxRetries?: number;
  /** First backoff ceiling; doubles per retry up to `maxRetryDelayMs`. Default 500. */
  initialRetryDelayMs?: number;
  /** Backoff cap. Default 8 000. */
  maxRetryDelayMs?: number;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Default: a timer. Inject to observe or skip the waits between retries. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Epoch milliseconds, for `Retry-After` dates and `X-RateLimit-Reset`. Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_BASE_URL = 'https://api.aurous-labs.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_INITIAL_RETRY_DELAY_MS = 500;
export const DEFAULT_MAX_RETRY_DELAY_MS = 8_000;
/** Upper bound of `maxRetries`. */
export const MAX_RETRIES_LIMIT = 10;

const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Validated options with defaults applied. */
export interface ResolvedOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly apiVersion: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly fetch: FetchLike;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
}

export const timerSleep: Sleep = (ms, signal) => new Promise<void>((resolve, reject) => {
  if (signal?.aborted) {
    reject(signal.reason);
    return;
  }
  const onAbort = (): void => {
    clearTimeout(timer);
    reject(signal?.reason);
  };
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    resolve();
  }, ms);
  signal?.addEventListener('abort', onAbort, { once: true });
});

function positiveMs(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}

function normalizeBaseUrl(value: string | undefined): string {
  if (value === undefined) {
    return DEFAULT_BASE_URL;
  }
  let url: URL;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got '${String(value)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got '${String(value)}'`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new TypeError('baseUrl must not carry user info, a query or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Checks `options` and applies the defaults. Throws `TypeError` (missing or ill-typed value) or `RangeError`
 * (out of range) with a message that names the fix and never contains the key.
 */
export function resolveOptions(options: AurousClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('AurousClient needs an options object: new AurousClient({ apiKey, baseUrl })');
  }
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError('apiKey is required: new AurousClient({ apiKey: "al_live_..." })');
  }
  if (/[^\x21-\x7e]/.test(apiKey)) {
    throw new TypeError(`apiKey ${maskApiKey(apiKey)} contains whitespace or a non-printable character`);
  }
  if (options.apiVersion !== undefined && !VERSION_PATTERN.test(String(options.apiVersion))) {
    throw new RangeError(`apiVersion must match ${VERSION_PATTERN.source} (for example 2026-05-15), got '${String(options.apiVersion)}'`);
  }
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
    throw new RangeError(`maxRetries must be a whole number from 0 to ${MAX_RETRIES_LIMIT}, got ${String(maxRetries)}`);
  }
  const initialRetryDelayMs = positiveMs('initialRetryDelayMs', options.initialRetryDelayMs, DEFAULT_INITIAL_RETRY_DELAY_MS);
  const maxRetryDelayMs = positiveMs('maxRetryDelayMs', options.maxRetryDelayMs, DEFAULT_MAX_RETRY_DELAY_MS);
  if (maxRetryDelayMs < initialRetryDelayMs) {
    throw new RangeError(`maxRetryDelayMs (${maxRetryDelayMs}) must not be shorter than initialRetryDelayMs (${initialRetryDelayMs})`);
  }
  for (const name of ['fetch', 'sleep', 'random', 'now'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new TypeError(`${name} must be a function`);
    }
  }
  const platformFetch: FetchLike | undefined = typeof fetch === 'function' ? (input, init) => fetch(input, init) : undefined;
  const fetchImpl = options.fetch ?? platformFetch;
  if (fetchImpl === undefined) {
    throw new TypeError('no global fetch on this platform (Node 18+ and every current browser have one): pass options.fetch');
  }
  return Object.freeze({
    apiKey,
    baseUrl: normalizeBaseUrl(options.baseUrl),
    apiVersion: options.apiVersion,
    timeoutMs: positiveMs('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries,
    initialRetryDelayMs,
    maxRetryDelayMs,
    fetch: fetchImpl,
    sleep: options.sleep ?? timerSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });
}
