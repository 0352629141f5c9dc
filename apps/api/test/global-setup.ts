import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations, ensureDatabase, migrationsDir, repoRoot, startEmbeddedPostgres } from '@prongsai/db-tools';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * A real PostgreSQL for the API tests: a throw-away embedded cluster per run (or the server of
 * TEST_DATABASE_URL when given), migrated with the same runner `pnpm start` uses.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await applyMigrations(external, migrationsDir(repoRoot()));
    project.provide('databaseUrl', external);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-api-test-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg') });
  await ensureDatabase(server.url('postgres'), 'prongsai_test');
  const url = server.url('prongsai_test');
  await applyMigrations(url, migrationsDir(repoRoot()));
  project.provide('databaseUrl', url);
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
