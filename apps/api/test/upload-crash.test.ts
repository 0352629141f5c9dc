import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EDITOR,
  DEMO_PASSWORD,
  embeddedUrl,
  ensureBuilt,
  isAlive,
  login,
  postmasterPid,
  reliabilityDir,
  signalGroup,
  startBuiltApi,
  type ApiProcess,
} from '../../../scripts/reliability/api-process';

/**
 * Killing the BUILT API (`node apps/api/dist/main.js`, with its embedded PostgreSQL, SIGKILL to the
 * process group) in the middle of an evidence-file upload: first while the file is still arriving
 * (spooled to disk), then while its chunks are being written to PostgreSQL. After each restart no
 * half file is visible: no file record, no stored chunk, no spooled bytes left behind (ADR 015).
 */

const FY = 2571;
const BOUNDARY = '----prongsai-crash';

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function withPg<T>(dataDir: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: embeddedUrl(dataDir) });
  await client.connect();
  client.on('error', () => undefined); // it may die with the server
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const leftovers = (dataDir: string) =>
  withPg(dataDir, async (client) => {
    const result = await client.query<{ files: number; chunks: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM "EvidenceFile") AS files, (SELECT count(*)::int FROM "StoredFileChunk") AS chunks,
              (SELECT count(*)::int FROM "AuditLog" WHERE "entityType" = 'evidence_file') AS audits`,
    );
    return result.rows[0]!;
  });

/**
 * A multipart upload of a `size`-byte PDF to `measureId`: the first `sendFirst` bytes of the file at once,
 * the rest only when `release()` is called. Resolves with the status, or 'connection lost'.
 */
function startUpload(api: ApiProcess, cookie: string, measureId: string, size: number, sendFirst: number) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const body = Buffer.alloc(size - 9, 0x41);
  const req = http.request(`${api.baseUrl}/api/v1/measures/${measureId}/files`, {
    method: 'POST',
    headers: {
      cookie,
      'x-prongsai-csrf': '1',
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': String(head.length + body.length + tail.length),
    },
  });
  const outcome = new Promise<number | 'connection lost'>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve('connection lost'));
  });
  req.write(head);
  req.write(body.subarray(0, sendFirst));
  return {
    outcome,
    release: () => {
      req.write(body.subarray(sendFirst));
      req.end(tail);
    },
  };
}

describe('an upload cut by a crash of the built API', () => {
  let dataDir: string;
  let spoolDir: string;
  let api: ApiProcess | undefined;
  let measureId: string;

  const start = () => startBuiltApi({ dataDir, env: { FILE_SPOOL_DIR: spoolDir } });

  async function signedIn(): Promise<string> {
    return login(api!.baseUrl, DEMO_EDITOR, DEMO_PASSWORD);
  }

  beforeAll(async () => {
    ensureBuilt();
    dataDir = reliabilityDir('upload-crash');
    spoolDir = path.join(dataDir, 'spool');
    api = await start();
    const cookie = await signedIn();
    const send = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${api!.baseUrl}/api/v1${url}`, {
        method,
        headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json()) as { id: string; user: { agencyId: string } };
    };
    const me = await send('GET', '/auth/me');
    const plan = await send('POST', `/agencies/${me.user.agencyId}/plans/${FY}`, {});
    measureId = (await send('POST', `/plans/${plan.id}/measures`, { title: 'มาตรการทดสอบการอัปโหลด' })).id;
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    const orphan = dataDir ? postmasterPid(dataDir) : undefined;
    if (orphan && isAlive(orphan)) process.kill(orphan, 'SIGTERM');
    if (dataDir && !process.env.KEEP_RELIABILITY_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('when the API is killed while a file is still arriving, then after a restart nothing of it is visible or left on disk', async () => {
    // Arrange
    const cookie = await signedIn();
    const upload = startUpload(api!, cookie, measureId, 15 * 1024 * 1024, 3 * 1024 * 1024);
    const spooled = () => (fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir) : []);
    await waitUntil(
      () => spooled().some((name) => fs.statSync(path.join(spoolDir, name)).size > 1024 * 1024),
      60_000,
      'the upload to be spooling',
    );

    // Act
    signalGroup(api!.pid, 'SIGKILL');
    expect((await api!.exited).signal).toBe('SIGKILL');
    expect(await upload.outcome).toBe('connection lost');
    const left = spooled();
    api = await start();

    // Assert: the half-spooled file was there after the crash, and the restart removed it.
    expect(left).toHaveLength(1);
    expect(spooled()).toEqual([]);
    expect(await leftovers(dataDir)).toEqual({ files: 0, chunks: 0, audits: 0 });
    const list = await fetch(`${api.baseUrl}/api/v1/measures/${measureId}/files`, { headers: { cookie: await signedIn() } });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  }, 300_000);

  it('when the API is killed while the file is written to PostgreSQL, then after a restart no chunk, record or audit row of it exists', async () => {
    // Arrange: the whole file arrives; its chunks are written in one transaction.
    const cookie = await signedIn();
    const observer = new pg.Client({ connectionString: embeddedUrl(dataDir) });
    await observer.connect();
    observer.on('error', () => undefined);
    const upload = startUpload(api!, cookie, measureId, 19 * 1024 * 1024, 0);
    upload.release();
    await waitUntil(
      async () => {
        const result = await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = 'prongsai' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE '%StoredFileChunk%'`,
        );
        return result.rows[0]!.n > 0;
      },
      60_000,
      'the upload transaction to write chunks',
    );

    // Act
    signalGroup(api!.pid, 'SIGKILL');
    expect((await api!.exited).signal).toBe('SIGKILL');
    const outcome = await upload.outcome;
    await observer.end().catch(() => undefined);
    api = await start();

    // Assert
    expect(outcome).toBe('connection lost');
    expect(await leftovers(dataDir)).toEqual({ files: 0, chunks: 0, audits: 0 });

    // The same upload, left alone, is kept whole (so the killed one had real work to lose).
    const again = startUpload(api, await signedIn(), measureId, 19 * 1024 * 1024, 0);
    again.release();
    expect(await again.outcome).toBe(201);
    expect(await leftovers(dataDir)).toEqual({ files: 1, chunks: 76, audits: 1 });
  }, 300_000);
});
