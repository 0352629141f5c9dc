#!/usr/bin/env node
// The two commands of the README run through here, on a fresh machine with only Node 20:
//   npm start          install, build, start PostgreSQL (embedded unless DATABASE_URL), migrate, seed, serve
//   npm run validate   install (Chromium from apt too, when root), lint, typecheck, every test, e2e
// Plain JavaScript on purpose: it runs before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';
const RESULTS = path.join(ROOT, '.tmp', 'results');

const log = (message) => process.stdout.write(`\n[prongsai] ${message}\n`);

function has(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    process.stderr.write(`[prongsai] failed (exit ${status}): ${command} ${args.join(' ')}\n`);
    process.exit(status);
  }
}

/** pnpm itself: the pinned version, installed globally when missing (or run through npx). */
function pnpmCommand() {
  const current = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (current.status === 0 && current.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0]) return ['pnpm'];
  log(`installing pnpm ${PNPM_VERSION}`);
  if (run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0 && has('pnpm')) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function install(pnpm) {
  log('installing dependencies');
  must(pnpm[0], [...pnpm.slice(1), 'install', '--frozen-lockfile']);
  log('generating the Prisma client');
  must(pnpm[0], [...pnpm.slice(1), 'exec', 'prisma', 'generate'], {
    env: { DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused', CHECKPOINT_DISABLE: '1' },
  });
}

function build(pnpm) {
  log('building');
  must(pnpm[0], [...pnpm.slice(1), '-r', 'build']);
}

/** Debian's Chromium for the e2e tests, installed with apt when missing and we are root. */
function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get', ['--version'])) {
    process.stderr.write('[prongsai] Chromium is missing: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH\n');
    process.exit(1);
  }
  log('installing Chromium and a Thai font from apt (about a minute)');
  must('apt-get', ['update', '-qq']);
  must('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-thai-tlwg'], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
  return '/usr/bin/chromium';
}

function start(pnpm) {
  install(pnpm);
  build(pnpm);
  log('starting (Ctrl-C stops the app and its PostgreSQL)');
  const child = spawn(process.execPath, [path.join(ROOT, 'apps', 'api', 'dist', 'main.js')], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Sum the JSON reports of every Vitest project and Playwright into one closing line. */
function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (!fs.existsSync(RESULTS)) return { passed, failed, skipped };
  for (const file of fs.readdirSync(RESULTS)) {
    const report = JSON.parse(fs.readFileSync(path.join(RESULTS, file), 'utf8'));
    if (report.stats && 'expected' in report.stats) {
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
      skipped += report.stats.skipped;
    } else {
      passed += report.numPassedTests ?? 0;
      failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
  return { passed, failed, skipped };
}

function validate(pnpm) {
  install(pnpm);
  const chromium = ensureChromium();
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const steps = [];
  const step = (name, command, args, options) => {
    log(name);
    const status = run(command, args, options);
    steps.push({ name, ok: status === 0 });
  };
  const p = (args, options) => [pnpm[0], [...pnpm.slice(1), ...args], options];

  step('lint', ...p(['run', 'lint']));
  step('format check', ...p(['run', 'format:check']));
  step('typecheck', ...p(['run', 'typecheck']));
  // Built before the tests: some API tests run the bundle as real processes (replicas, crashes).
  step('build', ...p(['-r', 'build']));
  for (const pkg of ['packages/shared', 'packages/db-tools', 'apps/api', 'apps/web']) {
    const name = path.basename(pkg);
    step(
      `unit and API tests: ${pkg}`,
      ...p(
        ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(RESULTS, `vitest-${name}.json`)}`],
        { cwd: path.join(ROOT, pkg) },
      ),
    );
  }
  fs.rmSync(path.join(ROOT, '.tmp', 'e2e'), { recursive: true, force: true });
  step(
    'end-to-end tests (Playwright, Chromium)',
    ...p(['exec', 'playwright', 'test'], {
      cwd: path.join(ROOT, 'e2e'),
      env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(RESULTS, 'playwright.json') },
    }),
  );

  // Keeps the benchmark harness working on a small data set; it never fails on timing.
  step('quick benchmark (harness check)', ...p(['run', 'bench', '--quick']));

  const { passed, failed, skipped } = summarise();
  log('summary');
  for (const { name, ok } of steps) process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}\n`);
  const allOk = steps.every((entry) => entry.ok);
  process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exit(allOk && failed === 0 && passed > 0 ? 0 : 1);
}

const mode = process.argv[2];
if (mode !== 'start' && mode !== 'validate') {
  process.stderr.write('usage: node scripts/bootstrap.mjs <start|validate>\n');
  process.exit(2);
}
const pnpm = pnpmCommand();
if (mode === 'start') start(pnpm);
else validate(pnpm);
