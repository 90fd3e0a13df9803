// The API key never appears in an error message, a stack, toString(), JSON.stringify() or util.inspect() of any
// object the SDK hands out: client, responses, every error class, causes, copied headers. Also for a server or a
// transport that quotes the key back.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import {
  AurousApiError, AurousClient, AuthenticationError, InvalidRequestError, RateLimitError, ServerError, TimeoutError,
  TransportError, type FetchLike,
} from '@aurous-labs/estimate-client';
import { ALPHA_KEY, UNKNOWN_KEY, mockUrl, recordingFetch, recordingSleep } from './support.js';

/** A key whose 64 characters appear nowhere else, for the paths that need no mock team. */
const SECRET_KEY = `al_live_${'0123456789abcdef'.repeat(4)}`;

/** Every way an application could print `value`. */
function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value, { depth: Infinity, showHidden: true }),
    inspect(value, { depth: Infinity, showHidden: true, customInspect: false })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch (e) {
    out.push(String(e));
  }
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? '', inspect(value.cause, { depth: Infinity, showHidden: true }));
  }
  return out;
}

function assertNoKey(value: unknown, key: string, what: string): void {
  const secret = key.slice(key.indexOf('_', 3) + 1);
  for (const text of renderings(value)) {
    assert.ok(!text.includes(key), `${what} shows the key: ${text}`);
    assert.ok(!text.includes(secret.slice(0, 16)), `${what} shows part of the key: ${text}`);
  }
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
}

/** A fetch that answers every request with this response (a stand-in for a server or proxy that echoes). */
function answering(make: () => Response): FetchLike {
  return async () => make();
}

describe('redaction', () => {
  test('client_responses_and_mock_errors_never_show_the_key', async () => {
    const sleeper = recordingSleep();
    const client = new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), sleep: sleeper.sleep, maxRetries: 1 });
    assert.match(String(client), /"apiKey":"al_live_\*\*\*\*"/);
    assertNoKey(client, ALPHA_KEY, 'client');
    assertNoKey(await client.estimateWithResponse({ prompt: 'A red fox' }), ALPHA_KEY, 'response');

    const invalid = await failure(client.estimate({ prompt: 'A red fox', width: 2048 }));
    assert.ok(invalid instanceof InvalidRequestError);
    assertNoKey(invalid, ALPHA_KEY, 'InvalidRequestError');

    const forced = recordingFetch(() => ({ 'X-Mock-Force': '429' }));
    const limited = await failure(new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: forced.fetch, sleep: sleeper.sleep }).estimate({ prompt: 'A red fox' }));
    assert.ok(limited instanceof RateLimitError);
    assertNoKey(limited, ALPHA_KEY, 'RateLimitError');

    const held = recordingFetch(() => ({ 'X-Mock-Force': 'timeout' }));
    const timeout = await failure(new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: held.fetch, timeoutMs: 200, maxRetries: 0 }).estimate({ prompt: 'A red fox' }));
    assert.ok(timeout instanceof TimeoutError);
    assertNoKey(timeout, ALPHA_KEY, 'TimeoutError');

    const unknown = await failure(new AurousClient({ apiKey: UNKNOWN_KEY, baseUrl: mockUrl() }).estimate({ prompt: 'A red fox' }));
    assert.ok(unknown instanceof AuthenticationError);
    assertNoKey(unknown, UNKNOWN_KEY, 'AuthenticationError');
  });

  test('a_refused_connection_error_never_shows_the_key', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    assert.ok(address !== null && typeof address === 'object');
    const error = await failure(new AurousClient({ apiKey: SECRET_KEY, baseUrl: `http://127.0.0.1:${address.port}`, maxRetries: 0 }).estimate({ prompt: 'x' }));
    assert.ok(error instanceof TransportError);
    assertNoKey(error, SECRET_KEY, 'TransportError');
  });

  test('a_transport_failure_that_quotes_the_key_is_masked_in_message_stack_and_cause_chain', async () => {
    const quoting: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error(`proxy refused header X-Api-Key: ${SECRET_KEY}`, { cause: new Error(`again ${SECRET_KEY}`) }) });
    };
    const error = await failure(new AurousClient({ apiKey: SECRET_KEY, baseUrl: mockUrl(), fetch: quoting, maxRetries: 0 }).estimate({ prompt: 'x' }));
    assert.ok(error instanceof TransportError);
    assert.match(error.message, /al_live_\*\*\*\*/);
    assertNoKey(error, SECRET_KEY, 'TransportError with a quoting cause');
  });

  test('an_envelope_and_headers_that_echo_the_key_are_masked', async () => {
    const echo = answering(() => new Response(
      JSON.stringify({ error: { type: 'invalid_request', code: 'invalid_format', message: `bad key ${SECRET_KEY}`, param: SECRET_KEY, doc_url: 'https://docs.aurous-labs.com/errors#invalid_format', request_id: 'req_01HXMQ7Z3K8Y2NABCDEFGHJKMN' } }),
      { status: 400, headers: { 'Content-Type': 'application/json', 'X-Echo': `X-Api-Key: ${SECRET_KEY}` } }));
    const error = await failure(new AurousClient({ apiKey: SECRET_KEY, baseUrl: mockUrl(), fetch: echo }).estimate({ prompt: 'x' }));
    assert.ok(error instanceof InvalidRequestError);
    assert.equal(error.param, 'al_live_****');
    assert.equal(error.headers.get('X-Echo'), 'X-Api-Key: al_live_****');
    assertNoKey(error, SECRET_KEY, 'InvalidRequestError with an echoing server');
  });

  test('a_non_envelope_5xx_body_that_echoes_the_key_is_masked_before_it_is_cut_to_an_excerpt', async () => {
    const body = `<html>${'x'.repeat(180)}${SECRET_KEY}${'y'.repeat(500)}</html>`;
    const proxy = answering(() => new Response(body, { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await failure(new AurousClient({ apiKey: SECRET_KEY, baseUrl: mockUrl(), fetch: proxy, maxRetries: 0 }).estimate({ prompt: 'x' }));
    assert.ok(error instanceof ServerError);
    assert.equal(error.error, undefined);
    assert.match(error.message, /^\[502\] HTTP 502 with a body that is not an Aurous error envelope \(content-type: text\/html\): <html>x+/);
    assertNoKey(error, SECRET_KEY, 'ServerError with an HTML body');
  });

  test('a_redirect_is_not_followed_so_the_key_cannot_reach_another_host', async () => {
    const inits: RequestInit[] = [];
    const redirecting: FetchLike = async (_input, init) => {
      inits.push(init);
      return new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/v1/images/estimate' } });
    };
    const error = await failure(new AurousClient({ apiKey: SECRET_KEY, baseUrl: mockUrl(), fetch: redirecting }).estimate({ prompt: 'x' }));
    assert.ok(error instanceof AurousApiError);
    assert.equal(error.status, 307);
    assert.match(error.message, /redirects are not followed/);
    assert.equal(inits.length, 1, 'a redirect is not retried');
    assert.equal(inits[0]?.redirect, 'manual');
  });

  test('option_errors_never_show_the_key', () => {
    assert.throws(() => new AurousClient({ apiKey: `${SECRET_KEY}\n` }), (e: unknown) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, /^apiKey al_live_\*\*\*\* contains whitespace/);
      assertNoKey(e, SECRET_KEY, 'TypeError');
      return true;
    });
  });
});
