import path from 'node:path';
import pg from 'pg';
import {
  applyMigrations,
  dropDatabase,
  ensureDatabase,
  migrationsDir,
  postgresSettings,
  repoRoot,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@prongsai/db-tools';

/** Everything the benchmark writes on disk stays under .tmp/bench (git-ignored). */
export const BENCH_DIR = path.join(repoRoot(), '.tmp', 'bench');

/** Bump when the generator changes what it writes: an older data set is then rebuilt, not reused. */
export const DATASET_VERSION = 6;

export interface DatasetMarker {
  kind: 'prongsai-national';
  version: number;
  seed: number;
  scale: number;
  loadedAt: string;
  seconds: number;
}

export interface BenchDatabase {
  url: string;
  /** Our own embedded cluster (undefined when DATABASE_URL was given). */
  embedded?: EmbeddedPostgres;
  /** The URL of the server's maintenance database, to drop and recreate ours. */
  serverUrl: string;
  name: string;
  stop(): Promise<void>;
}

export const databaseName = (quick: boolean) => (quick ? 'prongsai_national_quick' : 'prongsai_national');

/** DATABASE_URL as given, or an embedded PostgreSQL in .tmp/bench/pg with one database per scale. */
export async function openDatabase(
  quick: boolean,
  log: (line: string) => void,
  onServerLog?: (line: string) => void,
): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const url = new URL(given);
    const name = decodeURIComponent(url.pathname.slice(1));
    url.pathname = '/postgres';
    return { url: given, serverUrl: url.toString(), name, stop: async () => undefined };
  }
  const started = Date.now();
  // The production-like settings docker-compose's database runs with (deploy/postgres/tuning.conf, ADR 035).
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DIR, 'pg'), onLog: onServerLog, settings: postgresSettings() });
  const name = databaseName(quick);
  await ensureDatabase(embedded.url('postgres'), name);
  log(
    `embedded PostgreSQL on 127.0.0.1:${embedded.port} (${path.relative(repoRoot(), path.join(BENCH_DIR, 'pg'))}), database ${name}, ${Date.now() - started} ms`,
  );
  return { url: embedded.url(name), embedded, serverUrl: embedded.url('postgres'), name, stop: () => embedded.stop() };
}

export async function migrate(url: string, log: (line: string) => void): Promise<void> {
  const result = await applyMigrations(url, migrationsDir(repoRoot()), log);
  log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
}

/** Drop and recreate the database (the append-only audit table refuses TRUNCATE, so no table-by-table wipe). */
export async function recreateDatabase(database: BenchDatabase): Promise<void> {
  await dropDatabase(database.serverUrl, database.name);
  await ensureDatabase(database.serverUrl, database.name);
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The data set's marker is the database comment: invisible to Prisma and the API. */
export async function readMarker(client: pg.ClientBase): Promise<DatasetMarker | null> {
  const { rows } = await client.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
  );
  try {
    const parsed = JSON.parse(rows[0]?.comment ?? 'null') as DatasetMarker | null;
    return parsed?.kind === 'prongsai-national' ? parsed : null;
  } catch {
    return null;
  }
}

export async function writeMarker(client: pg.ClientBase, marker: DatasetMarker): Promise<void> {
  const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
  const ident = `"${rows[0]!.name.replaceAll('"', '""')}"`;
  const literal = `'${JSON.stringify(marker).replaceAll("'", "''")}'`;
  await client.query(`COMMENT ON DATABASE ${ident} IS ${literal}`);
}

export const markerMatches = (marker: DatasetMarker | null, seed: number, scale: number): boolean =>
  marker !== null && marker.version === DATASET_VERSION && marker.seed === seed && marker.scale === scale;

/** Agencies already in the database (0 before the migrations ran). */
export async function countAgencies(client: pg.ClientBase): Promise<number> {
  const { rows: tables } = await client.query<{ table: string | null }>(`SELECT to_regclass('"Agency"')::text AS table`);
  if (!tables[0]?.table) return 0;
  const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM "Agency"');
  return Number(rows[0]!.count);
}
