// The browser path: what a page on another origin needs from the mock to use this SDK (CORS on answers and
// errors, every header the SDK reads exposed, every header it sends allowed by the preflight).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AurousClient, InvalidRequestError, RateLimitError } from '@aurous-labs/estimate-client';
import { ALPHA_KEY, mockUrl, recordingFetch, recordingSleep } from './support.js';

const ORIGIN = 'http://localhost:5173';
/** The response headers the SDK reads (request id, version, rate-limit state, Retry-After). */
const READ_BY_SDK = ['aurous-request-id', 'aurous-version', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];

function names(list: string | null): Set<string> {
  return new Set((list ?? '').split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
}

function fromOrigin(extra: Record<string, string> = {}) {
  const recorder = recordingFetch(() => ({ Origin: ORIGIN, ...extra }));
  const client = new AurousClient({
    apiKey: ALPHA_KEY, baseUrl: mockUrl(), apiVersion: '2026-05-15', fetch: recorder.fetch, sleep: recordingSleep().sleep, maxRetries: 0,
  });
  return { client, sent: recorder.sent };
}

describe('cors', () => {
  test('an_answer_to_a_request_with_an_origin_allows_that_origin_and_exposes_every_header_the_sdk_reads', async () => {
    const response = await fromOrigin().client.estimateWithResponse({ prompt: 'A red fox' });

    const allowed = response.headers.get('Access-Control-Allow-Origin');
    assert.ok(allowed === '*' || allowed === ORIGIN, `Access-Control-Allow-Origin: ${allowed}`);
    const exposed = names(response.headers.get('Access-Control-Expose-Headers'));
    for (const header of READ_BY_SDK) {
      assert.ok(exposed.has(header), `${header} is not in Access-Control-Expose-Headers`);
    }
    assert.match(response.requestId ?? '', /^req_/);
  });

  test('error_answers_carry_cors_too_so_a_page_can_read_the_envelope', async () => {
    const invalid = await fromOrigin().client.estimate({ prompt: 'A red fox', width: 2048 }).catch((e: unknown) => e);
    assert.ok(invalid instanceof InvalidRequestError);
    assert.ok(invalid.headers.get('Access-Control-Allow-Origin') !== null);
    assert.equal(invalid.param, 'height');

    const limited = await fromOrigin({ 'X-Mock-Force': '429' }).client.estimate({ prompt: 'A red fox' }).catch((e: unknown) => e);
    assert.ok(limited instanceof RateLimitError);
    assert.ok(limited.headers.get('Access-Control-Allow-Origin') !== null);
    assert.ok(names(limited.headers.get('Access-Control-Expose-Headers')).has('retry-after'));
    assert.equal(limited.retryAfterMs, 1000);
  });

  test('the_preflight_allows_post_and_every_header_the_sdk_sends', async () => {
    const { client, sent } = fromOrigin();
    await client.estimate({ prompt: 'A red fox' });
    const requested = [...(sent[0]?.headers.keys() ?? [])].filter((n) => n !== 'origin');
    assert.deepEqual(new Set(requested), new Set(['content-type', 'x-api-key', 'aurous-version']));

    const preflight = await fetch(`${mockUrl()}/v1/images/estimate`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requested.join(', ') },
    });
    assert.ok(preflight.status >= 200 && preflight.status < 300, `preflight answered ${preflight.status}`);
    const allowedOrigin = preflight.headers.get('Access-Control-Allow-Origin');
    assert.ok(allowedOrigin === '*' || allowedOrigin === ORIGIN);
    assert.ok(names(preflight.headers.get('Access-Control-Allow-Methods')).has('post'));
    const allowedHeaders = names(preflight.headers.get('Access-Control-Allow-Headers'));
    for (const header of requested) {
      assert.ok(allowedHeaders.has(header), `${header} is not in Access-Control-Allow-Headers`);
    }
  });
});
