// Options come from one object, are checked once in the constructor, and bad values name the fix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AurousClient, DEFAULT_BASE_URL, type AurousClientOptions } from '@aurous-labs/estimate-client';
import { ALPHA_KEY, mockUrl, recordingFetch } from './support.js';

function rejects(options: AurousClientOptions, type: typeof TypeError | typeof RangeError, message: RegExp): void {
  assert.throws(() => new AurousClient(options), (e: unknown) => e instanceof type && message.test(e.message));
}

describe('options', () => {
  test('defaults_are_the_production_url_30_s_timeout_and_2_retries', () => {
    assert.deepEqual(new AurousClient({ apiKey: ALPHA_KEY }).toJSON(), {
      apiKey: 'al_live_****', baseUrl: DEFAULT_BASE_URL, apiVersion: undefined, timeoutMs: 30_000, maxRetries: 2,
      initialRetryDelayMs: 500, maxRetryDelayMs: 8_000,
    });
  });

  test('a_missing_or_blank_key_is_refused_with_the_fix', () => {
    rejects({} as AurousClientOptions, TypeError, /^apiKey is required: new AurousClient\(\{ apiKey/);
    rejects({ apiKey: '  ' }, TypeError, /^apiKey is required/);
  });

  test('base_url_must_be_an_absolute_http_url_without_credentials_query_or_fragment', () => {
    rejects({ apiKey: ALPHA_KEY, baseUrl: '127.0.0.1:4010' }, TypeError, /^baseUrl must be an absolute http\(s\) URL/);
    rejects({ apiKey: ALPHA_KEY, baseUrl: 'ftp://example.com' }, TypeError, /^baseUrl must be an absolute http\(s\) URL/);
    rejects({ apiKey: ALPHA_KEY, baseUrl: 'https://user:pw@example.com' }, TypeError, /user info, a query or a fragment/);
    rejects({ apiKey: ALPHA_KEY, baseUrl: 'https://example.com/?a=1' }, TypeError, /user info, a query or a fragment/);
  });

  test('trailing_slashes_of_the_base_url_are_dropped', async () => {
    const recorder = recordingFetch();
    await new AurousClient({ apiKey: ALPHA_KEY, baseUrl: `${mockUrl()}//`, fetch: recorder.fetch }).estimate({ prompt: 'A red fox' });
    assert.equal(recorder.sent[0]?.url, `${mockUrl()}/v1/images/estimate`);
  });

  test('the_version_pin_must_be_a_date_and_is_sent_only_when_set', async () => {
    rejects({ apiKey: ALPHA_KEY, apiVersion: '2026-5-15' }, RangeError, /^apiVersion must match/);
    const recorder = recordingFetch();
    await new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: recorder.fetch }).estimate({ prompt: 'A red fox' });
    assert.equal(recorder.sent[0]?.headers.get('Aurous-Version'), null);
  });

  test('retry_and_timeout_settings_are_range_checked', () => {
    rejects({ apiKey: ALPHA_KEY, maxRetries: 11 }, RangeError, /^maxRetries must be a whole number from 0 to 10, got 11/);
    rejects({ apiKey: ALPHA_KEY, maxRetries: 1.5 }, RangeError, /^maxRetries/);
    rejects({ apiKey: ALPHA_KEY, timeoutMs: 0 }, RangeError, /^timeoutMs must be a positive number/);
    rejects({ apiKey: ALPHA_KEY, initialRetryDelayMs: 2000, maxRetryDelayMs: 1000 }, RangeError, /must not be shorter than initialRetryDelayMs/);
  });

  test('a_request_that_is_not_an_object_is_refused_before_any_http', async () => {
    const recorder = recordingFetch();
    const client = new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), fetch: recorder.fetch });
    await assert.rejects(client.estimate(null as never), TypeError);
    assert.equal(recorder.sent.length, 0);
  });
});
