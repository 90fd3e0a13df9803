// Installs the packed tarball by file into a scratch consumer project (as a frontend repository would), type-checks
// the README example there against the installed package with TypeScript's `bundler` and `nodenext` resolution,
// and imports the package at run time. Prints the tarball's size and file count.
// Usage: node scripts/check-tarball.mjs --package-dir DIR --pack-dir DIR --consumer DIR --example FILE.ts [--npm npm]
//        (the tarball is the one `npm pack` names after package.json's name and version, in --pack-dir)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    'package-dir': { type: 'string' },
    'pack-dir': { type: 'string' },
    consumer: { type: 'string' },
    example: { type: 'string' },
    npm: { type: 'string', default: 'npm' },
  },
});
const tsc = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'typescript', 'bin', 'tsc');
const PUBLIC_CLASSES = ['AurousClient', 'AurousError', 'AurousApiError', 'InvalidRequestError', 'AuthenticationError',
  'PermissionDeniedError', 'NotFoundError', 'RateLimitError', 'ServerError', 'TransportError', 'TimeoutError', 'AurousResponse'];

function run(command, argv, cwd) {
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', shell: process.platform === 'win32' && command === args.npm });
  if (result.error || result.status !== 0) {
    console.error(`ts-client tarball check: ${command} ${argv.join(' ')} failed${result.error ? `: ${result.error.message}` : ''}`);
    console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    process.exit(1);
  }
  return result.stdout;
}

const manifest = JSON.parse(readFileSync(join(args['package-dir'], 'package.json'), 'utf8'));
const tarball = resolve(args['pack-dir'], `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`);
const consumer = resolve(args.consumer);
rmSync(consumer, { recursive: true, force: true });
mkdirSync(consumer, { recursive: true });
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'tarball-consumer', private: true, type: 'module' }, null, 2));
run(args.npm, ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], consumer);

copyFileSync(resolve(args.example), join(consumer, 'app.ts'));
const configs = [];
for (const [moduleResolution, module] of [['bundler', 'esnext'], ['nodenext', 'nodenext']]) {
  const config = `tsconfig.${moduleResolution}.json`;
  configs.push(config);
  writeFileSync(join(consumer, config), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], module, moduleResolution },
    files: ['app.ts'],
  }, null, 2));
}
run(process.execPath, [tsc, '--build', ...configs], consumer);

const probe = `const m = await import('@aurous-labs/estimate-client');
const missing = ${JSON.stringify(PUBLIC_CLASSES)}.filter((n) => typeof m[n] !== 'function');
if (missing.length > 0) { console.error('missing exports: ' + missing.join(', ')); process.exit(1); }`;
run(process.execPath, ['--input-type=module', '-e', probe], consumer);

const installed = join(consumer, 'node_modules', '@aurous-labs', 'estimate-client');
const fileCount = readdirSync(installed, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
console.log(`ts-client tarball: ${tarball} ${statSync(tarball).size} bytes, ${fileCount} files; installs by file, `
  + 'the README example type-checks against it (bundler and nodenext resolution), all public classes import');
