// pnpm db:backup [FILE]: a consistent dump (one snapshot) of DATABASE_URL, or of the embedded cluster
// of `pnpm start`, in pg_dump's custom format. Default FILE: .data/backups/prongsai-<UTC time>.dump.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './reliability/api-process';
import { libpqEnv, pgTool, resolveTarget } from './reliability/pg-connection';

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const file = path.resolve(process.argv[2] ?? path.join(ROOT, '.data', 'backups', `prongsai-${stamp}.dump`));
const pgDump = pgTool('pg_dump');
if (!pgDump) {
  process.stderr.write('pg_dump (PostgreSQL 15 client) was not found: apt-get install postgresql-client-15\n');
  process.exit(1);
}

const target = await resolveTarget();
let status = 1;
try {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  process.stdout.write(`backing up ${target.describe}\n`);
  // pg_dump reads every table in one repeatable-read snapshot: the dump is consistent while the app runs.
  const result = spawnSync(pgDump, ['--format=custom', '--no-owner', '--no-privileges', '--compress=6', `--file=${partial}`], {
    env: libpqEnv(target.url),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  status = result.status ?? 1;
  if (status === 0) {
    fs.renameSync(partial, file); // never a half-written file under the final name
    process.stdout.write(`wrote ${file} (${(fs.statSync(file).size / 1024 / 1024).toFixed(2)} MB)\n`);
  } else {
    fs.rmSync(partial, { force: true });
    process.stderr.write(`pg_dump failed (exit ${status})\n`);
  }
} finally {
  await target.release();
}
process.exit(status);
