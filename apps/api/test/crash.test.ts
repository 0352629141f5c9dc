import fs from 'node:fs';
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
 * Crashes, for real: the BUILT API (`node apps/api/dist/main.js`) runs as a child process with its
 * own embedded PostgreSQL under .tmp/reliability/, and is killed with SIGKILL — the process group
 * (API and PostgreSQL together) in the middle of a 200-measure import, then the API alone while
 * its PostgreSQL runs. Each time the next start must recover by itself, and the import must have
 * left all of its measures or none.
 */

const FY = 2568; // the demo agency has no plan for this year: the import creates it inside its transaction
const MEASURES = 200;
const long = (seed: number, length: number) =>
  `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ข้อที่ ${seed} — ${'เผยแพร่ข้อมูลข่าวสารแก่ประชาชน ๒๕๖๘ 📢 '.repeat(Math.ceil(length / 40))}`.slice(0, length);

const importBody = {
  introText: long(0, 3000),
  measures: Array.from({ length: MEASURES }, (_, index) => ({
    title: long(index + 1, 500),
    actions: [long(index + 1, 800), long(index + 2, 800), long(index + 3, 800)],
    indicators: [{ fiscalYear: 2566, code: `O${(index % 40) + 1}` }],
    outcome: 'completed',
    resultText: long(index, 2500),
    summary: long(index, 2500),
    carriedOut: { date: '2025-03-01', precision: 'month' },
    evidence: [{ url: `https://www.bangsainoi.go.th/ita/${index}`, label: 'ประกาศ' }],
  })),
};

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
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
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const countImported = (dataDir: string, agencyId: string) =>
  withPg(dataDir, async (client) => {
    const result = await client.query<{ plans: number; measures: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM "Plan" WHERE "agencyId" = $1 AND "fiscalYear" = $2) AS plans,
              (SELECT count(*)::int FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE p."agencyId" = $1 AND p."fiscalYear" = $2) AS measures,
              (SELECT count(*)::int FROM "AuditLog" WHERE action = 'import' AND "agencyId" = $1 AND changes->>'fiscalYear' = $2::text) AS audits`,
      [agencyId, FY],
    );
    return result.rows[0]!;
  });

const countNotes = (dataDir: string, note: string) =>
  withPg(dataDir, async (client) => {
    const result = await client.query<{ entries: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM "TimelineEntry" WHERE note = $1) AS entries,
              (SELECT count(*)::int FROM "AuditLog" WHERE "entityType" = 'timeline' AND changes->>'note' = $1) AS audits`,
      [note],
    );
    return result.rows[0]!;
  });

