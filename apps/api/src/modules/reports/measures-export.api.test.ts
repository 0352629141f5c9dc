import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type Role } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { scopeFor, scopeWhere } from '../../access/scope';
import { getPool, getPrisma, type Prisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createPlan, createUser, ensureProvince, sessionCookie, signIn, unique } from '../../../test/factories';
import { SYSTEM_SCOPE } from '../../access/scope';
import { rootDb } from '../../lib/db';
import { findMeasure } from '../measures/measures.queries';
import { toMeasure } from '../plans/measure-dto';
import { measuresCsvStream, type MeasureExportRow } from './export';

const app = testApp();

/** Provinces no other test uses, so that the rows of one province are this file's own. */
const ORDER_PROVINCES = [81, 82] as const;
const SCOPE_PROVINCE = 83;
const OTHER_PROVINCE = 84;
const ABORT_PROVINCE = 85;

async function createCodedAgency(provinceId: number, code: string) {
  await ensureProvince(provinceId);
  return getPrisma().agency.create({ data: { code, type: 'sao', nameTh: `อบต.ส่งออก ${code}`, provinceId } });
}

/** CSV text → records keyed by column id (the BOM and header line dropped). */
function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((row) => Object.fromEntries(header!.map((id, index) => [id, row[index] ?? ''])));
}

async function exportAs(agent: Awaited<ReturnType<typeof signIn>> | null, path: string): Promise<request.Response> {
  return agent ? agent.get(`/api/v1/exports/${path}`) : request(app).get(`/api/v1/public/exports/${path}`);
}

