import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import { repoRoot } from './paths';
import { postgresSettings } from './postgres-settings';

/**
 * deploy/postgres/tuning.conf is the one list of PostgreSQL's settings for the production-like paths
 * (ADR 035): docker-compose's database includes it, the benchmark's embedded server is started with it.
 * Both paths are run here on a real PostgreSQL; only the Docker image itself is not (no engine here).
 */

const ROOT = repoRoot();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-pg-settings-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function show(url: string, names: string[]): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shown: Record<string, string> = {};
    for (const name of names) shown[name] = (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    return shown;
  } finally {
    await client.end();
  }
}

describe('deploy/postgres/tuning.conf', () => {
  it('when the list is read, then it holds the memory and checkpoint settings the save target was measured with', () => {
    expect(postgresSettings()).toEqual({ shared_buffers: '1GB', max_wal_size: '4GB', checkpoint_timeout: '15min' });
  });

  it('when a line is not a setting, then reading the list fails with its line number', () => {
    // Arrange: a checkout whose list has a typo
    const root = path.join(workDir, 'bad');
    fs.mkdirSync(path.join(root, 'deploy', 'postgres'), { recursive: true });
    fs.writeFileSync(path.join(root, 'deploy', 'postgres', 'tuning.conf'), "# ok\nwork_mem = '8MB'\nshared buffers = 1GB\n");

    // Act + Assert
    expect(() => postgresSettings(root)).toThrow(/tuning\.conf:3: not a `name = value` setting/);
  });

  it('when the embedded server is started with the list (the benchmark), then PostgreSQL runs with every setting', async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'flags'), settings: postgresSettings() });
    try {
      expect(await show(server.url('postgres'), Object.keys(postgresSettings()))).toEqual(postgresSettings());
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("when PostgreSQL reads docker-compose's configuration file, then the data directory's settings apply and ours win", async () => {
    // Arrange: the compose file starts the image's server on deploy/postgres/postgresql.conf
    const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain("command: ['postgres', '-c', 'config_file=/etc/postgresql/prongsai/postgresql.conf']");
    expect(compose).toContain('- ./deploy/postgres:/etc/postgresql/prongsai:ro');
    // A cluster as the image leaves it (initdb writes shared_buffers = 128MB into its postgresql.conf), with a mark of its own
    const dataDir = path.join(workDir, 'compose');
    await (await startEmbeddedPostgres({ dataDir })).stop();
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), "\ncluster_name = 'written-by-the-image'\n");
    expect(fs.readFileSync(path.join(dataDir, 'postgresql.conf'), 'utf8')).toMatch(/^shared_buffers = 128MB/m);
    // deploy/postgres as mounted, the image's data directory being this cluster's
    const configDir = path.join(workDir, 'etc-postgresql-prongsai');
    fs.mkdirSync(configDir, { mode: 0o755 });
    for (const file of fs.readdirSync(path.join(ROOT, 'deploy', 'postgres'))) {
      const text = fs.readFileSync(path.join(ROOT, 'deploy', 'postgres', file), 'utf8');
      fs.writeFileSync(path.join(configDir, file), text.replaceAll('/var/lib/postgresql/data', dataDir), { mode: 0o644 });
    }

    // Act
    const server = await startEmbeddedPostgres({ dataDir, settings: { config_file: path.join(configDir, 'postgresql.conf') } });
    let shown: Record<string, string>;
    try {
      shown = await show(server.url('postgres'), ['cluster_name', ...Object.keys(postgresSettings())]);
    } finally {
      await server.stop();
    }

    // Assert
    expect(shown).toEqual({ cluster_name: 'written-by-the-image', ...postgresSettings() });
  }, 60_000);
});
