import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-embedded-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  it('when started twice on the same folder, then the data survives the restart', async () => {
    const dataDir = path.join(workDir, 'restart');
    const first = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: first.url('postgres') });
    await client.connect();
    await client.query('CREATE TABLE kept (value text)');
    await client.query("INSERT INTO kept VALUES ('ยังอยู่')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const again = new pg.Client({ connectionString: second.url('postgres') });
    await again.connect();
    const { rows } = await again.query<{ value: string }>('SELECT value FROM kept');
    await again.end();
    await second.stop();

    expect(rows).toEqual([{ value: 'ยังอยู่' }]);
  }, 60_000);

  it('when the owning process was SIGKILLed, then the next start stops the orphan and recovers', async () => {
    // Arrange: a child process starts PostgreSQL and is killed with SIGKILL, orphaning the postmaster.
    const dataDir = path.join(workDir, 'killed');
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(__dirname, 'embedded-postgres.ts'))};
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      console.log('READY ' + server.port); setInterval(() => {}, 1000);`;
    const scriptFile = path.join(workDir, 'hold.mts');
    fs.writeFileSync(scriptFile, script);
    // node itself (not the tsx wrapper, which would survive as a second process) holds the server.
    const child = spawn(process.execPath, ['--import', 'tsx', scriptFile], {
      cwd: path.resolve(__dirname, '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve()));
    const orphanPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(isAlive(orphanPid)).toBe(true);

    // Act
    const server = await startEmbeddedPostgres({ dataDir });

    // Assert
    expect(await selectOne(server.url('postgres'))).toBe(1);
    expect(isAlive(orphanPid)).toBe(false);
    await server.stop();
  }, 60_000);

  it('when only a stale postmaster.pid remains, then it is removed and the server starts', async () => {
    const dataDir = path.join(workDir, 'stale');
    const server = await startEmbeddedPostgres({ dataDir });
    await server.stop();
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), '999999\n');

    const restarted = await startEmbeddedPostgres({ dataDir });

    expect(await selectOne(restarted.url('postgres'))).toBe(1);
    await restarted.stop();
  }, 60_000);
});