describe('measures export: one statement through a cursor', () => {
  it('when the country is exported, then rows come by province, agency code, fiscal year and sequence', async () => {
    // Arrange: created in the wrong order on purpose (codes, years and sequences all reversed).
    const run = unique('ORD');
    const lateCode = await createCodedAgency(ORDER_PROVINCES[0], `${run}-b`);
    const earlyCode = await createCodedAgency(ORDER_PROVINCES[0], `${run}-a`);
    const nextProvince = await createCodedAgency(ORDER_PROVINCES[1], `${run}-0`);
    for (const agency of [nextProvince, lateCode, earlyCode]) {
      for (const fiscalYear of [2568, 2567]) {
        const plan = await createPlan(agency.id, fiscalYear, 'published', 0);
        for (const sequence of [3, 1, 2]) {
          await getPrisma().measure.create({ data: { planId: plan.id, agencyId: agency.id, sequence, title: `ลำดับ ${sequence}` } });
        }
      }
    }
    const mine = new Set([lateCode.id, earlyCode.id, nextProvince.id]);

    // Act
    const response = await request(app).get('/api/v1/public/exports/measures.csv');

    // Assert
    expect(response.status).toBe(200);
    const order = records(response.text)
      .filter((row) => mine.has(row.agency_id!))
      .map((row) => `${row.province_code} ${row.agency_code} ${row.fiscal_year} ${row.sequence}`);
    const expected = [earlyCode, lateCode, nextProvince].flatMap((agency) =>
      [2567, 2568].flatMap((year) => [1, 2, 3].map((sequence) => `${agency.provinceId} ${agency.code} ${year} ${sequence}`)),
    );
    expect(order).toEqual(expected);
  });

  it('when the same measures are exported, then every cell is what the Prisma mapping of the previous export wrote', async () => {
    // Arrange: the fields whose conversion changed (dates, arrays, children read as JSON, text with line breaks).
    const run = unique('EQ');
    const agency = await createCodedAgency(ORDER_PROVINCES[1], run);
    const district = await getPrisma().district.upsert({
      where: { id: 8201 },
      create: { id: 8201, provinceId: ORDER_PROVINCES[1], nameTh: 'เมืองทดสอบ' },
      update: {},
    });
    await getPrisma().agency.update({ where: { id: agency.id }, data: { districtId: district.id } });
    const plan = await createPlan(agency.id, 2566, 'published', 0);
    const measure = await getPrisma().measure.create({
      data: {
        planId: plan.id,
        agencyId: agency.id,
        sequence: 1,
        title: 'จัดทำแผน "การใช้จ่าย", รายไตรมาส\r\nบรรทัดสอง',
        actions: ['ขั้นที่ ๑ มี, จุลภาค', '=SUM(A1)', 'หลาย\nบรรทัด'],
        responsible: 'สำนักปลัด',
        plannedStart: new Date('2022-10-01T00:00:00Z'),
        plannedEnd: new Date('2023-09-30T00:00:00Z'),
        outcome: 'completed',
        resultText: 'ผล',
        summary: '-สรุป',
        carriedOutDate: new Date('2023-03-01T00:00:00Z'),
        carriedOutPrecision: 'month',
        indicators: {
          create: [
            { fiscalYear: 2566, code: 'O27' },
            { fiscalYear: 2565, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' },
          ],
        },
        evidence: {
          create: [
            { position: 1, url: 'https://example.go.th/b', label: 'ข' },
            { position: 0, url: 'https://example.go.th/a?x=1', label: 'ก | ๑' },
          ],
        },
      },
    });
    await getPrisma().measure.create({
      data: {
        planId: plan.id,
        agencyId: agency.id,
        sequence: 2,
        title: 'ไม่ได้ทำ',
        outcome: 'not_carried_out',
        outcomeReason: 'งบ',
        carriedOutDate: new Date('2023-07-15T00:00:00Z'),
        carriedOutPrecision: 'day',
      },
    });
    const rows = await getPrisma().measure.findMany({
      where: { agencyId: agency.id },
      include: {
        plan: { select: { fiscalYear: true, status: true } },
        agency: { include: { province: true, district: true } },
      },
      orderBy: { sequence: 'asc' },
    });
    const measureRows = await Promise.all(rows.map(async (row) => (await findMeasure(rootDb(), SYSTEM_SCOPE, row.id))!));
    async function* previous(): AsyncIterable<MeasureExportRow> {
      for (const [index, row] of rows.entries()) {
        const { agency: owner } = row;
        yield {
          agency: { ...owner, provinceNameTh: owner.province.nameTh, districtNameTh: owner.district?.nameTh ?? null },
          plan: row.plan,
          measure: toMeasure(measureRows[index]!),
        };
      }
    }
    let expected = '';
    for await (const chunk of measuresCsvStream(previous())) expected += chunk;

    // Act
    const response = await request(app).get(`/api/v1/public/exports/measures.csv?agencyId=${agency.id}`);

    // Assert
    expect(response.status).toBe(200);
    expect(response.text).toBe(expected);
    expect(records(response.text)[0]).toMatchObject({
      measure_id: measure.id,
      indicators: '2566:O27;2565:O11',
      // The words: each code with its title in that year's codebook (read in the same statement), when it has one.
      indicators_th: measureRows[0]!.indicators
        .map((item) => [item.fiscalYear, item.code, item.titleTh].filter(Boolean).join(' '))
        .join('\n'),
      plan_status_th: 'เผยแพร่แล้ว',
      carried_out_precision_th: 'ระบุเพียงเดือน',
      evidence: 'https://example.go.th/a?x=1|ก | ๑\nhttps://example.go.th/b|ข',
      district_name_th: 'เมืองทดสอบ',
      carried_out_date: '2023-03',
      planned_start: '2022-10-01',
      updated_at: measure.updatedAt.toISOString(),
    });
  });
});

describe('measures export: scope and filters', () => {
  let world: {
    own: { id: string };
    neighbour: { id: string };
    elsewhere: { id: string };
    ids: Record<'ownDraft' | 'ownPublished' | 'ownDeleted' | 'neighbourDraft' | 'neighbourPublished' | 'elsewherePublished', string[]>;
    users: Record<Role, { id: string; email: string; password: string }>;
  };

  beforeAll(async () => {
    const run = unique('SC');
    const own = await createCodedAgency(SCOPE_PROVINCE, `${run}-own`);
    const neighbour = await createCodedAgency(SCOPE_PROVINCE, `${run}-neighbour`);
    const elsewhere = await createCodedAgency(OTHER_PROVINCE, `${run}-elsewhere`);
    const ids = (plan: { measures: { id: string }[] }) => plan.measures.map((measure) => measure.id);
    const ownDraft = await createPlan(own.id, 2552, 'draft', 2);
    const ownPublished = await createPlan(own.id, 2551, 'published', 2);
    const deleted = ownPublished.measures[1]!.id;
    await getPrisma().measure.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    world = {
      own,
      neighbour,
      elsewhere,
      ids: {
        ownDraft: ids(ownDraft),
        ownPublished: [ownPublished.measures[0]!.id],
        ownDeleted: [deleted],
        neighbourDraft: ids(await createPlan(neighbour.id, 2552, 'draft', 1)),
        neighbourPublished: ids(await createPlan(neighbour.id, 2551, 'published', 1)),
        elsewherePublished: ids(await createPlan(elsewhere.id, 2551, 'published', 1)),
      },
      users: {
        agency_editor: await createUser('agency_editor', { agencyId: own.id }),
        provincial_reviewer: await createUser('provincial_reviewer', { provinceId: SCOPE_PROVINCE }),
        national_admin: await createUser('national_admin'),
      },
    };
  });

  /** The measure ids of this file's agencies in an export. */
  async function exportedIds(role: Role | null, query: string): Promise<string[]> {
    const agent = role ? await signIn(app, world.users[role]) : null;
    const response = await exportAs(agent, `measures.csv${query}`);
    expect(response.status).toBe(200);
    const mine = new Set([world.own.id, world.neighbour.id, world.elsewhere.id]);
    return records(response.text)
      .filter((row) => mine.has(row.agency_id!))
      .map((row) => row.measure_id!)
      .sort();
  }

  const sorted = (...groups: string[][]) => groups.flat().sort();

  it("when an editor exports, then only their own agency's live measures come, whatever the filters ask", async () => {
    const { ids } = world;
    expect(await exportedIds('agency_editor', '')).toEqual(sorted(ids.ownDraft, ids.ownPublished));
    expect(await exportedIds('agency_editor', `?provinceId=${SCOPE_PROVINCE}`)).toEqual(sorted(ids.ownDraft, ids.ownPublished));
    expect(await exportedIds('agency_editor', `?provinceId=${OTHER_PROVINCE}`)).toEqual([]);
    expect(await exportedIds('agency_editor', '?fiscalYear=2551')).toEqual(sorted(ids.ownPublished));
  });

  it("when an editor names another agency, then 404 and none of that agency's rows", async () => {
    const agent = await signIn(app, world.users.agency_editor);

    const response = await agent.get(`/api/v1/exports/measures.csv?agencyId=${world.neighbour.id}`);

    expect(response.status).toBe(404);
    expect(response.text).not.toContain(world.ids.neighbourDraft[0]);
  });

  it('when a reviewer exports, then every status of their province and nothing of another province', async () => {
    const { ids } = world;
    const province = sorted(ids.ownDraft, ids.ownPublished, ids.neighbourDraft, ids.neighbourPublished);
    expect(await exportedIds('provincial_reviewer', '')).toEqual(province);
    expect(await exportedIds('provincial_reviewer', `?provinceId=${OTHER_PROVINCE}`)).toEqual([]);
    expect(await exportedIds('provincial_reviewer', `?agencyId=${world.neighbour.id}&fiscalYear=2552`)).toEqual(sorted(ids.neighbourDraft));
  });

  it('when the public exports, then published plans only, never a deleted measure, and the filters narrow it', async () => {
    const { ids } = world;
    expect(await exportedIds(null, '')).toEqual(sorted(ids.ownPublished, ids.neighbourPublished, ids.elsewherePublished));
    expect(await exportedIds(null, `?provinceId=${SCOPE_PROVINCE}`)).toEqual(sorted(ids.ownPublished, ids.neighbourPublished));
    expect(await exportedIds(null, `?agencyId=${world.own.id}`)).toEqual(sorted(ids.ownPublished));
    expect(await exportedIds(null, '?fiscalYear=2552')).toEqual([]);
  });

  it('when each role exports, then the SQL selects exactly the measures measureWhere of access/scope.ts selects', async () => {
    const actors: [Role | null, Actor][] = [
      [null, { kind: 'anonymous' }],
      ...(['agency_editor', 'provincial_reviewer', 'national_admin'] as const).map((role): [Role, Actor] => [
        role,
        {
          kind: 'user',
          userId: world.users[role].id,
          sessionId: '',
          name: '',
          role,
          agencyId: role === 'agency_editor' ? world.own.id : null,
          provinceId: role === 'provincial_reviewer' ? SCOPE_PROVINCE : null,
        },
      ]),
    ];
    for (const [role, actor] of actors) {
      const where: Prisma.MeasureWhereInput = {
        AND: [
          scopeWhere.measure(scopeFor(actor, 'read:plan')),
          { deletedAt: null },
          role ? {} : { plan: { status: 'published' } },
          { agencyId: { in: [world.own.id, world.neighbour.id, world.elsewhere.id] } },
        ],
      };
      const expected = (await getPrisma().measure.findMany({ where, select: { id: true } })).map((row) => row.id).sort();
      expect(await exportedIds(role, ''), role ?? 'public').toEqual(expected);
    }
  });
});

describe('measures export: a download that stops half-way', () => {
  let planId: string | undefined;

  afterAll(async () => {
    if (planId) await getPrisma().plan.delete({ where: { id: planId } });
  });

  /** Connections of the shared pool that someone holds (Prisma's idle ones excluded). */
  const checkedOut = () => getPool().totalCount - getPool().idleCount;

  /**
   * Resolves once `condition` holds, re-checked on the pool's own events (a connection taken,
   * given back or dropped) instead of on a timer; `timeoutMs` only bounds a failing test.
   */
  function waitForPool(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (condition()) return Promise.resolve();
    const pool = getPool();
    const events = ['acquire', 'release', 'remove'] as const;
    return new Promise((resolve, reject) => {
      // 'release' is emitted before the connection is back in the idle list: check after it.
      const check = () =>
        setImmediate(() => {
          if (!condition()) return;
          stop();
          resolve();
        });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out with ${checkedOut()} connection(s) checked out`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        for (const event of events) pool.off(event, check);
      };
      for (const event of events) pool.on(event, check);
    });
  }

  it.each(['csv', 'xlsx'] as const)(
    'when the client of a %s export goes away mid-stream, then the cursor is closed and its connection is back in the pool',
    async (format) => {
      // Arrange: ~30 MB of hardly compressible text, more than the sockets can buffer, so the export must wait for the client.
      const admin = await createUser('national_admin');
      if (!planId) {
        const agency = await createCodedAgency(ABORT_PROVINCE, unique('AB'));
        planId = (await createPlan(agency.id, 2552, 'draft', 0)).id;
        await getPrisma().$executeRaw`
          INSERT INTO "Measure" (id, "planId", "agencyId", sequence, title, "updatedAt")
          SELECT gen_random_uuid(), ${planId}::uuid, ${agency.id}::uuid, g,
                 (SELECT string_agg(md5(random()::text || g || s), '') FROM generate_series(1, 100) s), now()
          FROM generate_series(1, 10000) g`;
      }
      const server = app.listen(0);
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      await waitForPool(() => checkedOut() === 0);

      try {
        // Act: read the first bytes, stop reading, then hang up.
        const cookie = await sessionCookie(admin.id);
        const client = http.get({ port, path: `/api/v1/exports/measures.${format}?provinceId=${ABORT_PROVINCE}`, headers: { cookie } });
        const response = await new Promise<http.IncomingMessage>((resolve) => client.once('response', resolve));
        await new Promise((resolve) => response.once('data', resolve));
        response.pause();
        await new Promise((resolve) => setTimeout(resolve, 500));
        const heldWhileStalled = checkedOut();
        client.destroy();

        // Assert
        expect(response.statusCode).toBe(200);
        expect(heldWhileStalled).toBe(1);
        await waitForPool(() => checkedOut() === 0);
        expect(getPool().waitingCount).toBe(0);
        // The export's slot is free again too: the next export is served.
        const next = await (await signIn(app, admin)).get(`/api/v1/exports/measures.csv?provinceId=${OTHER_PROVINCE}&fiscalYear=2560`);
        expect(next.status).toBe(200);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );
  it('when a client stops reading and stays connected, then after the stall timeout the export hangs up and frees its connection', async () => {
    // Arrange: the same large province, an app whose exports give up after 300 ms without progress.
    const admin = await createUser('national_admin');
    expect(planId).toBeDefined(); // made by the tests above
    const stallApp = testApp({ exportStallMs: 300 });
    const server = stallApp.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await waitForPool(() => checkedOut() === 0);
    let client: http.ClientRequest | undefined;

    try {
      // Act: read the first bytes, then never read again (but never hang up either).
      const cookie = await sessionCookie(admin.id);
      client = http.get({ port, path: `/api/v1/exports/measures.csv?provinceId=${ABORT_PROVINCE}`, headers: { cookie } });
      const response = await new Promise<http.IncomingMessage>((resolve) => client!.once('response', resolve));
      await new Promise((resolve) => response.once('data', resolve));
      response.pause();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const heldWhileStalled = checkedOut();

      // Assert: with the client still connected (and still not reading), the server gave up on it
      // and the export's connection is back in the pool.
      await waitForPool(() => checkedOut() === 0, 5_000);
      expect(response.statusCode).toBe(200);
      expect(heldWhileStalled).toBe(1);
      expect(client.destroyed).toBe(false);
      expect(getPool().waitingCount).toBe(0);
    } finally {
      client?.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  it('when a large export is downloaded gzip-compressed, then it arrives whole and the server waits for each drain with one listener', async () => {
    // Arrange: the large province again (10,000 measures, ~32 MB of CSV); any warning Node raises is kept.
    const admin = await createUser('national_admin');
    expect(planId).toBeDefined(); // made by the tests above
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;

    try {
      // Act: download with gzip as a browser does, unpacking as it comes.
      const cookie = await sessionCookie(admin.id);
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get(
          { port, path: `/api/v1/exports/measures.csv?provinceId=${ABORT_PROVINCE}`, headers: { cookie, 'accept-encoding': 'gzip' } },
          resolve,
        ),
      );
      const chunks: Buffer[] = [];
      await pipeline(response, zlib.createGunzip(), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) chunks.push(chunk);
      });
      await new Promise((resolve) => setImmediate(resolve));

      // Assert: compressed, complete, and no emitter collected listeners (the compression middleware
      // forwards `res.on('drain')` to its zlib stream but not `res.off`: a listener per wait piled up
      // there, thousands for the whole country, and Node warned from the eleventh).
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      const rows = parseCsv(
        Buffer.concat(chunks)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      );
      expect(rows.length - 1).toBe(10_000);
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
