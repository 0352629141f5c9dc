// pnpm db:new-migration <name>: write prisma/migrations/<timestamp>_<name>/migration.sql for the
// difference between the committed migrations and prisma/schema.prisma (docs/decisions/002-migrations.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration, startEmbeddedPostgres } from '@prongsai/db-tools';

const name = process.argv[2];
if (!name) {
  process.stderr.write('usage: pnpm db:new-migration <name>   (lower-case letters, digits and _)\n');
  process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-new-migration-'));
const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
try {
  const folder = await createMigration({ name, serverUrl: process.env.DATABASE_URL ?? server!.url('postgres') });
  process.stdout.write(
    folder
      ? `created ${path.relative(process.cwd(), folder)}/migration.sql — review it, then commit it\n`
      : 'schema.prisma matches the migrations: nothing to do\n',
  );
} finally {
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
