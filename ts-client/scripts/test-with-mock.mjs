// Starts mock-server's runnable jar on a random free port (--port 0, the port read from its banner), runs the
// compiled tests with Node's test runner against it (AUROUS_MOCK_URL), and stops the mock whatever happens:
// tests passing or failing, a start-up failure, an overall time-out, Ctrl-C or SIGTERM.
// Usage: node scripts/test-with-mock.mjs --jar estimate-mock.jar --tests DIR [--java JAVA] [--junit FILE]
//        [--mock-log FILE] [--timeout-s 300]
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    java: { type: 'string', default: 'java' },
    jar: { type: 'string' },
    tests: { type: 'string' },
    junit: { type: 'string' },
    'mock-log': { type: 'string' },
    'timeout-s': { type: 'string', default: '300' },
  },
});
const STARTUP_TIMEOUT_MS = 30_000;

function fail(message) {
  console.error(`ts-client tests: ${message}`);
  process.exit(1);
}

if (!args.jar || !existsSync(args.jar)) {
  fail(`mock jar not found at ${args.jar}: build it in the same run, e.g. mvn -pl ts-client -am verify`);
}
if (!args.tests || !existsSync(args.tests)) {
  fail(`no compiled tests in ${args.tests}: run the test-compile phase first (mvn -pl ts-client -am verify)`);
}
const testFiles = readdirSync(args.tests).filter((f) => f.endsWith('.test.js')).sort().map((f) => join(args.tests, f));
if (testFiles.length === 0) {
  fail(`no *.test.js files in ${args.tests}`);
}

let mock;
let runner;
let stopping;

/** Stops the test runner (if running) and the mock; SIGKILL when SIGTERM is not enough within 5 s. */
function stopAll() {
  stopping ??= Promise.all([runner, mock].filter(Boolean).map((child) => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done();
      return;
    }
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(hard);
      done();
    });
    child.kill('SIGTERM');
  })));
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`ts-client tests: ${signal}, stopping the mock`);
    stopAll().then(() => process.exit(130));
  });
}
// Last resort if this process dies some other way: never leave the mock running.
process.on('exit', () => {
  for (const child of [runner, mock]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

function startMock() {
  return new Promise((resolveUrl, rejectUrl) => {
    const log = args['mock-log'] ? (mkdirSync(dirname(args['mock-log']), { recursive: true }), createWriteStream(args['mock-log'])) : undefined;
    mock = spawn(args.java, ['-jar', resolve(args.jar), '--port', '0', '--rate-limit', 'off'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    const timer = setTimeout(() => rejectUrl(new Error(`the mock printed no URL within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    mock.on('error', (e) => rejectUrl(new Error(`could not start ${args.java}: ${e.message}`)));
    mock.on('exit', (code, signal) => rejectUrl(new Error(`the mock exited during start-up (code ${code}, signal ${signal})`)));
    mock.stderr.on('data', (chunk) => log?.write(chunk));
    mock.stdout.on('data', (chunk) => {
      log?.write(chunk);
      banner += chunk.toString('utf8');
      const match = /^\s*URL\s+(http:\/\/\S+?)\/v1\/images\/estimate\s*$/m.exec(banner);
      if (match) {
        clearTimeout(timer);
        banner = '';
        resolveUrl(match[1]);
      }
    });
  });
}

function runTests(mockUrl) {
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
  if (args.junit) {
    mkdirSync(dirname(args.junit), { recursive: true });
    reporters.push('--test-reporter=junit', `--test-reporter-destination=${args.junit}`);
  }
  runner = spawn(process.execPath, ['--test', ...reporters, ...testFiles], {
    stdio: 'inherit',
    env: { ...process.env, AUROUS_MOCK_URL: mockUrl },
  });
  return new Promise((done) => {
    const overall = setTimeout(() => {
      console.error(`ts-client tests: still running after ${args['timeout-s']} s, stopping`);
      stopAll();
    }, Number(args['timeout-s']) * 1000);
    runner.on('exit', (code, signal) => {
      clearTimeout(overall);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

let status = 1;
try {
  const url = await startMock();
  console.log(`ts-client tests: mock at ${url} (log: ${args['mock-log'] ?? 'discarded'}); ${testFiles.length} test files`);
  status = await runTests(url);
} catch (e) {
  console.error(`ts-client tests: ${e.message}${args['mock-log'] ? ` (see ${args['mock-log']})` : ''}`);
  status = 1;
} finally {
  await stopAll();
}
process.exit(status);
