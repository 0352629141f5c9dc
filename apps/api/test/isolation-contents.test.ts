import ExcelJS from 'exceljs';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AgencyListResponseSchema,
  AuditListResponseSchema,
  CompareResponseSchema,
  IndicatorHeatmapSchema,
  ProvinceOverviewSchema,
  PublicAgencySchema,
  PublicProvinceSchema,
  parseCsv,
  type PlanStatus,
} from '@prongsai/shared';
import { getPrisma } from '../src/lib/prisma';
import { testApp } from './app';
import { createAgency, createPlan, createUser, sessionCookie, unique } from './factories';

/**
 * Tenant isolation of list CONTENTS (isolation-matrix.test.ts checks the status codes): two
 * provinces × two agencies with distinct names, and every list endpoint read by every kind of
 * caller must hold exactly the agencies that caller may see. Other test files share the database,
 * so each list is narrowed to this file's world (a unique name token, its own fiscal year and
 * provinces), and rows outside the world are checked against the caller's scope too.
 */

const app = testApp();
const P = 91;
const Q = 92;
const FY = 2563;

type Caller = 'anonymous' | 'editorP1' | 'editorQ1' | 'reviewerP' | 'reviewerQ' | 'admin';
const SIGNED_IN: Exclude<Caller, 'anonymous'>[] = ['editorP1', 'editorQ1', 'reviewerP', 'reviewerQ', 'admin'];
type AgencyKey = 'P1' | 'P2' | 'Q1' | 'Q2';
const STATUS: Record<AgencyKey, PlanStatus> = { P1: 'published', P2: 'draft', Q1: 'published', Q2: 'submitted' };

/** The world's agencies each signed-in caller may read (own agency, own province, everything). */
const SEES: Record<Exclude<Caller, 'anonymous'>, AgencyKey[]> = {
  editorP1: ['P1'],
  editorQ1: ['Q1'],
  reviewerP: ['P1', 'P2'],
  reviewerQ: ['Q1', 'Q2'],
  admin: ['P1', 'P2', 'Q1', 'Q2'],
};
const PUBLISHED: AgencyKey[] = ['P1', 'Q1'];

interface World {
  token: string;
  agency: Record<AgencyKey, { id: string; nameTh: string; provinceId: number }>;
  cookie: Record<Exclude<Caller, 'anonymous'>, string>;
}
let world: World;

beforeAll(async () => {
  const token = unique('แยกเนื้อหา');
  const agency = {} as World['agency'];
  for (const key of ['P1', 'P2', 'Q1', 'Q2'] as const) {
    const provinceId = key.startsWith('P') ? P : Q;
    const created = await createAgency({ provinceId, nameTh: `องค์การบริหารส่วนตำบล${token} ${key}` });
    await createPlan(created.id, FY, STATUS[key], 1);
    // One audit row per agency, found by its entity id (the token) so only this world's rows come back.
    await getPrisma().auditLog.create({
      data: { action: 'update', entityType: 'agency', entityId: token, agencyId: created.id, provinceId, changes: { key } },
    });
    agency[key] = { id: created.id, nameTh: created.nameTh, provinceId };
  }
  const users = {
    editorP1: await createUser('agency_editor', { agencyId: agency.P1.id }),
    editorQ1: await createUser('agency_editor', { agencyId: agency.Q1.id }),
    reviewerP: await createUser('provincial_reviewer', { provinceId: P }),
    reviewerQ: await createUser('provincial_reviewer', { provinceId: Q }),
    admin: await createUser('national_admin'),
  };
  const cookie = {} as World['cookie'];
  for (const caller of SIGNED_IN) cookie[caller] = await sessionCookie(users[caller].id);
  world = { token, agency, cookie };
});

