// The README's usage example is a real file (examples/readme-example.ts), compiled by the build against the
// package's declarations; here it runs against the mock, and both READMEs must show it verbatim.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { showPrice } from '../examples/readme-example.js';
import { ALPHA_KEY, mockUrl } from './support.js';

/** ts-client/ (this file runs from ts-client/target/npm/test/). */
const MODULE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('readme', () => {
  test('the_readme_example_prices_an_enhanced_2k_image_against_the_mock', async () => {
    assert.match(await showPrice(ALPHA_KEY, mockUrl()), /^2 credits \(request req_[0-9A-Za-z]{20,40}, \d+ left\)$/);
  });

  test('the_readme_example_reports_a_rejected_key_by_rethrowing', async () => {
    await assert.rejects(showPrice(`al_live_${'f'.repeat(64)}`, mockUrl()), { name: 'AuthenticationError' });
  });

  test('both_readmes_show_the_compiled_example_verbatim', () => {
    const example = readFileSync(join(MODULE_DIR, 'examples', 'readme-example.ts'), 'utf8');
    for (const readme of [join(MODULE_DIR, 'README.md'), join(MODULE_DIR, '..', 'README.md')]) {
      assert.ok(readFileSync(readme, 'utf8').includes('```ts\n' + example + '```\n'), `${readme} does not show examples/readme-example.ts verbatim`);
    }
  });
});
