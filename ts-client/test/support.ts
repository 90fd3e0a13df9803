// Shared test fixtures: where the mock runs, the mock's built-in (visibly fake) keys, and recording doubles for
// the client's injectable fetch and sleep.
import type { FetchLike, Sleep } from '@aurous-labs/estimate-client';

/** Base URL of the mock jar that scripts/test-with-mock.mjs started for this run. */
export function mockUrl(): string {
  const url = process.env['AUROUS_MOCK_URL'];
  if (url === undefined || url === '') {
    throw new Error('AUROUS_MOCK_URL is not set: run the tests through scripts/test-with-mock.mjs (mvn -pl ts-client -am verify)');
  }
  return url;
}

/** team_alpha's key in the mock's built-in fixtures. */
export const ALPHA_KEY = `al_live_${'a'.repeat(64)}`;
/** The built-in revoked key. */
export const REVOKED_KEY = `al_live_${'d'.repeat(64)}`;
/** Well-formed, but no team has it. */
export const UNKNOWN_KEY = `al_live_${'f'.repeat(64)}`;

export interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * The platform fetch, recording every request the client sends. `extraHeaders(n)` adds headers to attempt n
 * (1-based), e.g. `X-Mock-Force: 429` on the first attempt only.
 */
export function recordingFetch(extraHeaders: (attempt: number) => Record<string, string> = () => ({})) {
  const sent: SentRequest[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extraHeaders(sent.length + 1))) {
      headers.set(name, value);
    }
    sent.push({ url: input, method: init.method ?? 'GET', headers, body: typeof init.body === 'string' ? init.body : '' });
    return fetch(input, { ...init, headers });
  };
  return { fetch: fetchImpl, sent };
}

/** A sleep that records the asked delays and returns at once (so no test waits for a real backoff). */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    delays.push(ms);
  };
  return { sleep, delays };
}
