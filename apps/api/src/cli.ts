import { applyMigrations, migrationsDir, repoRoot } from '@prongsai/db-tools';
import { seedDemo } from './db/seed';
import { disconnectPrisma, getPrisma } from './lib/prisma';

/** Operational commands for containers and scripts: `node dist/cli.js migrate|seed`. */
async function run(command: string | undefined): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL is not set\n');
    return 2;
  }
  switch (command) {
    case 'migrate': {
      const result = await applyMigrations(databaseUrl, migrationsDir(repoRoot()), (line) => process.stdout.write(`${line}\n`));
      process.stdout.write(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied\n`);
      return 0;
    }
    case 'seed':
      await seedDemo(getPrisma(), (line) => process.stdout.write(`${line}\n`));
      return 0;
    default:
      process.stderr.write('usage: cli <migrate|seed>\n');
      return 2;
  }
}

run(process.argv[2])
  .then(async (code) => {
    await disconnectPrisma();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    await disconnectPrisma();
    process.exit(1);
  });
