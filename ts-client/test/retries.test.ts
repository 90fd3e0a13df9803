// Retries against the mock: X-Mock-Force turns chosen attempts into 429, 5xx or a held request. The injected
// sleep records each wait instead of waiting, so these tests never sleep through a backoff.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import {
  AurousClient, InvalidRequestError, RateLimitError, ServerError, TimeoutError, TransportError, type AurousClientOptions,
} from '@aurous-labs/estimate-client';
import { ALPHA_KEY, mockUrl, recordingFetch, recordingSleep } from './support.js';

const REQUEST = { prompt: 'A golden sunset over mountains' };

/** A client whose attempts `forcedAttempts` carry `X-Mock-Force: force`. */
function forcing(force: string, forcedAttempts: (attempt: number) => boolean, options: Partial<AurousClientOptions> = {}) {
  const recorder = recordingFetch((attempt): Record<string, string> => (forcedAttempts(attempt) ? { 'X-Mock-Force': force } : {}));
  const sleeper = recordingSleep();
  const client = new AurousClient({
    apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: recorder.fetch, sleep: sleeper.sleep, random: () => 1, ...options,
  });
  return { client, sent: recorder.sent, delays: sleeper.delays };
}

/** A local port with nothing listening on it (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

describe('retries', () => {
  test('a_429_is_retried_after_its_retry_after_and_the_retry_succeeds', async () => {
    const { client, sent, delays } = forcing('429', (n) => n === 1);
    const response = await client.estimateWithResponse(REQUEST);

    assert.equal(response.status, 200);
    assert.equal(response.attempts, 2);
    assert.equal(sent.length, 2);
    assert.deepEqual(delays, [1000], 'waits the forced answer\'s Retry-After: 1');
  });

  test('a_429_that_persists_is_thrown_as_rate_limit_error_with_retry_after_after_max_retries', async () => {
    const { client, sent, delays } = forcing('429', () => true, { maxRetries: 2 });
    const error = await client.estimate(REQUEST).then(() => assert.fail('accepted'), (e: unknown) => e);

    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.status, 429);
    assert.equal(error.code, 'too_many_requests');
    assert.equal(error.retryAfterMs, 1000);
    assert.equal(error.rateLimit.remaining, 0);
    assert.equal(sent.length, 3);
    assert.deepEqual(delays, [1000, 1000]);
  });

  test('a_503_is_retried_with_backoff_and_the_retry_succeeds', async () => {
    const { client, sent, delays } = forcing('503', (n) => n === 1, { initialRetryDelayMs: 200 });
    const response = await client.estimateWithResponse(REQUEST);

    assert.equal(response.status, 200);
    assert.equal(response.data.estimatedCost.amount, 1);
    assert.equal(sent.length, 2);
    assert.deepEqual(delays, [200]);
  });

  test('backoff_doubles_from_the_initial_delay_up_to_the_cap_with_full_jitter', async () => {
    const capped = forcing('500', () => true, { maxRetries: 6, initialRetryDelayMs: 500, maxRetryDelayMs: 8000 });
    await assert.rejects(capped.client.estimate(REQUEST), (e: unknown) => e instanceof ServerError && e.status === 500);
    assert.equal(capped.sent.length, 7);
    assert.deepEqual(capped.delays, [500, 1000, 2000, 4000, 8000, 8000]);

    const jittered = forcing('502', () => true, { maxRetries: 3, initialRetryDelayMs: 1000, random: () => 0.25 });
    await assert.rejects(jittered.client.estimate(REQUEST), (e: unknown) => e instanceof ServerError && e.status === 502);
    assert.deepEqual(jittered.delays, [250, 500, 1000]);
  });

  test('a_503_that_persists_is_thrown_as_server_error_after_max_retries', async () => {
    const { client, sent } = forcing('503', () => true, { maxRetries: 1 });
    await assert.rejects(client.estimate(REQUEST),
      (e: unknown) => e instanceof ServerError && e.status === 503 && e.type === 'server_error' && /^req_/.test(e.requestId ?? ''));
    assert.equal(sent.length, 2);
  });

  test('a_held_request_times_out_after_timeout_ms_with_timeout_error', async () => {
    const { client, sent } = forcing('timeout', () => true, { timeoutMs: 300, maxRetries: 0 });
    const started = Date.now();
    const error = await client.estimate(REQUEST).then(() => assert.fail('accepted'), (e: unknown) => e);
    const elapsed = Date.now() - started;

    assert.ok(error instanceof TimeoutError, String(error));
    assert.ok(error instanceof TransportError);
    assert.equal(error.timeoutMs, 300);
    assert.match(error.message, /no complete answer within 300 ms/);
    assert.ok(elapsed >= 250 && elapsed < 10_000, `took ${elapsed} ms`);
    assert.equal(sent.length, 1);
  });

  test('a_timeout_is_retried_and_the_retry_succeeds', async () => {
    // Generous: the second, normal attempt must finish within it even on a loaded CI machine.
    const { client, sent } = forcing('timeout', (n) => n === 1, { timeoutMs: 1500, maxRetries: 1 });
    const response = await client.estimateWithResponse(REQUEST);
    assert.equal(response.status, 200);
    assert.equal(response.attempts, 2);
    assert.equal(sent.length, 2);
  });

  test('retry_after_as_an_http_date_or_rate_limit_reset_is_waited_and_capped_at_60_s', async () => {
    const now = Date.UTC(2026, 4, 15, 12, 0, 0);
    const answers: Record<string, string>[] = [
      { 'Retry-After': new Date(now + 7_000).toUTCString() },
      { 'X-RateLimit-Reset': String(now / 1000 + 5) },
      { 'Retry-After': '3600' },
    ];
    let call = 0;
    const sleeper = recordingSleep();
    const client = new AurousClient({
      apiKey: ALPHA_KEY, baseUrl: mockUrl(), maxRetries: 3, sleep: sleeper.sleep, now: () => now,
      fetch: async () => {
        const headers = answers[call++];
        return headers === undefined
          ? Response.json({ object: 'estimate', estimated_cost: { amount: 1, breakdown: { base: 1 } }, currency: 'credit' })
          : Response.json({ error: { type: 'rate_limit', code: 'too_many_requests', message: 'slow down', param: null } }, { status: 429, headers });
      },
    });
    const response = await client.estimateWithResponse(REQUEST);
    assert.equal(response.attempts, 4);
    assert.deepEqual(sleeper.delays, [7_000, 5_000, 60_000]);
  });

  test('a_refused_connection_is_retried_then_thrown_as_transport_error', async () => {
    const port = await closedPort();
    const recorder = recordingFetch();
    const sleeper = recordingSleep();
    const client = new AurousClient({
      apiKey: ALPHA_KEY, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2, fetch: recorder.fetch, sleep: sleeper.sleep,
    });
    const error = await client.estimate(REQUEST).then(() => assert.fail('accepted'), (e: unknown) => e);

    assert.ok(error instanceof TransportError && !(error instanceof TimeoutError), String(error));
    assert.match(error.message, /failed without an HTTP answer/);
    assert.equal(recorder.sent.length, 3);
    assert.equal(sleeper.delays.length, 2);
  });

  test('a_400_is_never_retried_even_with_retries_left', async () => {
    const { client, sent, delays } = forcing('429', () => false, { maxRetries: 5 });
    await assert.rejects(client.estimate({ prompt: '   ' }), (e: unknown) => e instanceof InvalidRequestError);
    assert.equal(sent.length, 1);
    assert.deepEqual(delays, []);
  });

  test('an_aborted_call_stops_retrying_and_rejects_with_the_abort_reason', async () => {
    const controller = new AbortController();
    const recorder = recordingFetch(() => ({ 'X-Mock-Force': '503' }));
    const client = new AurousClient({
      apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: recorder.fetch, maxRetries: 5, initialRetryDelayMs: 5_000,
      random: () => 1,
    });
    const call = client.estimate(REQUEST, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left the page')), 200);
    await assert.rejects(call, /user left the page/);
    assert.equal(recorder.sent.length, 1);
  });
});
