// The estimate call against the mock: a priced answer with its headers, and the documented error answers as typed
// errors (never retried).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AurousClient, AuthenticationError, InvalidRequestError, NotFoundError, type EstimateRequest,
} from '@aurous-labs/estimate-client';
import { ALPHA_KEY, REVOKED_KEY, UNKNOWN_KEY, mockUrl, recordingFetch } from './support.js';

function client(apiKey = ALPHA_KEY) {
  const recorder = recordingFetch();
  return { client: new AurousClient({ apiKey, baseUrl: mockUrl(), apiVersion: '2026-05-15', fetch: recorder.fetch }), sent: recorder.sent };
}

describe('estimate', () => {
  test('enhanced_prompt_is_priced_base_plus_enhance_with_request_id_version_and_rate_limit_state', async () => {
    const { client: c, sent } = client();
    const response = await c.estimateWithResponse({ prompt: 'A golden sunset over mountains', size: '2k_1_1', enhancePrompt: true });

    assert.equal(response.status, 200);
    assert.deepEqual(response.data, {
      object: 'estimate', estimatedCost: { amount: 2, breakdown: { base: 1, enhance: 1 } }, currency: 'credit',
    });
    assert.match(response.requestId ?? '', /^req_[0-9A-Za-z]{20,40}$/);
    assert.equal(response.apiVersion, '2026-05-15');
    assert.equal(response.rateLimit.limit, 240);
    assert.equal(typeof response.rateLimit.remaining, 'number');
    assert.ok((response.rateLimit.resetEpochSeconds ?? 0) > Date.now() / 1000 - 60);
    assert.equal(response.attempts, 1);

    assert.equal(sent.length, 1);
    const [request] = sent;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, `${mockUrl()}/v1/images/estimate`);
    assert.equal(request?.headers.get('X-Api-Key'), ALPHA_KEY);
    assert.equal(request?.headers.get('Aurous-Version'), '2026-05-15');
    assert.equal(request?.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(JSON.parse(request?.body ?? ''), { prompt: 'A golden sunset over mountains', size: '2k_1_1', enhance_prompt: true });
  });

  test('estimate_returns_just_the_body_and_count_scales_the_base_line', async () => {
    const estimate = await client().client.estimate({ prompt: 'A red fox', count: 3 });
    assert.equal(estimate.estimatedCost.amount, 3);
    assert.equal(estimate.estimatedCost.breakdown.base, 3);
    assert.equal(estimate.estimatedCost.breakdown.enhance, undefined);
  });

  test('lone_width_is_rejected_with_missing_field_on_height_and_not_retried', async () => {
    const { client: c, sent } = client();
    const error = await c.estimate({ prompt: 'A red fox', width: 2048 }).then(() => assert.fail('accepted'), (e: unknown) => e);

    assert.ok(error instanceof InvalidRequestError, String(error));
    assert.equal(error.status, 400);
    assert.equal(error.type, 'invalid_request');
    assert.equal(error.code, 'missing_field');
    assert.equal(error.param, 'height');
    assert.match(error.requestId ?? '', /^req_/);
    assert.equal(error.docUrl, 'https://docs.aurous-labs.com/errors#missing_field');
    assert.match(error.message, /^\[400 invalid_request\/missing_field\] .* \(param: height\) \[request_id: req_\w+\]$/);
    assert.equal(sent.length, 1);
  });

  test('size_with_width_and_height_is_rejected_with_parameter_invalid_combination_on_size', async () => {
    const request: EstimateRequest = { prompt: 'A red fox', size: '2k_1_1', width: 2048, height: 2048 };
    await assert.rejects(client().client.estimate(request),
      (e: unknown) => e instanceof InvalidRequestError && e.code === 'parameter_invalid_combination' && e.param === 'size');
  });

  test('out_of_range_width_is_rejected_with_value_out_of_range_on_width', async () => {
    await assert.rejects(client().client.estimate({ prompt: 'A red fox', width: 512, height: 2048 }),
      (e: unknown) => e instanceof InvalidRequestError && e.code === 'value_out_of_range' && e.param === 'width');
  });

  test('unknown_key_is_rejected_with_invalid_api_key_and_not_retried', async () => {
    const { client: c, sent } = client(UNKNOWN_KEY);
    await assert.rejects(c.estimate({ prompt: 'A red fox' }),
      (e: unknown) => e instanceof AuthenticationError && e.status === 401 && e.code === 'invalid_api_key' && e.param === undefined);
    assert.equal(sent.length, 1);
  });

  test('revoked_key_is_rejected_with_revoked_api_key', async () => {
    await assert.rejects(client(REVOKED_KEY).client.estimate({ prompt: 'A red fox' }),
      (e: unknown) => e instanceof AuthenticationError && e.code === 'revoked_api_key');
  });

  test('unknown_lora_is_not_found_on_lora_id_and_not_retried', async () => {
    const { client: c, sent } = client();
    await assert.rejects(c.estimate({ prompt: 'A red fox', loraId: 'lora_01JDNOSUCHLORA0000000000000' }),
      (e: unknown) => e instanceof NotFoundError && e.status === 404 && e.code === 'resource_not_found' && e.param === 'lora_id');
    assert.equal(sent.length, 1);
  });

  test('unreleased_version_pin_is_rejected_with_unknown_version_on_the_header', async () => {
    const c = new AurousClient({ apiKey: ALPHA_KEY, baseUrl: mockUrl(), apiVersion: '2099-01-01' });
    await assert.rejects(c.estimate({ prompt: 'A red fox' }),
      (e: unknown) => e instanceof InvalidRequestError && e.code === 'unknown_version' && e.param === 'Aurous-Version');
  });
});
