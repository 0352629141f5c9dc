import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, ensureDatabase, type EmbeddedPostgres } from './embedded-postgres';
import { applyMigrations, readMigrations } from './migrate';
import { createMigration } from './new-migration';
import { migrationsDir, repoRoot } from './paths';

let server: EmbeddedPostgres;
let workDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-migrations-'));
  server = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function columnsOf(url: string, table: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_name = $1',
      [table],
    );
    return rows.map((row) => row.column_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('when the committed migrations are diffed against schema.prisma, then there is no drift', async () => {
    const created = await createMigration({
      name: 'drift_check',
      serverUrl: server.url('postgres'),
      migrationsDir: migrationsDir(),
      schemaPath: path.join(repoRoot(), 'prisma', 'schema.prisma'),
    });

    expect(created).toBeNull();
  }, 120_000);

  it('when the schema gains a field, then a new migration is written and the runner applies it once', async () => {
    // Arrange: a copy of the schema and migrations with one more column.
    const migrations = path.join(workDir, 'migrations');
    fs.cpSync(migrationsDir(), migrations, { recursive: true });
    const schema = path.join(workDir, 'schema.prisma');
    const original = fs.readFileSync(path.join(repoRoot(), 'prisma', 'schema.prisma'), 'utf8');
    fs.writeFileSync(schema, original.replace('  region    String?\n', '  region    String?\n  motto     String?\n'));

    // Act
    const folder = await createMigration({
      name: 'add_province_motto',
      serverUrl: server.url('postgres'),
      migrationsDir: migrations,
      schemaPath: schema,
    });
    await ensureDatabase(server.url('postgres'), 'roundtrip');
    const first = await applyMigrations(server.url('roundtrip'), migrations);
    const second = await applyMigrations(server.url('roundtrip'), migrations);

    // Assert
    expect(folder).not.toBeNull();
    expect(fs.readFileSync(path.join(folder!, 'migration.sql'), 'utf8')).toMatch(/ALTER TABLE "Province" ADD COLUMN\s+"motto" TEXT/);
    expect(first.applied).toHaveLength(readMigrations(migrations).length);
    expect(second.applied).toEqual([]);
    expect(await columnsOf(server.url('roundtrip'), 'Province')).toContain('motto');
  }, 120_000);

  it('when an applied migration is edited, then the runner refuses to start', async () => {
    const migrations = path.join(workDir, 'edited');
    fs.cpSync(migrationsDir(), migrations, { recursive: true });
    await ensureDatabase(server.url('postgres'), 'edited');
    await applyMigrations(server.url('edited'), migrations);
    const first = readMigrations(migrations)[0]!;
    fs.appendFileSync(path.join(migrations, first.name, 'migration.sql'), '\n-- edited\n');

    await expect(applyMigrations(server.url('edited'), migrations)).rejects.toThrow(/changed after it was applied/);
  }, 60_000);

  it('when a migration fails, then nothing of it stays and it is not recorded', async () => {
    const migrations = path.join(workDir, 'failing');
    fs.cpSync(migrationsDir(), migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, '29990101000000_broken'));
    fs.writeFileSync(
      path.join(migrations, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n',
    );
    await ensureDatabase(server.url('postgres'), 'failing');

    await expect(applyMigrations(server.url('failing'), migrations)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await columnsOf(server.url('failing'), 'Half')).toEqual([]);
  }, 60_000);
});
