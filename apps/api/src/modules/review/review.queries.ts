import type { ProvinceOverviewQuery, ProvinceOverviewRow } from '@prongsai/shared';
import { ITA_PASS_SCORE } from '@prongsai/shared';
import { guardOf, scopeSql, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { getPrisma } from '../../lib/prisma';
import { empty, join, queryRow, queryRows, sql, type Sql } from '../../lib/sql';
import { agencySearchFor } from '../agencies/agencies.queries';

/**
 * The reviewer workspace's reads: a province's agencies side by side. Every statement carries the
 * caller's scope on the agencies it reads (`scopeSql('agency', …)`), so another province's rows are
 * never loaded; aggregates are computed in SQL (one round trip per view).
 */

export async function findProvince(provinceId: number): Promise<{ nameTh: string } | undefined> {
  return queryRow<{ nameTh: string }>(getPrisma(), sql`SELECT "nameTh" FROM "Province" WHERE id = ${provinceId}::int`);
}

const SORT_SQL: Record<ProvinceOverviewQuery['sort'], Sql> = {
  name: sql`ag."nameTh"`,
  status: sql`pl.status`,
  completion: sql`"completedPercent"`,
  notCarriedOut: sql`"notCarriedOutPercent"`,
  warnings: sql`warnings`,
  updated: sql`"lastUpdate"`,
  score: sql`"itaScore"`,
  measures: sql`measures`,
};

export interface OverviewSqlRow {
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
  itaScore: number | null;
  total: number;
}

/** What the overview page shows beside its rows; computed once per statement (uncorrelated sub-selects). */
export interface OverviewSummaryColumns {
  provinceNameTh: string | null;
  statusCounts: { status: string | null; count: number }[] | null;
}

/**
 * The shared `percentOf` in SQL (the overview sorts and pages by it, so it is computed there): one
 * decimal, halves up, 0 for an empty whole. percent-sql.api.test.ts holds the two to the same figures.
 */
export const percentSql = (part: Sql, whole: Sql): Sql =>
  sql`CASE WHEN coalesce(${whole}, 0) = 0 THEN 0 ELSE round(100.0 * ${part} / ${whole}, 1)::float8 END`;

function overviewFilters(scope: Scope, provinceId: number, query: ProvinceOverviewQuery): Sql {
  return join(
    [
      scopeSql('agency', scope, 'ag'),
      sql`ag."provinceId" = ${provinceId}::int`,
      sql`ag."isActive"`,
      query.type ? sql`ag.type = ${query.type}::"AgencyType"` : empty,
      query.districtId ? sql`ag."districtId" = ${query.districtId}::int` : empty,
      agencySearchFor(query.q, 'ag')?.where ?? empty,
    ].filter((part) => part !== empty),
    ' AND ',
  );
}

/** Plans of the province's agencies in `scope` per status (`null`: no plan) in one fiscal year. */
export function statusCountsSql(scope: Scope, provinceId: number, fiscalYear: number): Sql {
  return sql`
    SELECT p.status::text AS status, count(*)::int AS count FROM "Agency" a
    LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}::int
    WHERE a."provinceId" = ${provinceId}::int AND a."isActive" AND ${scopeSql('agency', scope, 'a')} GROUP BY p.status`;
}

export const statusCounts = (scope: Scope, provinceId: number, fiscalYear: number) =>
  queryRows<{ status: string | null; count: number }>(getPrisma(), statusCountsSql(scope, provinceId, fiscalYear));

/**
 * The overview rows, sorted and paginated in SQL; `limit` null reads everything (exports). With
 * `withSummary`, every row also carries the province's name and status counts (one statement for
 * the whole page: on these machines each round trip's syscalls cost more than the SQL).
 */
export async function overviewRows(
  scope: Scope,
  provinceId: number,
  query: ProvinceOverviewQuery,
  limit: number | null,
  withSummary = false,
): Promise<(OverviewSqlRow & Partial<OverviewSummaryColumns>)[]> {
  const summary = withSummary
    ? sql`, (SELECT pr."nameTh" FROM "Province" pr WHERE pr.id = ${provinceId}::int) AS "provinceNameTh",
        (SELECT json_agg(s) FROM (${statusCountsSql(scope, provinceId, query.fiscalYear)}) s) AS "statusCounts"`
    : empty;
  const statusFilter =
    query.status === undefined
      ? empty
      : query.status === 'none'
        ? sql`AND pl.id IS NULL`
        : sql`AND pl.status = ${query.status}::"PlanStatus"`;
  const order = query.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  // Sorted by name (the default), a search puts its best matches first; any other sort is the reviewer's choice.
  const search = query.sort === 'name' ? agencySearchFor(query.q, 'ag') : null;
  const searchOrder = search ? sql`${search.order}, ` : empty;
  const page = limit === null ? empty : sql`LIMIT ${limit}::int OFFSET ${(query.page - 1) * limit}::int`;
  // The plan's counters (kept on every write) stand in for its measures: no measure is read.
  return queryRows<OverviewSqlRow & Partial<OverviewSummaryColumns>>(
    getPrisma(),
    sql`
    SELECT ag.id AS "agencyId", ag."nameTh", ag.type, ag."districtId", d."nameTh" AS "districtNameTh",
           pl.id AS "planId", pl.status AS "planStatus",
           coalesce(pl."measureCount", 0) AS measures,
           ${percentSql(sql`pl."completedCount"`, sql`pl."measureCount"`)} AS "completedPercent",
           ${percentSql(sql`pl."notCarriedOutCount"`, sql`pl."measureCount"`)} AS "notCarriedOutPercent",
           coalesce(pl."indicatorsCovered", 0) AS "indicatorsCovered",
           coalesce(pl."warningCount", 0) AS warnings,
           pl."updatedAt" AS "lastUpdate",
           ita.score::float8 AS "itaScore",
           (count(*) OVER ())::int AS total ${summary}
    FROM "Agency" ag
    LEFT JOIN "District" d ON d.id = ag."districtId"
    LEFT JOIN "Plan" pl ON pl."agencyId" = ag.id AND pl."fiscalYear" = ${query.fiscalYear}::int
    -- A probe of the unique (agencyId, fiscalYear) index per agency (LIMIT keeps the planner from
    -- hashing the whole year's scores instead).
    LEFT JOIN LATERAL (
      SELECT r.score FROM "ItaResult" r WHERE r."agencyId" = ag.id AND r."fiscalYear" = ${query.fiscalYear}::int LIMIT 1
    ) ita ON true
    WHERE ${overviewFilters(scope, provinceId, query)} ${statusFilter}
    ORDER BY ${searchOrder}${SORT_SQL[query.sort]} ${order}, ag."nameTh" ASC, ag.id ASC
    ${page}`,
    { guard: guardOf(scope), name: 'province-overview' },
  );
}

export interface CompareRows {
  agencies: { id: string; nameTh: string; type: ProvinceOverviewRow['type'] }[];
  plans: {
    agencyId: string;
    fiscalYear: number;
    status: NonNullable<ProvinceOverviewRow['planStatus']>;
    warnings: number;
    measures: number;
    completed: number;
  }[];
  groups: { agencyId: string; fiscalYear: number; group: string; count: number }[];
  scores: { agencyId: string; fiscalYear: number; score: number }[];
}

/** The compare view's rows for the agencies of `agencyIds` inside `scope` (others are not read). */
export async function compareRows(scope: Scope, agencyIds: string[]): Promise<CompareRows> {
  const db = getPrisma();
  const inScope = sql`a.id = ANY(${agencyIds}::uuid[]) AND ${scopeSql('agency', scope, 'a')}`;
  const [agencies, plans, groups, scores] = await Promise.all([
    queryRows<CompareRows['agencies'][number]>(db, sql`SELECT a.id, a."nameTh", a.type::text AS type FROM "Agency" a WHERE ${inScope}`),
    queryRows<CompareRows['plans'][number]>(
      db,
      sql`SELECT p."agencyId", p."fiscalYear", p.status::text AS status, p."warningCount" AS warnings,
                 (SELECT count(*)::int FROM "Measure" m WHERE m."planId" = p.id AND m."deletedAt" IS NULL) AS measures,
                 (SELECT count(*)::int FROM "Measure" m WHERE m."planId" = p.id AND m."deletedAt" IS NULL AND m.outcome = 'completed') AS completed
          FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE ${inScope}`,
    ),
    queryRows<CompareRows['groups'][number]>(
      db,
      sql`SELECT p."agencyId", p."fiscalYear", ii."group", count(DISTINCT m.id)::int AS count
          FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
          JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
          JOIN "MeasureIndicator" mi ON mi."measureId" = m.id
          JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
          WHERE ${inScope}
          GROUP BY p."agencyId", p."fiscalYear", ii."group"`,
    ),
    queryRows<CompareRows['scores'][number]>(
      db,
      sql`SELECT r."agencyId", r."fiscalYear", r.score::float8 AS score FROM "ItaResult" r JOIN "Agency" a ON a.id = r."agencyId" WHERE ${inScope}`,
    ),
  ]);
  return { agencies, plans, groups, scores };
}

export interface HeatmapRow {
  agencyId: string;
  nameTh: string;
  codeYear: number | null;
  code: string | null;
  count: number;
}

/** Which agencies of the province (inside `scope`) have measures citing which OIT items, in one fiscal year. */
export async function heatmapRows(scope: Scope, provinceId: number, fiscalYear: number): Promise<HeatmapRow[]> {
  return queryRows<HeatmapRow>(
    getPrisma(),
    sql`
    SELECT a.id AS "agencyId", a."nameTh", mi."fiscalYear" AS "codeYear", mi.code, count(DISTINCT m.id)::int AS count
    FROM "Agency" a
    LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}::int
    LEFT JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
    LEFT JOIN "MeasureIndicator" mi ON mi."measureId" = m.id
    WHERE a."provinceId" = ${provinceId}::int AND a."isActive" AND ${scopeSql('agency', scope, 'a')}
    GROUP BY a.id, a."nameTh", mi."fiscalYear", mi.code
    ORDER BY a."nameTh"`,
  );
}

export async function indicatorTitles(keys: { fiscalYear: number; code: string }[]) {
  if (keys.length === 0) return [];
  return getPrisma().indicatorItem.findMany({ where: { OR: keys }, select: { fiscalYear: true, code: true, titleTh: true } });
}

export interface TrendYearRow {
  fiscalYear: number;
  plans: number;
  published: number;
  measures: number;
  completed: number;
  averageScore: number | null;
  passed: number;
  scored: number;
}

/** Province figures per fiscal year over the agencies of the province inside `scope`, and (completion, next score change) pairs. */
export async function trendRows(
  scope: Scope,
  provinceId: number,
): Promise<{ years: TrendYearRow[]; agencies: number; pairs: { completed: number; measures: number; change: number }[] }> {
  const db = getPrisma();
  const agencies = sql`SELECT a.id FROM "Agency" a WHERE a."provinceId" = ${provinceId}::int AND ${scopeSql('agency', scope, 'a')}`;
  const [years, count, pairs] = await Promise.all([
    queryRows<TrendYearRow>(
      db,
      sql`
      WITH scoped AS (${agencies}),
      years AS (
        SELECT DISTINCT p."fiscalYear" FROM "Plan" p WHERE p."agencyId" IN (SELECT id FROM scoped)
        UNION SELECT DISTINCT r."fiscalYear" FROM "ItaResult" r WHERE r."agencyId" IN (SELECT id FROM scoped)
      )
      SELECT y."fiscalYear",
        (SELECT count(*)::int FROM "Plan" p WHERE p."agencyId" IN (SELECT id FROM scoped) AND p."fiscalYear" = y."fiscalYear") AS plans,
        (SELECT count(*)::int FROM "Plan" p WHERE p."agencyId" IN (SELECT id FROM scoped) AND p."fiscalYear" = y."fiscalYear" AND p.status = 'published') AS published,
        (SELECT count(*)::int FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE p."agencyId" IN (SELECT id FROM scoped) AND p."fiscalYear" = y."fiscalYear" AND m."deletedAt" IS NULL) AS measures,
        (SELECT count(*)::int FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" WHERE p."agencyId" IN (SELECT id FROM scoped) AND p."fiscalYear" = y."fiscalYear" AND m."deletedAt" IS NULL AND m.outcome = 'completed') AS completed,
        (SELECT avg(r.score)::float8 FROM "ItaResult" r WHERE r."agencyId" IN (SELECT id FROM scoped) AND r."fiscalYear" = y."fiscalYear") AS "averageScore",
        (SELECT count(*)::int FROM "ItaResult" r WHERE r."agencyId" IN (SELECT id FROM scoped) AND r."fiscalYear" = y."fiscalYear" AND r.score >= ${ITA_PASS_SCORE}::float8) AS passed,
        (SELECT count(*)::int FROM "ItaResult" r WHERE r."agencyId" IN (SELECT id FROM scoped) AND r."fiscalYear" = y."fiscalYear") AS scored
      FROM years y ORDER BY y."fiscalYear"`,
    ),
    queryRow<{ count: number }>(
      db,
      sql`SELECT count(*)::int AS count FROM (${agencies}) s JOIN "Agency" a ON a.id = s.id WHERE a."isActive"`,
    ),
    queryRows<{ completed: number; measures: number; change: number }>(
      db,
      sql`
      SELECT count(*) FILTER (WHERE m.outcome = 'completed')::int AS completed, count(*)::int AS measures,
             (next.score - this.score)::float8 AS change
      FROM "Plan" p
      JOIN "Measure" m ON m."planId" = p.id AND m."deletedAt" IS NULL
      JOIN "ItaResult" this ON this."agencyId" = p."agencyId" AND this."fiscalYear" = p."fiscalYear"
      JOIN "ItaResult" next ON next."agencyId" = p."agencyId" AND next."fiscalYear" = p."fiscalYear" + 1
      WHERE p."agencyId" IN (${agencies})
      GROUP BY p.id, next.score, this.score`,
    ),
  ]);
  return { years, agencies: count?.count ?? 0, pairs };
}

/** Agency ids by their DOPA code (national reference data: no scope). */
export async function agencyIdsByCode(codes: string[]): Promise<Map<string, string>> {
  const rows = await getPrisma().agency.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.map((row) => [row.code!, row.id]));
}

