import type { AgencyType, Province } from '@prongsai/shared';
import { scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, rootDb } from '../../lib/db';
import { empty, queryRow, queryRows, sql } from '../../lib/sql';
import { AGENCY_SELECT, agencySearchFor, type AgencyRow } from '../agencies/agencies.queries';

/**
 * The public dashboard's reads. Every statement that reads plans, measures or agencies takes the
 * caller's scope (`PUBLIC_SCOPE`: published plans, their live measures, active agencies) and applies
 * it inside the statement, so what "published" means is written only in access/scope.ts.
 */

/**
 * The version of everything the public pages show: raised by triggers in the same transaction as
 * the write (migration 20261126040949_public_data_version), read on every public request.
 */
export async function readPublicDataVersion(): Promise<string> {
  const row = await queryRow<{ version: string }>(
    clientOf(rootDb()),
    sql`SELECT "version"::text AS version FROM "PublicDataVersion" WHERE id = 1`,
    { name: 'public-data-version' },
  );
  return row?.version ?? '0';
}

export interface FigureRow {
  type: AgencyType;
  provinceId: number;
  agencies: number;
  published: number;
  measures: number;
  completed: number;
  notCarriedOut: number;
}

/**
 * Per (agency type, province): the agencies in scope, how many have a plan in scope that year, and
 * that plan's measures. Reads the counters kept on each plan (refreshPlanWarnings), never the measures.
 */
export async function figureRows(scope: Scope, fiscalYear: number, provinceId?: number): Promise<FigureRow[]> {
  return queryRows<FigureRow>(
    clientOf(rootDb()),
    sql`SELECT a.type::text AS type, a."provinceId",
               count(*)::int AS agencies,
               count(p.id)::int AS published,
               coalesce(sum(p."measureCount"), 0)::int AS measures,
               coalesce(sum(p."completedCount"), 0)::int AS completed,
               coalesce(sum(p."notCarriedOutCount"), 0)::int AS "notCarriedOut"
        FROM "Agency" a
        LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}::int AND ${scopeSql('plan', scope, 'p')}
        WHERE ${scopeSql('agency', scope, 'a')} ${provinceId === undefined ? empty : sql`AND a."provinceId" = ${provinceId}::int`}
        GROUP BY a.type, a."provinceId"`,
  );
}

/** The fiscal years with a plan in scope, newest first: a skip scan of (fiscalYear, status). */
export async function planYears(scope: Scope): Promise<number[]> {
  const rows = await queryRows<{ fiscalYear: number }>(
    clientOf(rootDb()),
    sql`WITH RECURSIVE y AS (
          (SELECT p."fiscalYear" FROM "Plan" p WHERE ${scopeSql('plan', scope, 'p')} ORDER BY p."fiscalYear" DESC LIMIT 1)
          UNION ALL
          SELECT (SELECT p."fiscalYear" FROM "Plan" p WHERE ${scopeSql('plan', scope, 'p')} AND p."fiscalYear" < y."fiscalYear"
                  ORDER BY p."fiscalYear" DESC LIMIT 1)
          FROM y WHERE y."fiscalYear" IS NOT NULL)
        SELECT "fiscalYear" FROM y WHERE "fiscalYear" IS NOT NULL`,
  );
  return rows.map((row) => row.fiscalYear);
}

/** Provinces are national reference data (no scope). */
export async function findProvince(provinceId: number): Promise<Province | null> {
  return clientOf(rootDb()).province.findUnique({ where: { id: provinceId } });
}

export interface ProvinceAgencyRow {
  id: string;
  nameTh: string;
  type: AgencyType;
  districtNameTh: string | null;
  /** Outcomes of the measures in scope of its plan in scope that year; null without such a plan. */
  outcomes: string[] | null;
}

