import { HEADER, rateLimitOf, retryAfterMsOf, untilResetMsOf, type RateLimitInfo } from './response.js';
import { safeHeaders, scrub, truncate } from './redaction.js';

/**
 * The `error` object of the envelope every non-2xx answer carries (ENVELOPE-SHAPE), camel-cased. `message` and
 * `param` are masked if they quote the API key.
 */
export interface ErrorDetails {
  /** `invalid_request`, `authentication`, `not_found`, `rate_limit` or `server_error`. */
  readonly type: string | undefined;
  /** Stable code to switch on, e.g. `value_out_of_range`. */
  readonly code: string | undefined;
  readonly message: string | undefined;
  /** The request parameter at fault (`width`, `reference_image_urls[2]`, `Aurous-Version`), or null. */
  readonly param: string | null | undefined;
  readonly docUrl: string | undefined;
  readonly requestId: string | undefined;
  /** Upstream provider status, only on provider error codes. */
  readonly upstreamStatus: number | undefined;
}

/** Root of every error this SDK throws for a call (bad options throw `TypeError`/`RangeError` instead). */
export class AurousError extends Error {
  override name = 'AurousError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

/**
 * The server answered with a non-2xx status. Carries the status, the (masked) response headers, the parsed
 * envelope (`undefined` when the body was not an Aurous envelope, e.g. an HTML 502 from a proxy), the
 * rate-limit state and `Retry-After`. One subclass per documented status or error type; see `errorFromResponse`.
 */
export class AurousApiError extends AurousError {
  override name = 'AurousApiError';
  readonly status: number;
  readonly headers: Headers;
  readonly error: ErrorDetails | undefined;
  readonly rateLimit: RateLimitInfo;
  /** `Retry-After` in milliseconds, when the answer carried one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, status: number, headers: Headers, error: ErrorDetails | undefined, retryAfterMs: number | undefined) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.rateLimit = rateLimitOf(headers);
    this.retryAfterMs = retryAfterMs;
  }

  /** `error.type`, e.g. `invalid_request`. */
  get type(): string | undefined {
    return this.error?.type;
  }

  /** `error.code`, e.g. `value_out_of_range`. */
  get code(): string | undefined {
    return this.error?.code;
  }

  /** `error.param`, the request parameter at fault. */
  get param(): string | undefined {
    return this.error?.param ?? undefined;
  }

  /** `error.doc_url`. */
  get docUrl(): string | undefined {
    return this.error?.docUrl;
  }

  /** `error.request_id`, or else the `Aurous-Request-Id` header. */
  get requestId(): string | undefined {
    return this.error?.requestId ?? this.headers.get(HEADER.requestId) ?? undefined;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      type: this.type,
      code: this.code,
      param: this.param,
      requestId: this.requestId,
      docUrl: this.docUrl,
      retryAfterMs: this.retryAfterMs,
      rateLimit: this.rateLimit,
    };
  }
}

/** 400, 402, 409, 413, 422: fix the input. Not retried. */
export class InvalidRequestError extends AurousApiError {
  override name = 'InvalidRequestError';
}

/** 401: missing, unknown or revoked key. Not retried. */
export class AuthenticationError extends AurousApiError {
  override name = 'AuthenticationError';
}

/** 403. Not retried. */
export class PermissionDeniedError extends AurousApiError {
  override name = 'PermissionDeniedError';
}

/** 404, 410: unknown or other-team character, file or LoRA, or another path. Not retried. */
export class NotFoundError extends AurousApiError {
  override name = 'NotFoundError';
}

/**
 * 429: the team's `estimate_post` bucket is empty. Retried after `Retry-After`; thrown when the retries ran out.
 * `retryAfterMs` is `Retry-After`, or else `X-RateLimit-Reset` minus now.
 */
export class RateLimitError extends AurousApiError {
  override name = 'RateLimitError';
}

/** 5xx. Retried with backoff (after `Retry-After` when the answer has one); thrown when the retries ran out. */
export class ServerError extends AurousApiError {
  override name = 'ServerError';
}

/** No HTTP answer: connection refused or reset, DNS, TLS, an aborted body. Retried. */
export class TransportError extends AurousError {
  override name = 'TransportError';
}

/** No complete answer within `timeoutMs` (per attempt). Retried like any transport error. */
export class TimeoutError extends TransportError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

