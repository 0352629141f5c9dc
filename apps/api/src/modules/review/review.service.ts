import {
  fiscalYearRangeMessage,
  isValidFiscalYear,
  itaBand,
  percentOf,
  ITA_PASS_SCORE,
  parseCsv,
  type CompareResponse,
  type FieldIssue,
  type IndicatorHeatmap,
  type ProvinceOverview,
  type ProvinceOverviewQuery,
  type ProvinceOverviewRow,
  type Trends,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { agencyWhere } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, Prisma } from '../../lib/prisma';
import { sqlRows } from '../../lib/sql';
import { recordAudit } from '../audit/audit.service';

/**
 * The reviewer workspace: a province's agencies side by side. Reviewers see their own province;
 * national admins any. Aggregates are computed in SQL (one round trip per view).
 */

async function assertProvinceReviewable(actor: Actor, provinceId: number): Promise<{ nameTh: string }> {
  const [province] = await sqlRows<{ nameTh: string }>(getPrisma(), 'SELECT "nameTh" FROM "Province" WHERE id = $1::int', [provinceId]);
  if (!province) throw notFound('ไม่พบจังหวัดนี้');
  assertCan(actor, 'review:plan', { agencyId: '', provinceId });
  return province;
}

/** A statement built with `Prisma.sql`, run on the pool like every hot read (lib/sql.ts). */
const onPrismaSql = <T>(statement: Prisma.Sql): Promise<T[]> => sqlRows<T>(getPrisma(), statement.text, statement.values);

const SORT_SQL: Record<ProvinceOverviewQuery['sort'], Prisma.Sql> = {
  name: Prisma.sql`ag."nameTh"`,
  status: Prisma.sql`pl.status`,
  completion: Prisma.sql`"completedPercent"`,
  notCarriedOut: Prisma.sql`"notCarriedOutPercent"`,
  warnings: Prisma.sql`warnings`,
  updated: Prisma.sql`"lastUpdate"`,
  score: Prisma.sql`"itaScore"`,
  measures: Prisma.sql`measures`,
};

interface OverviewSqlRow {
  agencyId: string;
  nameTh: string;
  type: ProvinceOverviewRow['type'];
  districtId: number | null;
  districtNameTh: string | null;
  planId: string | null;
  planStatus: ProvinceOverviewRow['planStatus'];
  measures: number;
  completedPercent: number;
  notCarriedOutPercent: number;
  indicatorsCovered: number;
  warnings: number;
  lastUpdate: Date | null;
  /** numeric and int8 arrive as text from `pg`. */
  itaScore: string | null;
  total: string;
}

/**
 * The shared `percentOf` in SQL (the overview sorts and pages by it, so it is computed there): one
 * decimal, halves up, 0 for an empty whole. percent-sql.api.test.ts holds the two to the same figures.
 */