const get = (caller: Caller, url: string) => {
  const req = request(app).get(url);
  return caller === 'anonymous' ? req : req.set('Cookie', world.cookie[caller]);
};
const getBinary = (caller: Caller, url: string) =>
  get(caller, url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

/** The world's agencies among ids (or names), as sorted keys. */
function worldKeys(values: Iterable<string>): AgencyKey[] {
  const byValue = new Map<string, AgencyKey>();
  for (const [key, agency] of Object.entries(world.agency) as [AgencyKey, World['agency'][AgencyKey]][]) {
    byValue.set(agency.id, key);
    byValue.set(agency.nameTh, key);
  }
  return [...new Set([...values].flatMap((value) => byValue.get(value) ?? []))].sort();
}

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((row) => Object.fromEntries(header!.map((id, index) => [id, row[index] ?? ''])));
}

/** Every sheet's cell texts, row by row. */
async function xlsxRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  const rows: string[][] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(String(cell.value)));
      rows.push(cells);
    }),
  );
  return rows;
}

describe('agency lists', () => {
  it.each(SIGNED_IN)('when %s searches agencies by the world token, then exactly the agencies in their scope come back', async (caller) => {
    // Act
    const response = await get(caller, `/api/v1/agencies?q=${encodeURIComponent(world.token)}&fiscalYear=${FY}&pageSize=200`);

    // Assert
    expect(response.status).toBe(200);
    const body = AgencyListResponseSchema.parse(response.body);
    expect(worldKeys(body.items.map((item) => item.id))).toEqual(SEES[caller]);
    expect(body.items).toHaveLength(SEES[caller].length);
    expect(body.total).toBe(SEES[caller].length);
    expect(body.items.map((item) => item.planStatus).sort()).toEqual(SEES[caller].map((key) => STATUS[key]).sort());
  });

  it.each(SIGNED_IN)(
    'when %s lists agencies of the world provinces without a search, then no agency outside their scope is listed',
    async (caller) => {
      const responses = await Promise.all(
        [P, Q].map((provinceId) => get(caller, `/api/v1/agencies?provinceId=${provinceId}&pageSize=200`)),
      );

      const items = responses.flatMap((response) => AgencyListResponseSchema.parse(response.body).items);
      expect(worldKeys(items.map((item) => item.id))).toEqual(SEES[caller]);
      if (caller.startsWith('editor')) expect(items.map((item) => item.id)).toEqual([world.agency[SEES[caller][0]!].id]);
      if (caller === 'reviewerP') expect(new Set(items.map((item) => item.provinceId))).toEqual(new Set([P]));
      if (caller === 'reviewerQ') expect(new Set(items.map((item) => item.provinceId))).toEqual(new Set([Q]));
    },
  );

  it('when an anonymous visitor asks for the agency list, then 401 and no rows', async () => {
    const response = await get('anonymous', `/api/v1/agencies?q=${encodeURIComponent(world.token)}`);

    expect(response.status).toBe(401);
    expect(response.body.items).toBeUndefined();
  });
});

describe('audit list', () => {
  it.each(SIGNED_IN)(
    "when %s reads the audit trail of the world's rows, then exactly the rows of agencies in their scope come back",
    async (caller) => {
      // Act
      const response = await get(caller, `/api/v1/audit?entityId=${encodeURIComponent(world.token)}&pageSize=200`);

      // Assert
      expect(response.status).toBe(200);
      const body = AuditListResponseSchema.parse(response.body);
      expect(worldKeys(body.items.map((item) => item.agencyId ?? ''))).toEqual(SEES[caller]);
      expect(body.items).toHaveLength(SEES[caller].length);
    },
  );

  it.each(['reviewerP', 'reviewerQ', 'editorP1'] as const)(
    'when %s reads the latest audit rows unfiltered, then every row with an agency belongs to their scope',
    async (caller) => {
      const response = await get(caller, '/api/v1/audit?pageSize=200');

      expect(response.status).toBe(200);
      const agencyIds = [...new Set(AuditListResponseSchema.parse(response.body).items.map((item) => item.agencyId))].filter(
        (id): id is string => id !== null,
      );
      const agencies = await getPrisma().agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, provinceId: true } });
      if (caller === 'editorP1') expect(agencyIds.every((id) => id === world.agency.P1.id)).toBe(true);
      else
        expect(new Set(agencies.map((agency) => agency.provinceId))).toEqual(
          new Set(agencyIds.length ? [caller === 'reviewerP' ? P : Q] : []),
        );
    },
  );
});

