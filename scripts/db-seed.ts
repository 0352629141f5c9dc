// pnpm db:seed: the demo data set (idempotent) into DATABASE_URL, or into the embedded cluster of `pnpm start`.
// SEED_DATE=2027-03-01 seeds as if that were today (the current fiscal year comes from it).
import { applyMigrations, defaultDataDir, ensureDatabase, migrationsDir, startEmbeddedPostgres } from '@prongsai/db-tools';

const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR ?? defaultDataDir() });
try {
  if (server) {
    await ensureDatabase(server.url('postgres'), 'prongsai');
    process.env.DATABASE_URL = server.url('prongsai');
  }
  await applyMigrations(process.env.DATABASE_URL!, migrationsDir());
  // Loaded after DATABASE_URL is known: the Prisma client reads it when first used.
  const { seedDemo } = await import('../apps/api/src/db/seed');
  const { disconnectPrisma, getPrisma } = await import('../apps/api/src/lib/prisma');
  const now = process.env.SEED_DATE ? new Date(process.env.SEED_DATE) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`SEED_DATE is not a date: ${process.env.SEED_DATE}`);
  await seedDemo(getPrisma(), (line) => process.stdout.write(`${line}\n`), { now });
  await disconnectPrisma();
} finally {
  await server?.stop();
}
