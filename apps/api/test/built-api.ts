import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@prongsai/db-tools';

const API_DIR = path.resolve(__dirname, '..');
const MAIN = path.join(API_DIR, 'dist', 'main.js');

/** Build the API bundle when it is missing (`npm run validate` builds before the tests). */
export function ensureBuiltApi(): string {
  if (!fs.existsSync(MAIN)) {
    const result = spawnSync(process.execPath, ['build.mjs'], { cwd: API_DIR, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('building the API failed');
  }
  return MAIN;
}

export interface RunningApi {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Start the built API as a real separate process and wait until /api/v1/health answers. */
export async function startBuiltApi(env: Record<string, string>): Promise<RunningApi> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [ensureBuiltApi()], {
    cwd: path.resolve(API_DIR, '..', '..'),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the API did not start in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
