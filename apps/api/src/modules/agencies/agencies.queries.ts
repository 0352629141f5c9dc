import type { AgencyListQuery, AgencyListResponse, District, Province } from '@prongsai/shared';
import { scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { getPrisma, type Prisma } from '../../lib/prisma';
import { containsPattern, empty, join, queryRow, queryRows, sql } from '../../lib/sql';

/** The agency row every agency view shows (the API, the public pages and the report cover). */
export const AGENCY_SELECT = {
  id: true,
  code: true,
  type: true,
  municipalityClass: true,
  nameTh: true,
  nameEn: true,
  provinceId: true,
  districtId: true,
  address: true,
  postcode: true,
  phone: true,
  website: true,
  facebook: true,
  province: { select: { nameTh: true } },
  district: { select: { nameTh: true } },
} satisfies Prisma.AgencySelect;

export type AgencyRow = Prisma.AgencyGetPayload<{ select: typeof AGENCY_SELECT }>;

/** One agency inside `scope`, or null (missing and out of reach look the same). */
export async function findAgency(db: Db, scope: Scope, agencyId: string): Promise<AgencyRow | null> {
  return clientOf(db).agency.findFirst({ where: { AND: [{ id: agencyId }, scopeWhere.agency(scope)] }, select: AGENCY_SELECT });
}

type AgencyListItem = AgencyListResponse['items'][number];

/**
 * Agencies inside `scope`, filtered, with their plan status in one fiscal year: one statement (the
 * page and the total together), as it serves the Thai name search reviewers type into.
 */
export async function listAgencies(scope: Scope, query: AgencyListQuery): Promise<{ items: AgencyListItem[]; total: number }> {
  const conditions = join(
    [
      scopeSql('agency', scope, 'a'),
      query.provinceId !== undefined ? sql`a."provinceId" = ${query.provinceId}::int` : empty,
      query.districtId !== undefined ? sql`a."districtId" = ${query.districtId}::int` : empty,
      query.type !== undefined ? sql`a.type = ${query.type}::"AgencyType"` : empty,
      query.q ? sql`a."nameTh" ILIKE ${containsPattern(query.q)}::text` : empty,
    ].filter((condition) => condition !== empty),
    ' AND ',
  );
  const rows = await queryRows<AgencyListItem & { total: number }>(
    getPrisma(),
    sql`SELECT a.id, a.code, a.type::text AS type, a."municipalityClass"::text AS "municipalityClass", a."nameTh",
               a."provinceId", pr."nameTh" AS "provinceNameTh", a."districtId", d."nameTh" AS "districtNameTh",
               p.status::text AS "planStatus", (count(*) OVER ())::int AS total
        FROM "Agency" a
        JOIN "Province" pr ON pr.id = a."provinceId"
        LEFT JOIN "District" d ON d.id = a."districtId"
        LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${query.fiscalYear ?? -1}::int
        WHERE ${conditions}
        ORDER BY a."nameTh", a.id
        LIMIT ${query.pageSize}::int OFFSET ${(query.page - 1) * query.pageSize}::int`,
  );
  // A page past the end has no row to carry the total: count separately (rare).
  const total =
    rows[0]?.total ??
    (await queryRow<{ total: number }>(getPrisma(), sql`SELECT count(*)::int AS total FROM "Agency" a WHERE ${conditions}`))?.total ??
    0;
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

export async function listProvinces(): Promise<Province[]> {
  return getPrisma().province.findMany({ orderBy: { id: 'asc' } });
}

export async function listDistricts(provinceId: number): Promise<District[]> {
  return getPrisma().district.findMany({ where: { provinceId }, orderBy: { id: 'asc' } });
}
