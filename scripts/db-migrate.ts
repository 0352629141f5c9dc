// pnpm db:migrate: apply pending migrations to DATABASE_URL, or to the embedded cluster of `pnpm start`.
import { applyMigrations, defaultDataDir, ensureDatabase, migrationsDir, startEmbeddedPostgres } from '@prongsai/db-tools';

const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR ?? defaultDataDir() });
try {
  if (server) await ensureDatabase(server.url('postgres'), 'prongsai');
  const result = await applyMigrations(process.env.DATABASE_URL ?? server!.url('prongsai'), migrationsDir(), (line) =>
    process.stdout.write(`${line}\n`),
  );
  process.stdout.write(`${result.applied.length} applied, ${result.alreadyApplied} already applied\n`);
} finally {
  await server?.stop();
}
