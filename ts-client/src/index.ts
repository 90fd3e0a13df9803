/**
 * TypeScript SDK for `POST /v1/images/estimate`. The request and response types (`EstimateRequest`, `Estimate`,
 * `SizePreset`, ...) are generated at build time from the toolkit's OpenAPI document; the client, errors, retries
 * and redaction are hand-written (this folder).
 */
export { AurousClient, type RequestOptions } from './client.js';
export {
  type AurousClientOptions,
  type FetchLike,
  type Sleep,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_INITIAL_RETRY_DELAY_MS,
  DEFAULT_MAX_RETRY_DELAY_MS,
  MAX_RETRIES_LIMIT,
} from './options.js';
export {
  AurousError,
  AurousApiError,
  InvalidRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TransportError,
  TimeoutError,
  type ErrorDetails,
} from './errors.js';
export { AurousResponse, type RateLimitInfo } from './response.js';
export { MAX_RETRY_AFTER_MS } from './retry.js';
export { maskApiKey } from './redaction.js';
export {
  type Estimate,
  type EstimateRequest,
  type EstimatedCost,
  type CostBreakdown,
  SizePreset,
  EstimateObjectEnum,
  EstimateCurrencyEnum,
} from './generated/index.js';
