import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export interface NewMigrationOptions {
  /** A name such as `add_agency_note`; the folder gets a UTC timestamp prefix. */
  name: string;
  /** A PostgreSQL server URL (any database) the CLI can create its shadow database on. */
  serverUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
  now?: Date;
}

const EMPTY = /^\s*-- This is an empty migration\.\s*$/;

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Run `prisma migrate diff` (WebAssembly engine, see docs/decisions/002-migrations.md). */
export function diffMigrationsToSchema(serverUrl: string, migrationsDir: string, schemaPath: string): Promise<string> {
  const root = repoRoot();
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  const args = ['migrate', 'diff', '--from-migrations', migrationsDir, '--to-schema-datamodel', schemaPath, '--script'];
  return new Promise((resolve, reject) => {
    const child = spawn(prisma, args, {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: serverUrl,
        CHECKPOINT_DISABLE: '1',
        // Any existing file: stops the CLI from downloading a query engine it does not need here.
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`prisma migrate diff failed (${code}):\n${stderr}`))));
  });
}

/** Write a new migration folder for the difference between the migrations and the schema; null when none. */
export async function createMigration(options: NewMigrationOptions): Promise<string | null> {
  const root = repoRoot();
  const schemaPath = options.schemaPath ?? path.join(root, 'prisma', 'schema.prisma');
  const migrationsDir = options.migrationsDir ?? path.join(root, 'prisma', 'migrations');
  if (!/^[a-z0-9_]+$/.test(options.name)) throw new Error('migration name: lower-case letters, digits and _ only');
  const sql = await diffMigrationsToSchema(options.serverUrl, migrationsDir, schemaPath);
  if (EMPTY.test(sql) || sql.trim() === '') return null;
  const folder = path.join(migrationsDir, `${timestamp(options.now ?? new Date())}_${options.name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'migration.sql'), sql);
  return folder;
}
