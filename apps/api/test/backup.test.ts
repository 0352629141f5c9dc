import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, ensureDatabase, migrationsDir, repoRoot, startEmbeddedPostgres } from '@prongsai/db-tools';
import { getPrisma } from '../src/lib/prisma';
import { rootDb } from '../src/lib/db';
import { postgresFileStore } from '../src/lib/file-store/postgres-store';
import { pgTool } from '../../../scripts/reliability/pg-connection';
import { reliabilityDir } from '../../../scripts/reliability/api-process';
import { createAgency, createPlan, createUser, sessionCookie } from './factories';
import { databaseFingerprint, usePrivateDatabase, type PrivateDatabase } from './private-database';

/**
 * Backup and restore, end to end through the real scripts (`pnpm db:backup` / `pnpm db:restore`,
 * i.e. tsx scripts/db-*.ts): back up → wipe → restore → every table has the same row count and the
 * same content checksum, the append-only audit trigger and the UNLOGGED counter table included.
 */

const ROOT = repoRoot();
const pgDump = pgTool('pg_dump');
const SKIP_REASON = 'pg_dump (PostgreSQL 15 client tools) is not installed: apt-get install postgresql-client-15';

function runScript(script: 'db-backup.ts' | 'db-restore.ts', args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync('pnpm', ['exec', 'tsx', path.join('scripts', script), ...args], { cwd: ROOT, env: childEnv, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function wipe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

async function seedSomething() {
  const agency = await createAgency({ nameTh: 'องค์การบริหารส่วนตำบลสำรองข้อมูล 🗄️' });
  const plan = await createPlan(agency.id, 2567, 'published', 5);
  const editor = await createUser('agency_editor', { agencyId: agency.id });
  await sessionCookie(editor.id);
  await getPrisma().auditLog.create({
    data: { action: 'create', entityType: 'plan', entityId: plan.id, agencyId: agency.id, changes: { note: 'ก่อนสำรอง' } },
  });
  await getPrisma().$executeRaw`INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES ('public:ip:192.0.2.1', now(), 7)`;
  // An evidence file in the default (PostgreSQL) store: 600 KB of bytes in three chunks, and its record.
  const bytes = randomBytes(600 * 1024);
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-backup-file-'));
  const spooled = path.join(spoolDir, 'evidence.bin');
  fs.writeFileSync(spooled, bytes);
  const fileId = randomUUID();
  await postgresFileStore().put(rootDb(), fileId, { path: spooled, size: bytes.length }, 'application/pdf');
  fs.rmSync(spoolDir, { recursive: true, force: true });
  await getPrisma().evidenceFile.create({
    data: {
      id: fileId,
      measureId: plan.measures[0]!.id,
      agencyId: agency.id,
      name: 'คำสั่ง.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage: 'postgres',
      storageKey: fileId,
    },
  });
  return { agency, plan, file: { id: fileId, bytes } };
}

describe.skipIf(!pgDump)(`backup and restore${pgDump ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let db: PrivateDatabase;
  let folder: string;

  beforeAll(async () => {
    db = await usePrivateDatabase('backup');
    folder = reliabilityDir('backup');
  });

  afterAll(async () => {
    await db?.drop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('when a database is backed up, wiped and restored, then every table has the same rows and checksums as before', async () => {
    // Arrange
    const seeded = await seedSomething();
    const before = await databaseFingerprint(db.url);
    const file = path.join(folder, 'prongsai.dump');

    // Act
    const backup = runScript('db-backup.ts', [file], { DATABASE_URL: db.url });
    await wipe(db.url);
    const wiped = await databaseFingerprint(db.url);
    const restore = runScript('db-restore.ts', [file], { DATABASE_URL: db.url });

    // Assert
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).not.toContain(new URL(db.url).password);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(wiped).toEqual({});
    expect(restore.status, restore.output).toBe(0);
    const after = await databaseFingerprint(db.url);
    expect(after).toEqual(before);
    expect(Object.values(after).reduce((sum, table) => sum + table.rows, 0)).toBeGreaterThan(10);
    // The evidence file's bytes came back whole with the database (ADR 015: one backup holds everything).
    expect(after['StoredFileChunk']?.rows).toBe(3);
    const restored = Buffer.concat(await (await postgresFileStore().get(rootDb(), seeded.file.id)).toArray());
    expect(restored.equals(seeded.file.bytes)).toBe(true);
  }, 120_000);

  it('when the restored database is used, then the audit log is still append-only and the counter table still UNLOGGED', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(client.query('DELETE FROM "AuditLog"')).rejects.toThrow();
      const persistence = await client.query<{ p: string }>(
        `SELECT relpersistence::text AS p FROM pg_class WHERE relname = 'RateLimitCounter'`,
      );
      expect(persistence.rows).toEqual([{ p: 'u' }]);
    } finally {
      await client.end();
    }
  });

  it('when a restore fails part-way (a damaged file), then the database is left exactly as it was', async () => {
    // Arrange
    const before = await databaseFingerprint(db.url);
    const good = path.join(folder, 'prongsai.dump');
    const damaged = path.join(folder, 'damaged.dump');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    // Act
    const restore = runScript('db-restore.ts', [damaged], { DATABASE_URL: db.url });

    // Assert
    expect(restore.status).not.toBe(0);
    expect(await databaseFingerprint(db.url)).toEqual(before);
  }, 120_000);

  it('when DATABASE_URL is unset, then the scripts start the embedded cluster of PG_DATA_DIR themselves, back it up and restore it', async () => {
    // Arrange: a stopped embedded cluster with a migrated database and a row of data.
    const dataDir = path.join(folder, 'pg');
    const server = await startEmbeddedPostgres({ dataDir });
    const url = server.url('prongsai');
    try {
      await ensureDatabase(server.url('postgres'), 'prongsai');
      await applyMigrations(url, migrationsDir(ROOT));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO "Province" (id, "nameTh", "nameEn") VALUES (49, 'มุกดาหาร', 'Mukdahan')`);
      await client.end();
    } finally {
      await server.stop();
    }
    const file = path.join(folder, 'embedded.dump');

    // Act
    const backup = runScript('db-backup.ts', [file], { DATABASE_URL: undefined, PG_DATA_DIR: dataDir });
    const restarted = await startEmbeddedPostgres({ dataDir });
    await wipe(restarted.url('prongsai'));
    await restarted.stop();
    const restore = runScript('db-restore.ts', [file], { DATABASE_URL: undefined, PG_DATA_DIR: dataDir });

    // Assert
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toContain('started for this command');
    expect(restore.status, restore.output).toBe(0);
    const check = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: check.url('prongsai') });
      await client.connect();
      const rows = await client.query('SELECT "nameEn" FROM "Province"');
      await client.end();
      expect(rows.rows).toEqual([{ nameEn: 'Mukdahan' }]);
    } finally {
      await check.stop();
    }
  }, 180_000);
});
