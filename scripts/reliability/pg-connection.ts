import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedPostgres } from '@prongsai/db-tools';

/**
 * The database that `pnpm db:backup` / `db:restore` work on: DATABASE_URL when set, otherwise the
 * embedded cluster of `pnpm start` (PG_DATA_DIR or .data/postgres) — reached where it already runs
 * (the app is up), or started for the duration of the command and stopped afterwards.
 */
export interface Target {
  url: string;
  /** Where it came from, for messages (the password is never printed). */
  describe: string;
  release(): Promise<void>;
}

const DATABASE = 'prongsai';

function runningEmbedded(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file: startEmbeddedPostgres cleans it up
  }
  const port = Number(lines[3]);
  const password = fs.readFileSync(path.join(dataDir, 'prongsai-password'), 'utf8').trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

export async function resolveTarget(): Promise<Target> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return {
      url: process.env.DATABASE_URL,
      describe: `DATABASE_URL (${url.hostname}:${url.port || 5432}${url.pathname})`,
      release: async () => undefined,
    };
  }
  const dataDir = path.resolve(process.env.PG_DATA_DIR ?? defaultDataDir());
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `No database: DATABASE_URL is unset and ${dataDir} holds no PostgreSQL cluster (run \`pnpm start\` once, or set DATABASE_URL).`,
    );
  }
  const running = runningEmbedded(dataDir);
  if (running) return { url: running, describe: `the running embedded cluster in ${dataDir}`, release: async () => undefined };
  const server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
  return {
    url: server.url(DATABASE),
    describe: `the embedded cluster in ${dataDir} (started for this command)`,
    release: () => server.stop(),
  };
}

/** The PostgreSQL 15 client tool: Debian's versioned folder first, then PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql'): string | undefined {
  for (const candidate of [`/usr/lib/postgresql/15/bin/${name}`]) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync(name, ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? name : undefined;
}

/** libpq environment for a URL, so the password never appears on a command line (ps shows those). */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    PGSSLMODE: url.searchParams.get('sslmode') ?? process.env.PGSSLMODE ?? 'prefer',
    PGCONNECT_TIMEOUT: '10',
  };
}