describe('crash recovery of the built API', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    ensureBuilt();
    dataDir = reliabilityDir('crash');
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    const orphan = dataDir ? postmasterPid(dataDir) : undefined;
    if (orphan && isAlive(orphan)) process.kill(orphan, 'SIGTERM');
    if (dataDir && !process.env.KEEP_RELIABILITY_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it(`when the API and its PostgreSQL are SIGKILLed in the middle of a ${MEASURES}-measure import, then after a restart the plan holds all of the measures or none`, async () => {
    // Arrange: first start initialises the cluster, migrates and seeds the demo data.
    api = await startBuiltApi({ dataDir });
    const cookie = await login(api.baseUrl, DEMO_EDITOR, DEMO_PASSWORD);
    const me = (await (await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { agencyId: string } };
    const agencyId = me.user.agencyId;
    expect(await countImported(dataDir, agencyId)).toEqual({ plans: 0, measures: 0, audits: 0 });
    const observer = new pg.Client({ connectionString: embeddedUrl(dataDir) });
    await observer.connect();
    observer.on('error', () => undefined); // it dies with the server

    // Act: start the import, wait until its transaction has written rows, then kill everything.
    const inFlight = fetch(`${api.baseUrl}/api/v1/agencies/${agencyId}/plans/${FY}/import`, {
      method: 'POST',
      headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify(importBody),
    }).then(
      (response) => response.status,
      () => 'connection lost' as const,
    );
    await waitUntil(
      async () => {
        const result = await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = 'prongsai' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ILIKE '%"Measure"%'`,
        );
        return result.rows[0]!.n > 0;
      },
      60_000,
      'the import transaction to write measures',
    );
    signalGroup(api.pid, 'SIGKILL');
    const killed = await api.exited;
    const requestOutcome = await inFlight;
    await observer.end().catch(() => undefined);

    // Assert: the kill hit the request in flight; a restart recovers; all or nothing was kept.
    expect(killed.signal).toBe('SIGKILL');
    expect(requestOutcome).toBe('connection lost');
    api = await startBuiltApi({ dataDir });
    const after = await countImported(dataDir, agencyId);
    expect([
      { plans: 0, measures: 0, audits: 0 },
      { plans: 1, measures: MEASURES, audits: 1 },
    ]).toContainEqual(after);
    const cookieAfter = await login(api.baseUrl, DEMO_EDITOR, DEMO_PASSWORD);
    const plan = await fetch(`${api.baseUrl}/api/v1/agencies/${agencyId}/plans/${FY}`, { headers: { cookie: cookieAfter } });
    if (after.plans === 0) expect(plan.status).toBe(404);
    else expect(((await plan.json()) as { measures: unknown[] }).measures).toHaveLength(MEASURES);

    // And the same import, left alone, commits every measure (so the killed one had real work to lose).
    const again = await fetch(`${api.baseUrl}/api/v1/agencies/${agencyId}/plans/${FY}/import`, {
      method: 'POST',
      headers: { cookie: cookieAfter, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify(importBody),
    });
    expect(again.status).toBe(201);
    expect(await countImported(dataDir, agencyId)).toEqual({ plans: 1, measures: after.measures + MEASURES, audits: after.audits + 1 });
  }, 600_000);

  it('when the API alone is SIGKILLed while its embedded PostgreSQL runs, then the next start stops the orphan, recovers and serves health 200 with the data intact', async () => {
    // Arrange
    api ??= await startBuiltApi({ dataDir });
    const orphan = postmasterPid(dataDir)!;
    expect(isAlive(orphan)).toBe(true);

    // Act
    process.kill(api.pid, 'SIGKILL');
    const killed = await api.exited;
    const orphanSurvived = isAlive(orphan);
    api = await startBuiltApi({ dataDir });

    // Assert
    expect(killed.signal).toBe('SIGKILL');
    expect(orphanSurvived).toBe(true);
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    const health = await fetch(`${api.baseUrl}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    const cookie = await login(api.baseUrl, DEMO_EDITOR, DEMO_PASSWORD);
    const me = (await (await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { agencyId: string } };
    const plans = await fetch(`${api.baseUrl}/api/v1/agencies/${me.user.agencyId}/plans`, { headers: { cookie } });
    expect(plans.status).toBe(200);

    // Finally a graceful stop (SIGTERM) shuts PostgreSQL down too: nothing is left running.
    const postmaster = postmasterPid(dataDir)!;
    await api.stop();
    api = undefined;
    expect(isAlive(postmaster)).toBe(false);
  }, 600_000);

  it('when SIGTERM arrives while 40 clients are writing, then the API still exits by itself with code 0 and every write is whole or absent', async () => {
    // Arrange: the regression for a shutdown that hung forever on a transaction holding a pooled connection.
    api = await startBuiltApi({ dataDir });
    const cookie = await login(api.baseUrl, DEMO_EDITOR, DEMO_PASSWORD);
    const me = (await (await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: { cookie } })).json()) as { user: { agencyId: string } };
    // A draft plan of its own (FY+1), so this test needs nothing from the others.
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${api!.baseUrl}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = await send('POST', `/agencies/${me.user.agencyId}/plans/${FY + 1}`, {});
    const planId = created.status === 201 ? ((await created.json()) as { id: string }).id : undefined;
    if (planId) for (let i = 1; i <= 5; i += 1) await send('POST', `/plans/${planId}/measures`, { title: `มาตรการที่ ${i}` });
    const plan = (await (await send('GET', `/agencies/${me.user.agencyId}/plans/${FY + 1}`)).json()) as { measures: { id: string }[] };
    const marker = `บันทึกระหว่างปิดระบบ ${Date.now()}`;
    const controllers = new Set<AbortController>();
    let writing = true;
    const baseUrl = api.baseUrl;
    const writers = Array.from({ length: 40 }, async (_, index) => {
      while (writing) {
        const controller = new AbortController();
        controllers.add(controller);
        await fetch(`${baseUrl}/api/v1/measures/${plan.measures[index % plan.measures.length]!.id}/timeline`, {
          method: 'POST',
          headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ note: marker, occurredOn: '2026-01-15' }),
          signal: controller.signal,
        })
          .then((response) => response.text())
          .catch(() => undefined);
        controllers.delete(controller);
      }
    });
    await waitUntil(async () => (await countNotes(dataDir, marker)).entries > 20, 60_000, 'some writes to commit');

    // Act: stop gracefully, and every client drops its request at that moment.
    const stopping = api.stop(60_000);
    writing = false;
    for (const controller of controllers) controller.abort();
    const stopped = await stopping;
    await Promise.all(writers);
    api = undefined;

    // Assert: a clean exit; after a restart each committed note has its audit row (no half-writes).
    expect(stopped).toEqual({ clean: true, code: 0 });
    api = await startBuiltApi({ dataDir });
    const counts = await countNotes(dataDir, marker);
    expect(counts.entries).toBeGreaterThan(20);
    expect(counts.audits).toBe(counts.entries);
    await api.stop();
    api = undefined;
  }, 600_000);
});
