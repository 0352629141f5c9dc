// pnpm db:reset: drop the database, recreate it, apply every migration and seed the demo data.
// Only for development: it refuses a DATABASE_URL unless ALLOW_RESET=yes.
import { applyMigrations, defaultDataDir, dropDatabase, ensureDatabase, migrationsDir, startEmbeddedPostgres } from '@prongsai/db-tools';

if (process.env.DATABASE_URL && process.env.ALLOW_RESET !== 'yes') {
  process.stderr.write('db:reset drops the database at DATABASE_URL: set ALLOW_RESET=yes if you mean it\n');
  process.exit(2);
}
const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR ?? defaultDataDir() });
try {
  const target = new URL(process.env.DATABASE_URL ?? server!.url('prongsai'));
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(target);
  admin.pathname = '/postgres';
  await dropDatabase(admin.toString(), database);
  await ensureDatabase(admin.toString(), database);
  await applyMigrations(target.toString(), migrationsDir(), (line) => process.stdout.write(`${line}\n`));
  process.env.DATABASE_URL = target.toString();
  const { seedDemo } = await import('../apps/api/src/db/seed');
  const { disconnectPrisma, getPrisma } = await import('../apps/api/src/lib/prisma');
  await seedDemo(getPrisma(), (line) => process.stdout.write(`${line}\n`));
  await disconnectPrisma();
  process.stdout.write(`database ${database} reset and seeded\n`);
} finally {
  await server?.stop();
}
