import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations, dropDatabase, ensureDatabase, migrationsDir, repoRoot } from '@prongsai/db-tools';
import { disconnectPrisma } from '../src/lib/prisma';

/**
 * A database of the test's own on the test server, migrated like every other: tests that assert
 * exact row counts or audit totals cannot share a database with test files running in parallel.
 * Call in `beforeAll`, before anything touches Prisma; it points DATABASE_URL (and so getPrisma)
 * at the new database. `drop()` removes it.
 */
export interface PrivateDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export const serverUrlOf = (databaseUrl: string, database = 'postgres') => {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function usePrivateDatabase(label: string): Promise<PrivateDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set (the API test global setup provides it)');
  const name = `prongsai_${label}_${randomBytes(4).toString('hex')}`;
  const server = serverUrlOf(base);
  await ensureDatabase(server, name);
  const url = serverUrlOf(base, name);
  await applyMigrations(url, migrationsDir(repoRoot()));
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
  return {
    url,
    name,
    drop: async () => {
      await disconnectPrisma();
      await dropDatabase(server, name);
    },
  };
}

/** Tables whose rows change on reads by design: sessions slide, counters count. */
const VOLATILE = new Set(['Session', 'RateLimitCounter', '_prisma_migrations']);

export interface TableFingerprint {
  rows: number;
  /** md5 over every row's text, in a stable order; empty for volatile tables (count only). */
  md5: string;
}

/**
 * Row count and content checksum of every table of the database: two equal fingerprints mean
 * no row was added, removed or changed (volatile tables: no row added or removed).
 */
export async function databaseFingerprint(connectionString: string): Promise<Record<string, TableFingerprint>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { name } of tables.rows) {
      const ident = `"${name.replaceAll('"', '""')}"`;
      const volatile = VOLATILE.has(name);
      const row = await client.query<{ rows: number; md5: string }>(
        volatile
          ? `SELECT count(*)::int AS rows, '' AS md5 FROM ${ident}`
          : `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM ${ident} t`,
      );
      result[name] = row.rows[0]!;
    }
    return result;
  } finally {
    await client.end();
  }
}