describe('measure exports', () => {
  it.each(SIGNED_IN)('when %s exports measures as CSV, then exactly the measures of agencies in their scope are in it', async (caller) => {
    // Act
    const response = await get(caller, `/api/v1/exports/measures.csv?fiscalYear=${FY}`);

    // Assert
    expect(response.status).toBe(200);
    const rows = csvRecords(response.text);
    expect(worldKeys(rows.map((row) => row.agency_id!))).toEqual(SEES[caller]);
    if (caller.startsWith('editor'))
      expect(new Set(rows.map((row) => row.agency_id))).toEqual(new Set([world.agency[SEES[caller][0]!].id]));
    if (caller === 'reviewerP') expect(new Set(rows.map((row) => row.province_code))).toEqual(new Set([String(P)]));
    if (caller === 'reviewerQ') expect(new Set(rows.map((row) => row.province_code))).toEqual(new Set([String(Q)]));
  });

  it.each(SIGNED_IN)('when %s exports measures as XLSX, then exactly the measures of agencies in their scope are in it', async (caller) => {
    const response = await getBinary(caller, `/api/v1/exports/measures.xlsx?fiscalYear=${FY}`);

    expect(response.status).toBe(200);
    const cells = (await xlsxRows(response.body as Buffer)).flat();
    expect(worldKeys(cells)).toEqual(SEES[caller]);
  });

  it.each(['anonymous', ...SIGNED_IN] as Caller[])(
    'when %s downloads the open-data export, then only measures of published plans are in it (CSV and XLSX)',
    async (caller) => {
      const csv = await get(caller, `/api/v1/public/exports/measures.csv?fiscalYear=${FY}`);
      const xlsx = await getBinary(caller, `/api/v1/public/exports/measures.xlsx?fiscalYear=${FY}`);

      expect(csv.status).toBe(200);
      const rows = csvRecords(csv.text);
      expect(worldKeys(rows.map((row) => row.agency_id!))).toEqual(PUBLISHED);
      expect(new Set(rows.map((row) => row.plan_status))).toEqual(new Set(['published']));
      expect(xlsx.status).toBe(200);
      expect(worldKeys((await xlsxRows(xlsx.body as Buffer)).flat())).toEqual(PUBLISHED);
    },
  );
});

