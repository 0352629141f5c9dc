import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { MAIL_PORT, PORT, SMTP_PORT } from './ports';

// e2e/package.json has "type": "module": there is no __dirname here.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * End-to-end tests drive Debian's Chromium against the built app: the real API, serving the
 * built SPA, on a fresh embedded PostgreSQL seeded with the demo data (.tmp/e2e is wiped by
 * `npm run validate` before each run).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a failure to look into, not a pass.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // Started in this order: the mail server first, so the API's e-mail worker finds it at once.
  webServer: [
    {
      command: `pnpm exec tsx ${path.join(ROOT, 'e2e', 'mail-sink.ts')}`,
      cwd: ROOT,
      url: `http://127.0.0.1:${MAIL_PORT}/messages`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAIL_PORT: String(MAIL_PORT) },
    },
    {
      command: `node ${path.join(ROOT, 'apps', 'api', 'dist', 'main.js')}`,
      cwd: ROOT,
      url: `http://localhost:${PORT}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        PORT: String(PORT),
        PG_DATA_DIR: path.join(ROOT, '.tmp', 'e2e', 'pg'),
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // The real public rate limit, with room for one test runner calling from one IP.
        PUBLIC_RATE_LIMIT_PER_MINUTE: '2000',
        // E-mail goes to the mail sink over SMTP; the worker polls every second so a journey waits little.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_FROM: 'Prongsai e2e <no-reply@prongsai.example>',
        // Links the server writes (report permalinks of evidence files, e-mails) point at this server.
        APP_URL: `http://localhost:${PORT}`,
        MAIL_POLL_SECONDS: '1',
      },
    },
  ],
});
