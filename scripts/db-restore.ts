// pnpm db:restore FILE [--yes]: replace the database (DATABASE_URL, or the embedded cluster of
// `pnpm start`) with a dump made by `pnpm db:backup`, in one transaction: it fully succeeds or
// changes nothing. Stop the app first. On a terminal it asks before replacing anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { libpqEnv, pgTool, resolveTarget } from './reliability/pg-connection';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file || !fs.existsSync(file)) {
  process.stderr.write(`usage: pnpm db:restore FILE [--yes]${file ? ` (no such file: ${file})` : ''}\n`);
  process.exit(2);
}
const pgRestore = pgTool('pg_restore');
if (!pgRestore) {
  process.stderr.write('pg_restore (PostgreSQL 15 client) was not found: apt-get install postgresql-client-15\n');
  process.exit(1);
}

const target = await resolveTarget();
let status = 1;
try {
  if (process.stdin.isTTY && !args.includes('--yes')) {
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(`Replace ALL data of ${target.describe} with ${path.basename(file)}? Type "restore": `);
    prompt.close();
    if (answer.trim() !== 'restore') {
      process.stdout.write('nothing changed\n');
      process.exit(1);
    }
  }
  process.stdout.write(`restoring ${file} into ${target.describe}\n`);
  const result = spawnSync(
    pgRestore,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${libpqEnv(target.url).PGDATABASE}`,
      file,
    ],
    { env: libpqEnv(target.url), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  status = result.status ?? 1;
  process.stdout.write(status === 0 ? 'restored\n' : `pg_restore failed (exit ${status}); the database is unchanged\n`);
} finally {
  await target.release();
}
process.exit(status);