/** One page of a province's agencies in scope, with their plan of the year (in scope) and its measures' outcomes. */
export async function listProvinceAgencies(
  scope: Scope,
  provinceId: number,
  fiscalYear: number,
  query: { page: number; pageSize: number; q?: string; type?: AgencyType },
): Promise<{ rows: ProvinceAgencyRow[]; total: number }> {
  const client = clientOf(rootDb());
  // The page is chosen in SQL (the one agency search ranks it); its rows are then read by id.
  const search = agencySearchFor(query.q, 'a');
  const where = sql`${scopeSql('agency', scope, 'a')} AND a."provinceId" = ${provinceId}::int
    ${query.type === undefined ? empty : sql`AND a.type = ${query.type}::"AgencyType"`}
    ${search ? sql`AND ${search.where}` : empty}`;
  const page = await queryRows<{ id: string; total: number }>(
    client,
    sql`SELECT a.id::text AS id, (count(*) OVER ())::int AS total FROM "Agency" a WHERE ${where}
        ORDER BY ${search ? sql`${search.order}, ` : empty}a."nameTh", a.id
        LIMIT ${query.pageSize}::int OFFSET ${(query.page - 1) * query.pageSize}::int`,
  );
  const ids = page.map((row) => row.id);
  // A page past the end has no row to carry the total: count separately (rare).
  const total =
    page[0]?.total ??
    (await queryRow<{ total: number }>(client, sql`SELECT count(*)::int AS total FROM "Agency" a WHERE ${where}`))?.total ??
    0;
  const found = await client.agency.findMany({
    where: { AND: [{ id: { in: ids } }, scopeWhere.agency(scope)] },
    select: {
      id: true,
      nameTh: true,
      type: true,
      district: { select: { nameTh: true } },
      plans: {
        where: { AND: [{ fiscalYear }, scopeWhere.plan(scope)] },
        select: { measures: { where: scopeWhere.measure(scope), select: { outcome: true } } },
      },
    },
  });
  const byId = new Map(found.map((agency) => [agency.id, agency]));
  const agencies = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    rows: agencies.map((agency) => ({
      id: agency.id,
      nameTh: agency.nameTh,
      type: agency.type,
      districtNameTh: agency.district?.nameTh ?? null,
      outcomes: agency.plans[0] ? agency.plans[0].measures.map((measure) => measure.outcome) : null,
    })),
    total,
  };
}

export interface AgencySearchRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  type: AgencyType;
  provinceId: number;
  provinceNameTh: string;
  districtNameTh: string | null;
  hasPublishedPlan: boolean;
  total: number;
}

/**
 * The national search: agencies in `scope` matching what was typed, best match first, with their
 * province and whether a plan of theirs is in scope (for the public: published). One statement.
 */
export async function searchAgencies(scope: Scope, query: { q: string; page: number; pageSize: number }): Promise<AgencySearchRow[]> {
  const search = agencySearchFor(query.q, 'a');
  if (!search) return [];
  // The page is chosen first (ranked, counted); only its rows are joined and probed for a plan.
  return queryRows<AgencySearchRow>(
    clientOf(rootDb()),
    sql`SELECT a.id::text AS id, a."nameTh", a."nameEn", a.type::text AS type, a."provinceId", pr."nameTh" AS "provinceNameTh",
               d."nameTh" AS "districtNameTh",
               EXISTS (SELECT 1 FROM "Plan" p WHERE p."agencyId" = a.id AND ${scopeSql('plan', scope, 'p')}) AS "hasPublishedPlan",
               m.total
        FROM (SELECT a.id, ${search.rank} AS rank, ${search.similarity} AS similarity, (count(*) OVER ())::int AS total
              FROM "Agency" a
              WHERE ${scopeSql('agency', scope, 'a')} AND ${search.where}
              ORDER BY ${search.order}, a."nameTh", a.id
              LIMIT ${query.pageSize}::int OFFSET ${(query.page - 1) * query.pageSize}::int) m
        JOIN "Agency" a ON a.id = m.id
        JOIN "Province" pr ON pr.id = a."provinceId"
        LEFT JOIN "District" d ON d.id = a."districtId"
        ORDER BY m.rank, m.similarity DESC, a."nameTh", a.id`,
  );
}

/** One agency inside `scope`, or null. */
export async function findAgency(scope: Scope, agencyId: string): Promise<AgencyRow | null> {
  return clientOf(rootDb()).agency.findFirst({ where: { AND: [{ id: agencyId }, scopeWhere.agency(scope)] }, select: AGENCY_SELECT });
}

/** The id of an agency's plan of one fiscal year, if it is inside `scope` (the rule is in the WHERE: no other row is read). */
export async function findPlanId(scope: Scope, agencyId: string, fiscalYear: number): Promise<string | undefined> {
  const row = await queryRow<{ id: string }>(
    clientOf(rootDb()),
    sql`SELECT p.id::text AS id FROM "Plan" p
        WHERE p."agencyId" = ${agencyId}::uuid AND p."fiscalYear" = ${fiscalYear}::int AND ${scopeSql('plan', scope, 'p')}`,
  );
  return row?.id;
}
