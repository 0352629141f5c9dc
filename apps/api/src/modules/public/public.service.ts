import type { AgencyType, PlanDetail, PublicAgency, PublicFigures, PublicProvince, PublicSummary } from '@prongsai/shared';
import { currentFiscalYear } from '@prongsai/shared';
import { PUBLIC_SCOPE, scopeWhere } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { rootDb } from '../../lib/db';
import { getPool, getPrisma, Prisma } from '../../lib/prisma';
import { AGENCY_SELECT, toAgency } from '../agencies/agencies.service';
import { listPlanSummaries, loadPlanDetail } from '../plans/plans.service';

/**
 * The public dashboard: published data only, no session. Every plan query goes through
 * `PUBLIC_SCOPE` or filters `status = 'published'` in SQL.
 */

/**
 * The version of everything the public pages show: raised by triggers in the same transaction as
 * the write (migration 20261126040949_public_data_version), read on every public request.
 */
export async function publicDataVersion(): Promise<string> {
  const { rows } = await getPool().query<{ version: string }>({
    name: 'public-data-version',
    text: 'SELECT "version"::text AS version FROM "PublicDataVersion" WHERE id = 1',
  });
  return rows[0]?.version ?? '0';
}

interface FigureRow {
  type: AgencyType;
  provinceId: number;
  agencies: bigint;
  published: bigint;
  measures: bigint;
  completed: bigint;
  notCarriedOut: bigint;
}

const EMPTY: PublicFigures = { agencies: 0, agenciesPublished: 0, measures: 0, measuresCompleted: 0, measuresNotCarriedOut: 0 };

function add(into: PublicFigures, row: FigureRow): PublicFigures {
  return {
    agencies: into.agencies + Number(row.agencies),
    agenciesPublished: into.agenciesPublished + Number(row.published),
    measures: into.measures + Number(row.measures),
    measuresCompleted: into.measuresCompleted + Number(row.completed),
    measuresNotCarriedOut: into.measuresNotCarriedOut + Number(row.notCarriedOut),
  };
}

/**
 * Per (agency type, province): agencies, how many published, and their published measures. Reads
 * the counters kept on each plan (refreshPlanWarnings), never the measures themselves.
 */
async function figureRows(fiscalYear: number, provinceId?: number): Promise<FigureRow[]> {
  const provinceFilter = provinceId === undefined ? Prisma.empty : Prisma.sql`AND a."provinceId" = ${provinceId}`;
  return getPrisma().$queryRaw<FigureRow[]>`
    SELECT a.type, a."provinceId",
           count(*) AS agencies,
           count(p.id) AS published,
           coalesce(sum(p."measureCount"), 0)::bigint AS measures,
           coalesce(sum(p."completedCount"), 0)::bigint AS completed,
           coalesce(sum(p."notCarriedOutCount"), 0)::bigint AS "notCarriedOut"
    FROM "Agency" a
    LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear} AND p.status = 'published'
    WHERE a."isActive" ${provinceFilter}
    GROUP BY a.type, a."provinceId"`;
}

/** The fiscal years with a published plan, newest first: a skip scan of (fiscalYear, status). */
async function publishedYears(): Promise<number[]> {
  const rows = await getPrisma().$queryRaw<{ fiscalYear: number }[]>`
    WITH RECURSIVE y AS (
      (SELECT "fiscalYear" FROM "Plan" WHERE status = 'published' ORDER BY "fiscalYear" DESC LIMIT 1)
      UNION ALL
      SELECT (SELECT "fiscalYear" FROM "Plan" WHERE status = 'published' AND "fiscalYear" < y."fiscalYear"
              ORDER BY "fiscalYear" DESC LIMIT 1)
      FROM y WHERE y."fiscalYear" IS NOT NULL)
    SELECT "fiscalYear" FROM y WHERE "fiscalYear" IS NOT NULL`;
  return rows.map((row) => row.fiscalYear);
}

