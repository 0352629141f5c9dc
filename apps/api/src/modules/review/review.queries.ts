import type { ProvinceOverview, ProvinceOverviewQuery, ProvinceOverviewRow } from '@prongsai/shared';
import { ITA_BANDS, ITA_PASS_SCORE, itaBand } from '@prongsai/shared';
import { guardOf, scopeSql, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { JsonText } from '../../lib/json-text';
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

/** The sort keys, as columns of the overview's `base` rows (`b`). */
const SORT_SQL: Record<ProvinceOverviewQuery['sort'], Sql> = {
  name: sql`b."nameTh"`,
  status: sql`b."planStatus"`,
  completion: sql`b."completedPercent"`,
  notCarriedOut: sql`b."notCarriedOutPercent"`,
  warnings: sql`b.warnings`,
  updated: sql`b."updatedAt"`,
  score: sql`b."itaScore"`,
  measures: sql`b.measures`,
};

/** The ITA band of a float8 `score` (null for null): the shared `ITA_BANDS` table as a CASE, so the rule is written once. */
export const itaBandSql = (score: Sql): Sql =>
  sql`CASE ${join(
    ITA_BANDS.map((entry) => sql`WHEN ${score} >= ${entry.min}::float8 THEN ${entry.band}::text`),
    ' ',
  )} WHEN ${score} IS NOT NULL THEN ${itaBand(Number.NEGATIVE_INFINITY)}::text END`;

/**
 * The shared `percentOf` in SQL (the overview sorts and pages by it, so it is computed there): one
 * decimal, halves up, 0 for an empty whole. In integers: floor((2000·part + whole) / (2·whole)) is
 * 1000·part/whole rounded half up, then tenths as float8 — the same value `round(100.0 * part / whole, 1)`
 * gives, without numeric arithmetic (~12 % of the overview statement's execution for the province's rows).
 * percent-sql.api.test.ts holds the two to the same figures for every part ≤ whole ≤ 120.
 */
export const percentSql = (part: Sql, whole: Sql): Sql =>
  sql`CASE WHEN coalesce(${whole}, 0) = 0 THEN 0 ELSE ((2000 * ${part} + ${whole}) / (2 * ${whole}))::float8 / 10 END`;

/** The ITA score of agency `agency` in the overview's year: a probe of the unique (agencyId, fiscalYear) index. */
const itaScoreSql = (agency: Sql, fiscalYear: number): Sql =>
  sql`(SELECT r.score::float8 FROM "ItaResult" r WHERE r."agencyId" = ${agency} AND r."fiscalYear" = ${fiscalYear}::int LIMIT 1)`;

/** The overview of a province as its one statement answers it. */
export interface OverviewAnswer {
  /** false: no such province (the answer's name is null then). */
  found: boolean;
  /** The whole `ProvinceOverview`, serialised by PostgreSQL (ADR 036). */
  answer: JsonText<ProvinceOverview>;
}

/**
 * The overview of a province, sorted and paginated in SQL (`limit` null: every row, for exports), with
 * the total, the province's name and its status counts: one statement, one row, the whole answer as
 * one json text (docs/performance.md, tenth and twelfth sessions; ADR 036), each row built here once
 * in the shape of `ProvinceOverviewRow`.
 *
 * `base` reads the province's active agencies in `scope` with their plan of the year once (the plans by
 * their province: `Plan.provinceId`, migration 20261203093800_plan_province): the status
 * counts are made of all of them, the page of those the filters keep (`inView`). The district's name and
 * the ITA score are looked up for the page's rows only (unless the page is sorted by the score). The
 * plan's counters (kept on every write) stand in for its measures: no measure is read.
 */
export async function overviewAnswer(
  scope: Scope,
  provinceId: number,
  query: ProvinceOverviewQuery,
  limit: number | null,
): Promise<OverviewAnswer> {
  const { fiscalYear } = query;
  // Sorted by name (the default), a search puts its best matches first; any other sort is the reviewer's choice.
  const search = agencySearchFor(query.q, 'ag');
  const searchColumns =
    search && query.sort === 'name' ? sql`, ${search.rank} AS "searchRank", ${search.similarity} AS "searchSimilarity"` : empty;
  const searchOrder = searchColumns === empty ? empty : sql`b."searchRank", b."searchSimilarity" DESC, `;
  const inView = [
    query.type ? sql`ag.type = ${query.type}::"AgencyType"` : empty,
    query.districtId ? sql`ag."districtId" = ${query.districtId}::int` : empty,
    search?.where ?? empty,
    query.status === undefined ? empty : query.status === 'none' ? sql`pl.id IS NULL` : sql`pl.status = ${query.status}::"PlanStatus"`,
  ].filter((part) => part !== empty);
  const byScore = query.sort === 'score';
  const order = sql`${searchOrder}${SORT_SQL[query.sort]} ${query.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}, b."nameTh" ASC, b.id ASC`;
  const page = limit === null ? empty : sql`LIMIT ${limit}::int OFFSET ${(query.page - 1) * limit}::int`;
  const provinceName = sql`(SELECT pr."nameTh" FROM "Province" pr WHERE pr.id = ${provinceId}::int)`;
  const row = await queryRow<{ found: boolean; answer: string }>(
    getPrisma(),
    sql`
    WITH base AS MATERIALIZED (
      SELECT ag.id, ag."nameTh", ag.type, ag."districtId", pl.id AS "planId", pl.status AS "planStatus",
             coalesce(pl."measureCount", 0) AS measures,
             ${percentSql(sql`pl."completedCount"`, sql`pl."measureCount"`)} AS "completedPercent",
             ${percentSql(sql`pl."notCarriedOutCount"`, sql`pl."measureCount"`)} AS "notCarriedOutPercent",
             coalesce(pl."indicatorsCovered", 0) AS "indicatorsCovered",
             coalesce(pl."warningCount", 0) AS warnings,
             pl."updatedAt",
             ${byScore ? itaScoreSql(sql`ag.id`, fiscalYear) : sql`NULL::float8`} AS "itaScore",
             ${inView.length > 0 ? join(inView, ' AND ') : sql`true`} AS "inView" ${searchColumns}
      FROM "Agency" ag
      -- A plan carries its agency's province (kept by triggers): the province's plans of the year are one
      -- index range scan hashed against its agencies, not one index probe per agency.
      LEFT JOIN "Plan" pl ON pl."agencyId" = ag.id AND pl."fiscalYear" = ${fiscalYear}::int AND pl."provinceId" = ${provinceId}::int
      WHERE ${scopeSql('agency', scope, 'ag')} AND ag."provinceId" = ${provinceId}::int AND ag."isActive"
    )
    SELECT ${provinceName} IS NOT NULL AS found, json_build_object(
      'provinceId', ${provinceId}::int,
      'provinceNameTh', ${provinceName},
      'fiscalYear', ${fiscalYear}::int,
      'items', coalesce((SELECT json_agg(x ORDER BY r.position) FROM (
          -- OFFSET 0: the score is looked up once a row, not once for each time the band's CASE names it.
          SELECT b.*, ${byScore ? sql`b."itaScore"` : itaScoreSql(sql`b.id`, fiscalYear)} AS score
          FROM (SELECT b.*, row_number() OVER (ORDER BY ${order}) AS position FROM base b WHERE b."inView" ORDER BY ${order} ${page}) b
          OFFSET 0
        ) r
        -- The row as ProvinceOverviewRow names it: a record's columns (json_build_object per row cost ~10 % more).
        CROSS JOIN LATERAL (
          SELECT r.id AS "agencyId", r."nameTh", r.type, r."districtId",
                 (SELECT d."nameTh" FROM "District" d WHERE d.id = r."districtId") AS "districtNameTh",
                 r."planId", r."planStatus", r.measures, r."completedPercent", r."notCarriedOutPercent",
                 r."indicatorsCovered", r.warnings,
                 to_char(r."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastUpdate",
                 r.score AS "itaScore", ${itaBandSql(sql`r.score`)} AS "itaBand"
        ) x), '[]'::json),
      'page', ${query.page}::int,
      'pageSize', ${limit ?? query.pageSize}::int,
      'total', (SELECT count(*)::int FROM base WHERE "inView"),
      'statusCounts', coalesce((SELECT json_object_agg(coalesce(s.status, 'none'), s.count) FROM (
          SELECT "planStatus"::text AS status, count(*)::int AS count FROM base GROUP BY 1) s), '{}'::json)
    )::text AS answer`,
    { guard: guardOf(scope), name: 'province-overview' },
  );
  return { found: row!.found, answer: new JsonText<ProvinceOverview>(row!.answer) };
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
