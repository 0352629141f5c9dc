import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiNodeOptions } from '@prongsai/db-tools';

/**
 * Start and stop the BUILT API (`node apps/api/dist/main.js`) as a child process with its own
 * embedded PostgreSQL, for the crash test and the load test. Ports 3500–3599 only; data under
 * .tmp/reliability/ only. The child leads its own process group, so a crash can take it and its
 * PostgreSQL down together (SIGKILL to the group) or the API alone (SIGKILL to the pid).
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RELIABILITY_DIR = path.join(ROOT, '.tmp', 'reliability');
const MAIN = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');
const API_SRC = path.join(ROOT, 'apps', 'api', 'src');
const SHARED_SRC = path.join(ROOT, 'packages', 'shared', 'src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|csv|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Build the API bundle when it is missing or older than its sources. */
export function ensureBuilt(log: (line: string) => void = () => undefined): void {
  const builtAt = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  if (builtAt > Math.max(newestMtime(API_SRC), newestMtime(SHARED_SRC))) return;
  log('building the API (pnpm --filter @prongsai/api build)');
  const result = spawnSync('pnpm', ['--filter', '@prongsai/api', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`API build failed:\n${result.stdout}\n${result.stderr}`);
}

/** A fresh folder under .tmp/reliability/ (the only place these tools write data). */
export function reliabilityDir(name: string): string {
  const dir = path.join(RELIABILITY_DIR, `${name}-${process.pid}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export async function freePort(from = 3500, to = 3599): Promise<number> {
  const size = to - from + 1;
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i += 1) {
    const port = from + ((offset + i) % size);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export interface ApiProcess {
  pid: number;
  port: number;
  baseUrl: string;
  dataDir: string;
  logFile: string;
  /** Resolves when the process has exited (with its code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Graceful stop (SIGTERM), waiting for the exit. If the API has not exited after `timeoutMs`,
   * the group is SIGKILLed so nothing is left running, and `clean` is false.
   */
  stop(timeoutMs?: number): Promise<{ clean: boolean; code: number | null }>;
}

export interface StartOptions {
  /** Holds `pg/` (the embedded cluster) and `api.log`. */
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for /api/v1/health to answer 200. */
  readyTimeoutMs?: number;
  /** Extra arguments for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /**
   * A PostgreSQL the caller runs (and may stop and restart under the API); by default the API starts
   * the embedded cluster of `dataDir` itself.
   */
  databaseUrl?: string;
}

export async function startBuiltApi(options: StartOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const logFile = path.join(options.dataDir, 'api.log');
  const out = fs.openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    PG_DATA_DIR: path.join(options.dataDir, 'pg'),
    SEED_DEMO: 'true',
    ...options.env,
  };
  delete env.DATABASE_URL; // the embedded cluster of dataDir, unless the caller runs its own
  delete env.TEST_DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, [...apiNodeOptions(), ...(options.nodeArgs ?? []), MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    pid: child.pid!,
    port,
    baseUrl,
    dataDir: options.dataDir,
    logFile,
    exited,
    stop: async (timeoutMs = 60_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return { clean: child.exitCode === 0, code: child.exitCode };
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        exited,
        new Promise<'hung'>((resolve) => {
          timer = setTimeout(() => resolve('hung'), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (outcome === 'hung') {
        signalGroup(child.pid!, 'SIGKILL'); // our own child, stuck: never leave it running
        await exited;
        return { clean: false, code: null };
      }
      return { clean: outcome.code === 0, code: outcome.code };
    },
  };
  const ready = await Promise.race([waitForHealth(baseUrl, options.readyTimeoutMs ?? 180_000).then(() => true), exited.then(() => false)]);
  if (!ready) {
    throw new Error(`the API exited during start-up; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
  }
  return api;
}

export async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl} was not healthy within ${timeoutMs} ms (${last})`);
}

/** Signal the whole process group (the API and its PostgreSQL), ignoring a group already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The embedded cluster's connection URL for a database, read from its data folder. */
export function embeddedUrl(dataDir: string, database = 'prongsai'): string {
  const pgDir = path.join(dataDir, 'pg');
  const password = fs.readFileSync(path.join(pgDir, 'prongsai-password'), 'utf8').trim();
  const lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(lines[3]);
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The postmaster's pid from postmaster.pid, when the file exists. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Sign in through the API and return the session cookie. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-prongsai-csrf': '1' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

export const DEMO_PASSWORD = 'Prongsai-Demo-2569';
export const DEMO_ADMIN = 'admin@prongsai.example';
export const DEMO_EDITOR = 'editor@bangsainoi.example';