export async function getPublicSummary(fiscalYear?: number): Promise<PublicSummary> {
  const years = await publishedYears();
  const year = fiscalYear ?? years[0] ?? currentFiscalYear();
  const [rows, provinces] = await Promise.all([figureRows(year), getPrisma().province.findMany({ orderBy: { id: 'asc' } })]);
  const byType = new Map<AgencyType, PublicFigures>();
  const byProvince = new Map<number, PublicFigures>();
  let totals = EMPTY;
  for (const row of rows) {
    totals = add(totals, row);
    byType.set(row.type, add(byType.get(row.type) ?? EMPTY, row));
    byProvince.set(row.provinceId, add(byProvince.get(row.provinceId) ?? EMPTY, row));
  }
  return {
    fiscalYear: year,
    fiscalYears: years,
    totals,
    byType: (['pao', 'municipality', 'sao', 'special'] as const)
      .filter((type) => byType.has(type))
      .map((type) => ({ type, ...byType.get(type)! })),
    byProvince: provinces.map((province) => ({
      provinceId: province.id,
      nameTh: province.nameTh,
      nameEn: province.nameEn,
      ...(byProvince.get(province.id) ?? EMPTY),
    })),
  };
}

export async function getPublicProvince(
  provinceId: number,
  query: { fiscalYear?: number; page: number; pageSize: number; q?: string; type?: AgencyType },
): Promise<PublicProvince> {
  const prisma = getPrisma();
  const province = await prisma.province.findUnique({ where: { id: provinceId } });
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  const year = query.fiscalYear ?? (await publishedYears())[0] ?? currentFiscalYear();
  const rows = await figureRows(year, provinceId);
  const totals = rows.reduce(add, EMPTY);
  const where: Prisma.AgencyWhereInput = {
    provinceId,
    isActive: true,
    type: query.type,
    ...(query.q ? { nameTh: { contains: query.q, mode: 'insensitive' } } : {}),
  };
  const [agencies, total] = await Promise.all([
    prisma.agency.findMany({
      where,
      orderBy: [{ nameTh: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        nameTh: true,
        type: true,
        district: { select: { nameTh: true } },
        plans: {
          where: { fiscalYear: year, status: 'published' },
          select: { measures: { where: { deletedAt: null }, select: { outcome: true } } },
        },
      },
    }),
    prisma.agency.count({ where }),
  ]);
  return {
    provinceId,
    nameTh: province.nameTh,
    nameEn: province.nameEn,
    fiscalYear: year,
    totals,
    agencies: {
      items: agencies.map((agency) => {
        const measures = agency.plans[0]?.measures ?? [];
        return {
          id: agency.id,
          nameTh: agency.nameTh,
          type: agency.type,
          districtNameTh: agency.district?.nameTh ?? null,
          published: agency.plans.length > 0,
          measures: measures.length,
          measuresCompleted: measures.filter((measure) => measure.outcome === 'completed').length,
        };
      }),
      page: query.page,
      pageSize: query.pageSize,
      total,
    },
  };
}

export async function getPublicAgency(agencyId: string): Promise<PublicAgency> {
  const agency = await getPrisma().agency.findFirst({ where: { id: agencyId, isActive: true }, select: AGENCY_SELECT });
  if (!agency) throw notFound('ไม่พบหน่วยงานนี้');
  return { agency: toAgency(agency), plans: await listPlanSummaries(PUBLIC_SCOPE, agencyId) };
}

export async function getPublicPlan(agencyId: string, fiscalYear: number): Promise<PlanDetail> {
  const plan = await getPrisma().plan.findFirst({
    where: { AND: [{ agencyId, fiscalYear }, scopeWhere.plan(PUBLIC_SCOPE)] },
    select: { id: true },
  });
  if (!plan) throw notFound('ไม่พบรายงานที่เผยแพร่ของปีนี้');
  return loadPlanDetail(rootDb(), PUBLIC_SCOPE, plan.id, { publicView: true });
}