describe('reviewer overview, its exports, heatmap and compare', () => {
  const overviewUrl = (provinceId: number, suffix = '') =>
    `/api/v1/review/provinces/${provinceId}/overview${suffix}?fiscalYear=${FY}&q=${encodeURIComponent(world.token)}&pageSize=200`;
  /** Who may read each province's overview, and the world agencies it then holds. */
  const OVERVIEW: [Caller, number, AgencyKey[] | 'refused'][] = [
    ['reviewerP', P, ['P1', 'P2']],
    ['reviewerP', Q, 'refused'],
    ['reviewerQ', Q, ['Q1', 'Q2']],
    ['reviewerQ', P, 'refused'],
    ['admin', P, ['P1', 'P2']],
    ['admin', Q, ['Q1', 'Q2']],
    ['editorP1', P, 'refused'],
    ['editorQ1', Q, 'refused'],
    ['anonymous', P, 'refused'],
  ];

  it.each(OVERVIEW)('when %s reads the overview of province %i, then it sees %j', async (caller, provinceId, expected) => {
    // Act
    const response = await get(caller, overviewUrl(provinceId));

    // Assert
    if (expected === 'refused') {
      expect([401, 403, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain(world.token);
      return;
    }
    expect(response.status).toBe(200);
    const body = ProvinceOverviewSchema.parse(response.body);
    expect(worldKeys(body.items.map((row) => row.agencyId))).toEqual(expected);
    expect(body.items).toHaveLength(expected.length);
  });

  it.each(OVERVIEW)('when %s exports the overview of province %i (CSV and XLSX), then it sees %j', async (caller, provinceId, expected) => {
    const csv = await get(caller, overviewUrl(provinceId, '.csv'));
    const xlsx = await getBinary(caller, overviewUrl(provinceId, '.xlsx'));

    if (expected === 'refused') {
      expect([401, 403, 404]).toContain(csv.status);
      expect([401, 403, 404]).toContain(xlsx.status);
      expect(csv.text ?? '').not.toContain(world.token);
      return;
    }
    expect(csv.status).toBe(200);
    const csvNames = parseCsv(csv.text.replace(/^\uFEFF/, '')).map((row) => row[0]!);
    expect(worldKeys(csvNames)).toEqual(expected);
    expect(csvNames).toHaveLength(expected.length + 1); // + the header
    expect(xlsx.status).toBe(200);
    const xlsxNames = (await xlsxRows(xlsx.body as Buffer)).map((row) => row[0]!);
    expect(worldKeys(xlsxNames)).toEqual(expected);
    expect(xlsxNames).toHaveLength(expected.length + 1);
  });

  it.each(OVERVIEW)('when %s reads the indicator heatmap of province %i, then it sees %j', async (caller, provinceId, expected) => {
    const response = await get(caller, `/api/v1/review/provinces/${provinceId}/indicators?fiscalYear=${FY}`);

    if (expected === 'refused') {
      expect([401, 403, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain(world.token);
      return;
    }
    expect(response.status).toBe(200);
    const body = IndicatorHeatmapSchema.parse(response.body);
    expect(worldKeys(body.agencies.map((row) => row.agencyId))).toEqual(expected);
    const provinces = await getPrisma().agency.findMany({
      where: { id: { in: body.agencies.map((row) => row.agencyId) } },
      select: { provinceId: true },
    });
    expect(new Set(provinces.map((agency) => agency.provinceId))).toEqual(new Set([provinceId]));
  });

  it.each([
    ['reviewerP', ['P1', 'P2'], ['P1', 'P2']],
    ['reviewerP', ['P1', 'Q1'], 'refused'],
    ['reviewerQ', ['P1', 'P2'], 'refused'],
    ['admin', ['P1', 'Q1'], ['P1', 'Q1']],
    ['editorP1', ['P1', 'P2'], 'refused'],
  ] as [Caller, AgencyKey[], AgencyKey[] | 'refused'][])('when %s compares %j, then it sees %j', async (caller, keys, expected) => {
    const response = await get(caller, `/api/v1/review/compare?agencyIds=${keys.map((key) => world.agency[key].id).join(',')}`);

    if (expected === 'refused') {
      expect([403, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain(world.token);
      return;
    }
    expect(response.status).toBe(200);
    const body = CompareResponseSchema.parse(response.body);
    expect(worldKeys(body.agencies.map((row) => row.nameTh))).toEqual(expected);
  });
});

describe('public pages', () => {
  it.each(['anonymous', ...SIGNED_IN] as Caller[])(
    "when %s reads a province's public page, then only agencies with a published plan show as published, with their measures",
    async (caller) => {
      const responses = await Promise.all(
        [P, Q].map((provinceId) =>
          get(caller, `/api/v1/public/provinces/${provinceId}?fiscalYear=${FY}&q=${encodeURIComponent(world.token)}`),
        ),
      );

      const rows = responses.flatMap((response) => {
        expect(response.status).toBe(200);
        return PublicProvinceSchema.parse(response.body).agencies.items;
      });
      expect(worldKeys(rows.map((row) => row.id))).toEqual(['P1', 'P2', 'Q1', 'Q2']);
      expect(worldKeys(rows.filter((row) => row.published).map((row) => row.id))).toEqual(PUBLISHED);
      expect(worldKeys(rows.filter((row) => row.measures > 0).map((row) => row.id))).toEqual(PUBLISHED);
    },
  );

  it.each(['P1', 'P2', 'Q1', 'Q2'] as AgencyKey[])(
    "when anyone reads agency %s's public page, then it lists published plans only",
    async (key) => {
      const response = await get('anonymous', `/api/v1/public/agencies/${world.agency[key].id}`);

      expect(response.status).toBe(200);
      const plans = PublicAgencySchema.parse(response.body).plans;
      expect(plans.map((plan) => plan.status)).toEqual(PUBLISHED.includes(key) ? ['published'] : []);
    },
  );
});
