// Installs the build tools (typescript, @types/node) with `npm ci` from package-lock.json, but only when
// node_modules does not already hold exactly the locked versions. The lock file names packages and versions
// only (no registry addresses): npm fetches them from whatever registry the machine's npm is set up for and
// checks each against the lock's integrity hash.
// Usage: node scripts/npm-ci-if-needed.mjs [npm-executable]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.argv[2] ?? 'npm';
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

const stale = Object.entries(lock.packages)
  .filter(([path]) => path.startsWith('node_modules/'))
  .filter(([path, meta]) => {
    const manifest = join(root, path, 'package.json');
    return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== meta.version;
  })
  .map(([path, meta]) => `${path.slice('node_modules/'.length)}@${meta.version}`);

if (stale.length === 0) {
  console.log('ts-client: node_modules matches package-lock.json');
  process.exit(0);
}
console.log(`ts-client: npm ci (missing or other version: ${stale.join(', ')})`);
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
if (result.error) {
  console.error(`ts-client: could not run '${npm}' (${result.error.message}); install Node 20 with npm, or build with -Dts.skip`);
  process.exit(1);
}
process.exit(result.status ?? 1);