export const percentSql = (part: Prisma.Sql, whole: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`CASE WHEN coalesce(${whole}, 0) = 0 THEN 0 ELSE round(100.0 * ${part} / ${whole}, 1)::float8 END`;

function overviewFilters(provinceId: number, query: ProvinceOverviewQuery): Prisma.Sql {
  const parts = [Prisma.sql`ag."provinceId" = ${provinceId}`, Prisma.sql`ag."isActive"`];
  if (query.type) parts.push(Prisma.sql`ag.type = ${query.type}::"AgencyType"`);
  if (query.districtId) parts.push(Prisma.sql`ag."districtId" = ${query.districtId}`);
  if (query.q) parts.push(Prisma.sql`ag."nameTh" ILIKE ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return Prisma.join(parts, ' AND ');
}

/** What the overview page shows beside its rows; computed once per statement (uncorrelated sub-selects). */
interface OverviewSummaryColumns {
  provinceNameTh: string | null;
  statusCounts: { status: string | null; count: number }[] | null;
}

function statusCountsSql(provinceId: number, fiscalYear: number): Prisma.Sql {
  return Prisma.sql`
    SELECT p.status::text AS status, count(*)::int AS count FROM "Agency" a
    LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}
    WHERE a."provinceId" = ${provinceId} AND a."isActive" GROUP BY p.status`;
}

/**
 * The overview rows, sorted and paginated in SQL; `limit` null streams everything (exports). With
 * `withSummary`, every row also carries the province's name and status counts (one statement for
 * the whole page: on these machines each round trip's syscalls cost more than the SQL).
 */
export async function queryOverview(
  provinceId: number,
  query: ProvinceOverviewQuery,
  limit: number | null,
  withSummary = false,
): Promise<(OverviewSqlRow & Partial<OverviewSummaryColumns>)[]> {
  const summary = withSummary
    ? Prisma.sql`, (SELECT pr."nameTh" FROM "Province" pr WHERE pr.id = ${provinceId}) AS "provinceNameTh",
        (SELECT json_agg(s) FROM (${statusCountsSql(provinceId, query.fiscalYear)}) s) AS "statusCounts"`
    : Prisma.empty;
  const statusFilter =
    query.status === undefined
      ? Prisma.empty
      : query.status === 'none'
        ? Prisma.sql`AND pl.id IS NULL`
        : Prisma.sql`AND pl.status = ${query.status}::"PlanStatus"`;
  const order = query.order === 'desc' ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const page = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${(query.page - 1) * limit}`;
  // The plan's counters (kept on every write) stand in for its measures: no measure is read.
  return onPrismaSql<OverviewSqlRow & Partial<OverviewSummaryColumns>>(Prisma.sql`
    SELECT ag.id AS "agencyId", ag."nameTh", ag.type, ag."districtId", d."nameTh" AS "districtNameTh",
           pl.id AS "planId", pl.status AS "planStatus",
           coalesce(pl."measureCount", 0) AS measures,
           ${percentSql(Prisma.sql`pl."completedCount"`, Prisma.sql`pl."measureCount"`)} AS "completedPercent",
           ${percentSql(Prisma.sql`pl."notCarriedOutCount"`, Prisma.sql`pl."measureCount"`)} AS "notCarriedOutPercent",
           coalesce(pl."indicatorsCovered", 0) AS "indicatorsCovered",
           coalesce(pl."warningCount", 0) AS warnings,
           pl."updatedAt" AS "lastUpdate",
           ita.score AS "itaScore",
           count(*) OVER () AS total ${summary}
    FROM "Agency" ag
    LEFT JOIN "District" d ON d.id = ag."districtId"
    LEFT JOIN "Plan" pl ON pl."agencyId" = ag.id AND pl."fiscalYear" = ${query.fiscalYear}
    -- A probe of the unique (agencyId, fiscalYear) index per agency (LIMIT keeps the planner from
    -- hashing the whole year's scores instead).
    LEFT JOIN LATERAL (
      SELECT r.score FROM "ItaResult" r WHERE r."agencyId" = ag.id AND r."fiscalYear" = ${query.fiscalYear} LIMIT 1
    ) ita ON true
    WHERE ${overviewFilters(provinceId, query)} ${statusFilter}
    ORDER BY ${SORT_SQL[query.sort]} ${order}, ag."nameTh" ASC, ag.id ASC
    ${page}`);
}

export function toOverviewRow(row: OverviewSqlRow): ProvinceOverviewRow {
  const score = row.itaScore === null ? null : Number(row.itaScore);
  return {
    agencyId: row.agencyId,
    nameTh: row.nameTh,
    type: row.type,
    districtId: row.districtId,
    districtNameTh: row.districtNameTh,
    planId: row.planId,
    planStatus: row.planStatus,
    measures: row.measures,
    completedPercent: row.completedPercent,
    notCarriedOutPercent: row.notCarriedOutPercent,
    indicatorsCovered: row.indicatorsCovered,
    warnings: row.warnings,
    lastUpdate: row.lastUpdate?.toISOString() ?? null,
    itaScore: score,
    itaBand: score === null ? null : itaBand(score),
  };
}

export async function getProvinceOverview(actor: Actor, provinceId: number, query: ProvinceOverviewQuery): Promise<ProvinceOverview> {
  const rows = await queryOverview(provinceId, query, query.pageSize, true);
  const first = rows[0];
  // No row (a page past the end, filters that match nothing, an unknown province): ask separately.
  const province = first?.provinceNameTh ? { nameTh: first.provinceNameTh } : await assertProvinceReviewable(actor, provinceId);
  assertCan(actor, 'review:plan', { agencyId: '', provinceId });
  const statusRows =
    first?.statusCounts ??
    (first ? [] : await onPrismaSql<{ status: string | null; count: number }>(statusCountsSql(provinceId, query.fiscalYear)));
  return {
    provinceId,
    provinceNameTh: province.nameTh,
    fiscalYear: query.fiscalYear,
    items: rows.map(toOverviewRow),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(first?.total ?? 0),
    statusCounts: Object.fromEntries(statusRows.map((row) => [row.status ?? 'none', row.count])),
  };
}

/** 2–6 agencies side by side across every fiscal year they have plans or scores for. */
export async function compareAgencies(actor: Actor, agencyIds: string[]): Promise<CompareResponse> {
  assertCan(actor, 'review:plan');
  const prisma = getPrisma();
  const agencies = await prisma.agency.findMany({
    where: { AND: [{ id: { in: agencyIds } }, agencyWhere(actor, 'review:plan')] },
    select: { id: true, nameTh: true, type: true },
  });
  if (agencies.length !== new Set(agencyIds).size) throw notFound('ไม่พบหน่วยงานบางแห่งที่เลือก');
  const [plans, groups, scores] = await Promise.all([
    prisma.plan.findMany({
      where: { agencyId: { in: agencyIds } },
      select: {
        agencyId: true,
        fiscalYear: true,
        status: true,
        warningCount: true,
        measures: { where: { deletedAt: null }, select: { outcome: true } },
      },
    }),
    prisma.$queryRaw<{ agencyId: string; fiscalYear: number; group: string; count: number }[]>`
      SELECT p."agencyId", p."fiscalYear", ii."group", count(DISTINCT m.id)::int AS count
      FROM "Plan" p JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
      JOIN "MeasureIndicator" mi ON mi."measureId" = m.id
      JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
      WHERE p."agencyId" = ANY(${agencyIds}::uuid[])
      GROUP BY p."agencyId", p."fiscalYear", ii."group"`,
    prisma.itaResult.findMany({ where: { agencyId: { in: agencyIds } }, select: { agencyId: true, fiscalYear: true, score: true } }),
  ]);
  return {
    agencies: agencyIds.map((agencyId) => {
      const agency = agencies.find((candidate) => candidate.id === agencyId)!;
      const years = new Set([
        ...plans.filter((p) => p.agencyId === agencyId).map((p) => p.fiscalYear),
        ...scores.filter((s) => s.agencyId === agencyId).map((s) => s.fiscalYear),
      ]);
      return {
        agencyId,
        nameTh: agency.nameTh,
        type: agency.type,
        years: [...years].sort().map((fiscalYear) => {
          const plan = plans.find((p) => p.agencyId === agencyId && p.fiscalYear === fiscalYear);
          const total = plan?.measures.length ?? 0;
          const completed = plan?.measures.filter((m) => m.outcome === 'completed').length ?? 0;
          const score = scores.find((s) => s.agencyId === agencyId && s.fiscalYear === fiscalYear)?.score;
          return {
            fiscalYear,
            planStatus: plan?.status ?? null,
            measures: total,
            completedPercent: percentOf(completed, total),
            warnings: plan?.warningCount ?? 0,
            itaScore: score === undefined ? null : Number(score),
            byGroup: Object.fromEntries(
              groups.filter((g) => g.agencyId === agencyId && g.fiscalYear === fiscalYear).map((g) => [g.group, g.count]),
            ),
          };
        }),
      };
    }),
  };
}

/** Which agencies of the province have measures citing which OIT items, in one fiscal year. */
export async function getIndicatorHeatmap(actor: Actor, provinceId: number, fiscalYear: number): Promise<IndicatorHeatmap> {
  await assertProvinceReviewable(actor, provinceId);
  const rows = await getPrisma().$queryRaw<
    { agencyId: string; nameTh: string; codeYear: number | null; code: string | null; count: number }[]
  >`
    SELECT a.id AS "agencyId", a."nameTh", mi."fiscalYear" AS "codeYear", mi.code, count(DISTINCT m.id)::int AS count
    FROM "Agency" a
    LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}
    LEFT JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
    LEFT JOIN "MeasureIndicator" mi ON mi."measureId" = m.id
    WHERE a."provinceId" = ${provinceId} AND a."isActive"
    GROUP BY a.id, a."nameTh", mi."fiscalYear", mi.code
    ORDER BY a."nameTh"`;
  const codeKeys = [...new Set(rows.filter((row) => row.code).map((row) => `${row.codeYear}:${row.code}`))];
  const items = await getPrisma().indicatorItem.findMany({
    where: {
      OR: codeKeys.length ? codeKeys.map((key) => ({ fiscalYear: Number(key.split(':')[0]), code: key.split(':')[1]! })) : [{ id: -1 }],
    },
    select: { fiscalYear: true, code: true, titleTh: true },
  });
  const agencies = new Map<string, { agencyId: string; nameTh: string; counts: Record<string, number> }>();
  for (const row of rows) {
    const entry = agencies.get(row.agencyId) ?? { agencyId: row.agencyId, nameTh: row.nameTh, counts: {} };
    if (row.code) entry.counts[`${row.codeYear}:${row.code}`] = row.count;
    agencies.set(row.agencyId, entry);
  }
  return {
    provinceId,
    fiscalYear,
    codes: codeKeys
      .map((key) => {
        const [year, code] = key.split(':') as [string, string];
        return {
          fiscalYear: Number(year),
          code,
          titleTh: items.find((item) => item.fiscalYear === Number(year) && item.code === code)?.titleTh ?? null,
        };
      })
      .sort((a, b) => a.fiscalYear - b.fiscalYear || Number(a.code.slice(1)) - Number(b.code.slice(1))),
    agencies: [...agencies.values()],
  };
}

/** Province figures per fiscal year, and whether completing measures went with better ITA scores next year. */
export async function getProvinceTrends(actor: Actor, provinceId: number): Promise<Trends> {
  await assertProvinceReviewable(actor, provinceId);
  const prisma = getPrisma();
  const years = await prisma.$queryRaw<
    {
      fiscalYear: number;
      plans: number;
      published: number;
      measures: number;
      completed: number;
      averageScore: number | null;
      passed: number;
      scored: number;
    }[]
  >`
    WITH years AS (
      SELECT DISTINCT p."fiscalYear" FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE a."provinceId" = ${provinceId}
      UNION SELECT DISTINCT r."fiscalYear" FROM "ItaResult" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."provinceId" = ${provinceId}
    )
    SELECT y."fiscalYear",
      (SELECT count(*)::int FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE a."provinceId" = ${provinceId} AND p."fiscalYear" = y."fiscalYear") AS plans,
      (SELECT count(*)::int FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE a."provinceId" = ${provinceId} AND p."fiscalYear" = y."fiscalYear" AND p.status = 'published') AS published,
      (SELECT count(*)::int FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = p."agencyId" WHERE a."provinceId" = ${provinceId} AND p."fiscalYear" = y."fiscalYear" AND m."deletedAt" IS NULL) AS measures,
      (SELECT count(*)::int FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = p."agencyId" WHERE a."provinceId" = ${provinceId} AND p."fiscalYear" = y."fiscalYear" AND m."deletedAt" IS NULL AND m.outcome = 'completed') AS completed,
      (SELECT avg(r.score)::float8 FROM "ItaResult" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."provinceId" = ${provinceId} AND r."fiscalYear" = y."fiscalYear") AS "averageScore",
      (SELECT count(*)::int FROM "ItaResult" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."provinceId" = ${provinceId} AND r."fiscalYear" = y."fiscalYear" AND r.score >= ${ITA_PASS_SCORE}) AS passed,
      (SELECT count(*)::int FROM "ItaResult" r JOIN "Agency" a ON a.id = r."agencyId" WHERE a."provinceId" = ${provinceId} AND r."fiscalYear" = y."fiscalYear") AS scored
    FROM years y ORDER BY y."fiscalYear"`;
  const agencies = await prisma.agency.count({ where: { provinceId, isActive: true } });
  const pairs = await prisma.$queryRaw<{ completed: number; measures: number; change: number }[]>`
    SELECT count(*) FILTER (WHERE m.outcome = 'completed')::int AS completed, count(*)::int AS measures,
           (next.score - this.score)::float8 AS change
    FROM "Plan" p
    JOIN "Agency" a ON a.id = p."agencyId"
    JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
    JOIN "ItaResult" this ON this."agencyId" = p."agencyId" AND this."fiscalYear" = p."fiscalYear"
    JOIN "ItaResult" next ON next."agencyId" = p."agencyId" AND next."fiscalYear" = p."fiscalYear" + 1
    WHERE a."provinceId" = ${provinceId}
    GROUP BY p.id, next.score, this.score`;
  // Bucketed by the same rounded completion the pages show.
  const bucketOf = ({ completed, measures }: { completed: number; measures: number }) => {
    const completion = percentOf(completed, measures);
    return completion >= 100 ? 'completed_all' : completion >= 50 ? 'completed_most' : 'completed_few';
  };
  const improvement = (['completed_all', 'completed_most', 'completed_few'] as const).map((bucket) => {
    const members = pairs.filter((pair) => bucketOf(pair) === bucket);
    return {
      bucket,
      agencies: members.length,
      averageScoreChange: members.length
        ? Math.round((members.reduce((sum, pair) => sum + pair.change, 0) / members.length) * 100) / 100
        : null,
    };
  });
  return {
    provinceId,
    years: years.map((year) => ({
      fiscalYear: year.fiscalYear,
      agencies,
      plans: year.plans,
      published: year.published,
      completedPercent: percentOf(year.completed, year.measures),
      averageScore: year.averageScore === null ? null : Math.round(year.averageScore * 100) / 100,
      passRate: year.scored ? percentOf(year.passed, year.scored) : null,
    })),
    improvement,
  };
}

/** National admins load the NACC's published scores: CSV agency_code,fiscal_year,score. */
export async function uploadItaResults(actor: Actor, csv: string): Promise<{ imported: number; unknownAgencyCodes: string[] }> {
  assertCan(actor, 'write:ita-result');
  const rows = parseCsv(csv);
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  if (column('agency_code') < 0 || column('fiscal_year') < 0 || column('score') < 0) {
    throw new AppError('VALIDATION_FAILED', 'ไฟล์ CSV ต้องมีหัวคอลัมน์ agency_code,fiscal_year,score', {
      issues: [{ path: 'body.csv', message: 'header must contain agency_code, fiscal_year and score', code: 'invalid_header' }],
    });
  }
  const issues: FieldIssue[] = [];
  const parsed = rows.slice(1).flatMap((row, index) => {
    const line = index + 2;
    const code = (row[column('agency_code')] ?? '').trim();
    const fiscalYearText = (row[column('fiscal_year')] ?? '').trim();
    const fiscalYear = /^[0-9]{4}$/.test(fiscalYearText) ? Number(fiscalYearText) : Number.NaN;
    const score = Number(row[column('score')]);
    if (!code) issues.push({ path: `body.csv.line${line}.agency_code`, message: 'กรุณาระบุรหัสหน่วยงาน', code: 'required' });
    if (!isValidFiscalYear(fiscalYear))
      issues.push({ path: `body.csv.line${line}.fiscal_year`, message: fiscalYearRangeMessage(), code: 'invalid' });
    if (!Number.isFinite(score) || score < 0 || score > 100)
      issues.push({ path: `body.csv.line${line}.score`, message: 'คะแนนต้องอยู่ระหว่าง 0–100', code: 'invalid' });
    return [{ code, fiscalYear, score }];
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง', { issues: issues.slice(0, 50) });
  const prisma = getPrisma();
  const agencies = new Map(
    (await prisma.agency.findMany({ where: { code: { in: parsed.map((row) => row.code) } }, select: { id: true, code: true } })).map(
      (a) => [a.code!, a.id],
    ),
  );
  const known = parsed.filter((row) => agencies.has(row.code));
  await prisma.$transaction(async (tx) => {
    for (const row of known) {
      const agencyId = agencies.get(row.code)!;
      await tx.itaResult.upsert({
        where: { agencyId_fiscalYear: { agencyId, fiscalYear: row.fiscalYear } },
        create: { agencyId, fiscalYear: row.fiscalYear, score: row.score },
        update: { score: row.score },
      });
    }
    await recordAudit(tx, actor, { action: 'import', entityType: 'ita_result', entityId: 'batch', changes: { rows: known.length } });
  });
  return {
    imported: known.length,
    unknownAgencyCodes: [...new Set(parsed.filter((row) => !agencies.has(row.code)).map((row) => row.code))],
  };
}