type ApiErrorClass = new (
  message: string, status: number, headers: Headers, error: ErrorDetails | undefined, retryAfterMs: number | undefined,
) => AurousApiError;

/** Status decides the class; for a status the docs do not list, the envelope's `error.type` does. */
const BY_STATUS: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [400, InvalidRequestError], [402, InvalidRequestError], [409, InvalidRequestError], [413, InvalidRequestError],
  [422, InvalidRequestError], [401, AuthenticationError], [403, PermissionDeniedError], [404, NotFoundError],
  [410, NotFoundError], [429, RateLimitError],
]);
const BY_TYPE: ReadonlyMap<string, ApiErrorClass> = new Map<string, ApiErrorClass>([
  ['invalid_request', InvalidRequestError], ['authentication', AuthenticationError], ['not_found', NotFoundError],
  ['rate_limit', RateLimitError], ['server_error', ServerError],
]);

function classFor(status: number, error: ErrorDetails | undefined): ApiErrorClass {
  const byStatus = BY_STATUS.get(status);
  if (byStatus !== undefined) {
    return byStatus;
  }
  if (status >= 500 && status <= 599) {
    return ServerError;
  }
  return (error?.type !== undefined ? BY_TYPE.get(error.type) : undefined) ?? AurousApiError;
}

const MAX_BODY_CHARS = 64 * 1024;
const MAX_EXCERPT_CHARS = 200;

function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function parseEnvelope(body: string, apiKey: string): ErrorDetails | undefined {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = typeof root === 'object' && root !== null ? (root as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) {
    return undefined;
  }
  const e = error as Record<string, unknown>;
  return Object.freeze({
    type: text(e['type']),
    code: text(e['code']),
    message: scrub(text(e['message']), apiKey),
    param: e['param'] === null ? null : scrub(text(e['param']), apiKey),
    docUrl: text(e['doc_url']),
    requestId: text(e['request_id']),
    upstreamStatus: typeof e['status'] === 'number' && Number.isInteger(e['status']) ? e['status'] : undefined,
  });
}

function describe(status: number, headers: Headers, error: ErrorDetails | undefined, maskedBody: string): string {
  const requestId = error?.requestId ?? headers.get(HEADER.requestId) ?? undefined;
  let message: string;
  if (error !== undefined) {
    message = `[${status} ${error.type}/${error.code}] ${error.message ?? '(no message)'}`;
    if (error.param !== null && error.param !== undefined) {
      message += ` (param: ${error.param})`;
    }
  } else {
    const contentType = headers.get('Content-Type') ?? 'none';
    message = `[${status}] HTTP ${status} with a body that is not an Aurous error envelope (content-type: ${contentType})`;
    const excerpt = truncate(maskedBody.replace(/\s+/g, ' ').trim(), MAX_EXCERPT_CHARS);
    if (excerpt !== '') {
      message += `: ${excerpt}`;
    }
  }
  return requestId === undefined ? message : `${message} [request_id: ${requestId}]`;
}

/**
 * The one place where a non-2xx answer becomes an error: reads the body (up to 64 KiB of text), parses the
 * envelope, masks the key everywhere, picks the class. A redirect (3xx, or a browser's opaque redirect) is never
 * followed, so the key cannot travel to another host; it ends here as an `AurousApiError`.
 */
export async function errorFromResponse(response: Response, apiKey: string, nowMs: number): Promise<AurousApiError> {
  let body = '';
  try {
    body = (await response.text()).slice(0, MAX_BODY_CHARS);
  } catch {
    // the answer's status and headers still say enough
  }
  const status = response.status;
  const headers = safeHeaders(response.headers, apiKey);
  const error = parseEnvelope(body, apiKey);
  const message = scrub(describe(status, headers, error, scrub(body, apiKey)), apiKey);
  const Class = classFor(status, error);
  const retryAfterMs = retryAfterMsOf(headers, nowMs) ?? (Class === RateLimitError ? untilResetMsOf(headers, nowMs) : undefined);
  if (response.type === 'opaqueredirect' || (status >= 300 && status <= 399)) {
    const location = headers.get('Location');
    return new AurousApiError(`[${status}] The API answered with a redirect${location === null ? '' : ` to ${location}`}; `
      + 'redirects are not followed, so that the API key cannot reach another host. Set baseUrl to the final URL.',
    status, headers, error, undefined);
  }
  return new Class(message, status, headers, error, retryAfterMs);
}
