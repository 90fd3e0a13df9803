import { AurousClient, InvalidRequestError, RateLimitError } from '@aurous-labs/estimate-client';

export async function showPrice(apiKey: string, baseUrl = 'http://127.0.0.1:4010'): Promise<string> {
  const client = new AurousClient({ apiKey, baseUrl, apiVersion: '2026-05-15', timeoutMs: 10_000, maxRetries: 2 });
  try {
    const { data, requestId, rateLimit } = await client.estimateWithResponse({ prompt: 'A golden sunset', size: '2k_1_1', enhancePrompt: true });
    return `${data.estimatedCost.amount} credits (request ${requestId}, ${rateLimit.remaining} left)`;
  } catch (e) {
    if (e instanceof InvalidRequestError) return `fix ${e.param}: ${e.code}`; // 400/402/409/413/422
    if (e instanceof RateLimitError) return `busy, retry in ${e.retryAfterMs} ms`; // 429 once retries ran out
    throw e; // AuthenticationError, ServerError, TransportError (TimeoutError), ...
  }
}
