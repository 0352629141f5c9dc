import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { disconnectPrisma, getPool, getPrisma } from '../src/lib/prisma';
import { testApp } from './app';
import { createAgency, createPlan, createUser, ensureProvince, sessionCookie } from './factories';
import { listenInRange, type Listening } from './listen';
import { usePrivateDatabase, type PrivateDatabase } from './private-database';

/**
 * Optimistic concurrency under real parallel load: 50 requests in flight at once through one
 * listening server and the API's own Prisma pool (10 connections unless PG_POOL_MAX says
 * otherwise). A private database, so audit totals are exact.
 */

const PARALLEL = Number(process.env.CONCURRENCY_PARALLEL ?? 50);

describe('concurrent writes', () => {
  let db: PrivateDatabase;
  let listening: Listening;

  beforeAll(async () => {
    db = await usePrivateDatabase('concurrency');
    await ensureProvince(49); // before any parallel Arrange: the factories upsert it
    listening = await listenInRange(testApp());
  });

  afterAll(async () => {
    await listening?.close();
    await db?.drop();
  });

  const patch = (cookie: string, measureId: string, body: object) =>
    fetch(`${listening.baseUrl}/api/v1/measures/${measureId}`, {
      method: 'PATCH',
      headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

  const auditRowsFor = (entityIds: string[]) =>
    getPrisma().auditLog.count({ where: { entityType: 'measure', action: 'update', entityId: { in: entityIds } } });

  it(`when ${PARALLEL} editors save the same measure from the same version at once, then exactly one wins and ${PARALLEL - 1} get 409 with the current record`, async () => {
    // Arrange
    const agency = await createAgency();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const measure = plan.measures[0]!;
    const editors = await Promise.all(Array.from({ length: 5 }, () => createUser('agency_editor', { agencyId: agency.id })));
    const cookies = await Promise.all(editors.map((editor) => sessionCookie(editor.id)));
    const auditBefore = await getPrisma().auditLog.count();

    // Act
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        patch(cookies[index % cookies.length]!, measure.id, { version: 1, title: `ชื่อจากผู้แก้ไขคนที่ ${index + 1}` }),
      ),
    );

    // Assert
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(PARALLEL - 1);
    const winner = results.find((result) => result.status === 200)!;
    for (const loser of results.filter((result) => result.status === 409)) {
      const error = ErrorResponseSchema.parse(loser.body).error;
      expect(error.code).toBe('VERSION_CONFLICT');
      expect(error.current).toMatchObject({ id: measure.id, version: 2, title: winner.body.title });
    }
    const stored = await getPrisma().measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(stored).toMatchObject({ version: 2, title: winner.body.title });
    expect(await auditRowsFor([measure.id])).toBe(1);
    expect(await getPrisma().auditLog.count()).toBe(auditBefore + 1);
  });

  it(`when ${PARALLEL} different measures are saved at once, then all ${PARALLEL} succeed with one audit row each`, async () => {
    // Arrange: five agencies, ten measures each, each agency's editor saving its own.
    const tenants = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const agency = await createAgency();
        const plan = await createPlan(agency.id, 2567, 'draft', PARALLEL / 5);
        const editor = await createUser('agency_editor', { agencyId: agency.id });
        return { measures: plan.measures, cookie: await sessionCookie(editor.id) };
      }),
    );
    const jobs = tenants.flatMap((tenant) => tenant.measures.map((measure) => ({ measure, cookie: tenant.cookie })));
    const auditBefore = await getPrisma().auditLog.count();

    // Act
    const results = await Promise.all(
      jobs.map(({ measure, cookie }, index) =>
        patch(cookie, measure.id, { version: 1, title: `มาตรการที่แก้พร้อมกัน ${index + 1}`, outcome: 'in_progress' }),
      ),
    );

    // Assert
    const failures = results
      .filter((result) => result.status !== 200)
      .map((result) => `${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
    expect(failures).toEqual([]);
    const stored = await getPrisma().measure.findMany({ where: { id: { in: jobs.map((job) => job.measure.id) } } });
    expect(stored.every((row) => row.version === 2 && row.outcome === 'in_progress')).toBe(true);
    expect(await auditRowsFor(jobs.map((job) => job.measure.id))).toBe(PARALLEL);
    expect(await getPrisma().auditLog.count()).toBe(auditBefore + PARALLEL);
    // Each outcome change also left exactly one timeline entry.
    expect(
      await getPrisma().timelineEntry.count({ where: { measureId: { in: jobs.map((job) => job.measure.id) }, kind: 'status_change' } }),
    ).toBe(PARALLEL);
  });

  it("when every measure of one plan is completed at once, then the plan's counters count all of them (no lost update)", async () => {
    // Arrange: one plan of 20 measures; the counters feed the national and provincial figures.
    const agency = await createAgency();
    const plan = await createPlan(agency.id, 2567, 'draft', 20);
    const editor = await createUser('agency_editor', { agencyId: agency.id });
    const cookie = await sessionCookie(editor.id);

    // Act
    const results = await Promise.all(
      plan.measures.map((measure) =>
        patch(cookie, measure.id, { version: 1, outcome: 'completed', resultText: 'ดำเนินการแล้ว', summary: `สรุปผล ${measure.id}` }),
      ),
    );

    // Assert
    expect(results.map((result) => result.status)).toEqual(plan.measures.map(() => 200));
    const stored = await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({ measureCount: 20, completedCount: 20, notCarriedOutCount: 0 });
  });

  it(`when ${PARALLEL} reviewers and editors race on one plan's transitions, then the plan moves once and every other request is a clean 409`, async () => {
    // Arrange
    const agency = await createAgency();
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const editor = await createUser('agency_editor', { agencyId: agency.id });
    const cookie = await sessionCookie(editor.id);
    const auditBefore = await getPrisma().auditLog.count({ where: { entityId: plan.id } });

    // Act
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        fetch(`${listening.baseUrl}/api/v1/plans/${plan.id}/submit`, {
          method: 'POST',
          headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ version: 1 }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> })),
      ),
    );

    // Assert
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(PARALLEL - 1);
    for (const loser of results.filter((result) => result.status === 409)) {
      expect(['VERSION_CONFLICT', 'INVALID_STATE']).toContain(ErrorResponseSchema.parse(loser.body).error.code);
    }
    expect(await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status: 'submitted', version: 2 });
    expect(await getPrisma().auditLog.count({ where: { entityId: plan.id } })).toBe(auditBefore + 1);
  });

  it('when 60 saves arrive at once on a pool of only 2 connections, then each waits for a connection and succeeds (none fails after 2 s)', async () => {
    // Arrange: the regression for Prisma's default 2 s transaction maxWait, which turned a burst into 500s.
    const measures = (
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          const agency = await createAgency();
          const plan = await createPlan(agency.id, 2567, 'draft', 20);
          const editor = await createUser('agency_editor', { agencyId: agency.id });
          const cookie = await sessionCookie(editor.id);
          return plan.measures.map((measure) => ({ id: measure.id, cookie }));
        }),
      )
    ).flat();
    const previous = process.env.PG_POOL_MAX;
    process.env.PG_POOL_MAX = '2';
    await disconnectPrisma();

    try {
      // Act
      const results = await Promise.all(
        measures.map((measure) => patch(measure.cookie, measure.id, { version: 1, summary: 'สรุปผลพร้อมกัน' })),
      );

      // Assert
      const failures = results.filter((result) => result.status !== 200).map((result) => `${result.status} ${JSON.stringify(result.body)}`);
      expect(failures).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.PG_POOL_MAX;
      else process.env.PG_POOL_MAX = previous;
      await disconnectPrisma();
    }
    expect(await auditRowsFor(measures.map((measure) => measure.id))).toBe(60);
  }, 60_000);

  it('when 50 clients give up in the middle of their saves, then no transaction is left open and the pool still serves', async () => {
    // Arrange
    const agency = await createAgency();
    const plan = await createPlan(agency.id, 2567, 'draft', 50);
    const editor = await createUser('agency_editor', { agencyId: agency.id });
    const cookie = await sessionCookie(editor.id);

    // Act: every request is aborted by its client after a few milliseconds, while its transaction runs.
    await Promise.all(
      plan.measures.map(async (measure, index) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 5 + (index % 10) * 5);
        await fetch(`${listening.baseUrl}/api/v1/measures/${measure.id}`, {
          method: 'PATCH',
          headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ version: 1, summary: 'ยกเลิกกลางคัน' }),
          signal: controller.signal,
        }).catch(() => undefined);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));

    // Assert: nothing idles inside a transaction, and the API still answers a save.
    const open = await getPrisma().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND xact_start < now() - interval '2 seconds'`;
    expect(open[0]!.n).toBe(0);
    const after = await patch(cookie, plan.measures[0]!.id, {
      version: (await getPrisma().measure.findUniqueOrThrow({ where: { id: plan.measures[0]!.id } })).version,
      title: 'ยังบันทึกได้',
    });
    expect(after.status).toBe(200);
  }, 60_000);

  it('when the pool is closed (shutdown) while 50 saves are in flight, then closing finishes instead of waiting forever for their connections', async () => {
    // Arrange: the regression for a shutdown that hung with transactions left "idle in transaction".
    // (test/crash.test.ts proves the same on the built API, with the data checked after a restart.)
    const agency = await createAgency();
    const plan = await createPlan(agency.id, 2567, 'draft', 50);
    const editor = await createUser('agency_editor', { agencyId: agency.id });
    const cookie = await sessionCookie(editor.id);
    const controller = new AbortController();
    // The saves are in flight once they hold connections: wait for the pool to hand out five.
    const pool = getPool();
    const fiveAcquired = new Promise<void>((resolve) => {
      let acquired = 0;
      const onAcquire = () => {
        acquired += 1;
        if (acquired < 5) return;
        pool.off('acquire', onAcquire);
        resolve();
      };
      pool.on('acquire', onAcquire);
    });
    const inFlight = plan.measures.map((measure) =>
      fetch(`${listening.baseUrl}/api/v1/measures/${measure.id}`, {
        method: 'PATCH',
        headers: { cookie, 'x-prongsai-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1, summary: 'ระหว่างปิดระบบ' }),
        signal: controller.signal,
      }).catch(() => undefined),
    );
    await fiveAcquired;

    // Act
    const outcome = await Promise.race([
      disconnectPrisma().then(() => 'closed' as const),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000)),
    ]);
    controller.abort(); // a request stuck in a transaction of the closed pool never answers: its client gives up
    await Promise.all(inFlight);

    // Assert
    expect(outcome).toBe('closed');
  }, 60_000);
});
