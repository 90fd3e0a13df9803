import { Configuration, FetchError, ImagesApi, ResponseError, type Estimate, type EstimateRequest } from './generated/index.js';
import { AurousError, TimeoutError, TransportError, errorFromResponse } from './errors.js';
import { resolveOptions, type AurousClientOptions, type ResolvedOptions } from './options.js';
import { maskApiKey, safeCause, safeHeaders, scrub } from './redaction.js';
import { AurousResponse } from './response.js';
import { isRetryable, retryDelayMs } from './retry.js';

const ESTIMATE = 'POST /v1/images/estimate';

/** `TypeError: fetch failed (Error: connect ECONNREFUSED 127.0.0.1:4010)`: the error and its innermost cause. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) {
    return String(cause);
  }
  let root: Error = cause;
  for (let depth = 0; depth < 8 && root.cause instanceof Error; depth++) {
    root = root.cause;
  }
  return root === cause ? `${cause.name}: ${cause.message}` : `${cause.name}: ${cause.message} (${root.name}: ${root.message})`;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the call, retries and waits included; the call then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Client for the Aurous Labs image-estimate API. Stateless between calls: create one and share it.
 *
 * ```ts
 * const client = new AurousClient({ apiKey, baseUrl: 'http://127.0.0.1:4010' });
 * const estimate = await client.estimate({ prompt: 'A golden sunset', size: '2k_1_1' });
 * ```
 *
 * A non-2xx answer rejects with an `AurousApiError` subclass, no answer with a `TransportError` (or
 * `TimeoutError`). Transport errors, 429 and 5xx are retried (`maxRetries`). The key is held in a private field:
 * `toString()`, `JSON.stringify()` and `util.inspect()` show only its prefix.
 */
export class AurousClient {
  readonly #options: ResolvedOptions;
  readonly #api: ImagesApi;

  constructor(options: AurousClientOptions) {
    const resolved = resolveOptions(options);
    this.#options = resolved;
    this.#api = new ImagesApi(new Configuration({
      basePath: resolved.baseUrl,
      apiKey: () => resolved.apiKey,
      fetchApi: (input, init) => resolved.fetch(String(input), init ?? {}),
    }));
  }

  /**
   * Prices an image generation without running it (`POST /v1/images/estimate`).
   *
   * @throws {AurousApiError} (a subclass per status) when the server answers non-2xx
   * @throws {TransportError} when no answer arrived after all retries (`TimeoutError` after `timeoutMs`)
   */
  async estimate(request: EstimateRequest, options?: RequestOptions): Promise<Estimate> {
    return (await this.estimateWithResponse(request, options)).data;
  }

  /** Like `estimate`, with status, headers, request id, applied version, rate-limit state and attempt count. */
  async estimateWithResponse(request: EstimateRequest, options?: RequestOptions): Promise<AurousResponse<Estimate>> {
    if (typeof request !== 'object' || request === null) {
      throw new TypeError('estimate needs a request object, e.g. { prompt: "A golden sunset" }');
    }
    const signal = options?.signal;
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      try {
        return await this.#attempt(request, retry + 1, signal);
      } catch (error) {
        if (signal?.aborted || !isRetryable(error) || retry >= this.#options.maxRetries) {
          throw error;
        }
        await this.#options.sleep(retryDelayMs(error, retry, this.#options), signal);
      }
    }
  }

  async #attempt(request: EstimateRequest, attempt: number, signal: AbortSignal | undefined): Promise<AurousResponse<Estimate>> {
    const { apiKey, apiVersion, timeoutMs, now } = this.#options;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const raw = await this.#api.estimateImageRaw(
        apiVersion === undefined ? { estimateRequest: request } : { estimateRequest: request, aurousVersion: apiVersion },
        { signal: controller.signal, redirect: 'manual' });
      const data = await raw.value();
      return new AurousResponse(raw.raw.status, safeHeaders(raw.raw.headers, apiKey), data, attempt);
    } catch (error) {
      if (signal?.aborted) {
        throw signal.reason;
      }
      if (timedOut) {
        throw new TimeoutError(`${ESTIMATE} got no complete answer within ${timeoutMs} ms`, timeoutMs);
      }
      if (error instanceof ResponseError) {
        throw await errorFromResponse(error.response, apiKey, now());
      }
      if (error instanceof SyntaxError) {
        throw new AurousError(scrub(`${ESTIMATE} answered 2xx with a body that is not JSON: ${error.message}`, apiKey));
      }
      const cause = error instanceof FetchError ? error.cause : error;
      const summary = describeCause(cause);
      throw new TransportError(scrub(`${ESTIMATE} failed without an HTTP answer: ${summary}`, apiKey),
        { cause: safeCause(cause, apiKey) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The options as safe to print: the key shows only its prefix; functions are left out. */
  toJSON(): Record<string, unknown> {
    const { apiKey, baseUrl, apiVersion, timeoutMs, maxRetries, initialRetryDelayMs, maxRetryDelayMs } = this.#options;
    return { apiKey: maskApiKey(apiKey), baseUrl, apiVersion, timeoutMs, maxRetries, initialRetryDelayMs, maxRetryDelayMs };
  }

  toString(): string {
    return `AurousClient${JSON.stringify(this.toJSON())}`;
  }

  /** What Node's `util.inspect` and `console.log` print. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
