import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { apiNodeOptions, repoRoot } from '@prongsai/db-tools';

export interface Server {
  name: string;
  pid: number;
  baseUrl: string;
  /** SIGTERM, then wait for the exit (the API stops its pool cleanly; never SIGKILL it). */
  stop(): Promise<void>;
}

const API_ENTRY = path.join(repoRoot(), 'apps', 'api', 'dist', 'main.js');

/** Build the API bundle when it is missing (the bench measures the built API, as it runs in production). */
export function ensureApiBuilt(log: (line: string) => void): void {
  if (fs.existsSync(API_ENTRY)) return;
  log('apps/api/dist is missing: pnpm --filter @prongsai/api build');
  const result = spawnSync('pnpm', ['--filter', '@prongsai/api', 'build'], { cwd: repoRoot(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the API build failed');
}

/** The built API against the bench database, with production's Node options: no demo seeding, quiet logs, no public rate limit. */
export function startApi(port: number, databaseUrl: string, checkout = repoRoot()): Promise<Server> {
  const child = spawn(process.execPath, [...apiNodeOptions(checkout), path.join(checkout, 'apps', 'api', 'dist', 'main.js')], {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return started('api', child, `http://127.0.0.1:${port}`, '/api/v1/health');
}

/** The limit server (scripts/bench/limit-server.ts) in its own Node process. */
export function startLimit(port: number, databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'scripts', 'bench', 'limit-server.ts')], {
    cwd: repoRoot(),
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return started('limit', child, `http://127.0.0.1:${port}`, '/');
}

async function started(name: string, child: ChildProcess, baseUrl: string, probe: string): Promise<Server> {
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${baseUrl}${probe}`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${name} did not start (exit code ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name,
    pid: child.pid!,
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}