export async function upsertItaResults(db: Db, rows: { agencyId: string; fiscalYear: number; score: number }[]): Promise<void> {
  const client = clientOf(db);
  for (const row of rows) {
    await client.itaResult.upsert({
      where: { agencyId_fiscalYear: { agencyId: row.agencyId, fiscalYear: row.fiscalYear } },
      create: row,
      update: { score: row.score },
    });
  }
}

export interface WaitingPlanRow {
  planId: string;
  agencyId: string;
  agencyNameTh: string;
  agencyType: ProvinceOverviewRow['type'];
  fiscalYear: number;
  submittedAt: Date | null;
  measures: number;
  warnings: number;
}

/** "Waiting for me": the submitted plans in `scope`, every fiscal year, oldest submission first (issue 14). */
export async function waitingPlans(scope: Scope, limit: number): Promise<{ rows: WaitingPlanRow[]; total: number }> {
  const rows = await queryRows<WaitingPlanRow & { total: number }>(
    getPrisma(),
    sql`SELECT p.id AS "planId", p."agencyId", a."nameTh" AS "agencyNameTh", a.type::text AS "agencyType", p."fiscalYear",
        p."submittedAt", p."measureCount" AS measures, p."warningCount" AS warnings, count(*) OVER ()::int AS total
      FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
      WHERE p.status = 'submitted' AND ${scopeSql('plan', scope, 'p')}
      ORDER BY p."submittedAt" ASC NULLS FIRST, p.id LIMIT ${limit}::int`,
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
