import type { Agency, AgencyListQuery, AgencyListResponse, District, Province } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan, type ResourceOwner } from '../../access/policies';
import { agencyScopeSql, agencyWhere } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { getPrisma, type Prisma } from '../../lib/prisma';
import { containsPattern, SqlParams, sqlRows } from '../../lib/sql';

/** The agency fields every agency view shows (the API, the public pages and the report cover). */
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

type AgencyRow = Prisma.AgencyGetPayload<{ select: typeof AGENCY_SELECT }>;

export function toAgency(row: AgencyRow): Agency {
  const { province, district, ...rest } = row;
  return { ...rest, provinceNameTh: province.nameTh, districtNameTh: district?.nameTh ?? null };
}

/** The agency if the actor may read it; 404 otherwise (as if it did not exist). */
export async function findVisibleAgency(actor: Actor, agencyId: string): Promise<AgencyRow & ResourceOwner> {
  assertCan(actor, 'read:agency');
  const row = await getPrisma().agency.findFirst({
    where: { AND: [{ id: agencyId }, agencyWhere(actor, 'read:agency')] },
    select: AGENCY_SELECT,
  });
  if (!row) throw notFound('ไม่พบหน่วยงานนี้');
  return { ...row, agencyId: row.id };
}

export async function getAgency(actor: Actor, agencyId: string): Promise<Agency> {
  return toAgency(await findVisibleAgency(actor, agencyId));
}

type AgencyListRow = AgencyListResponse['items'][number] & { total: string };

/**
 * Agencies the actor may read, filtered, with their plan status in one fiscal year: one statement
 * (the page and the total together), as it serves the Thai name search reviewers type into.
 */
export async function listAgencies(actor: Actor, query: AgencyListQuery): Promise<AgencyListResponse> {
  assertCan(actor, 'read:agency');
  const params = new SqlParams();
  const conditions = [agencyScopeSql(actor, 'read:agency', 'a', params)];
  if (query.provinceId !== undefined) conditions.push(`a."provinceId" = ${params.add(query.provinceId, 'int')}`);
  if (query.districtId !== undefined) conditions.push(`a."districtId" = ${params.add(query.districtId, 'int')}`);
  if (query.type !== undefined) conditions.push(`a.type = ${params.add(query.type, '"AgencyType"')}`);
  if (query.q) conditions.push(`a."nameTh" ILIKE ${params.add(containsPattern(query.q), 'text')}`);
  // No fiscal year asked: match no plan rather than an arbitrary one.
  const fiscalYear = params.add(query.fiscalYear ?? -1, 'int');
  const limit = params.add(query.pageSize, 'int');
  const offset = params.add((query.page - 1) * query.pageSize, 'int');
  const rows = await sqlRows<AgencyListRow>(
    getPrisma(),
    `SELECT a.id, a.code, a.type::text AS type, a."municipalityClass"::text AS "municipalityClass", a."nameTh",
            a."provinceId", pr."nameTh" AS "provinceNameTh", a."districtId", d."nameTh" AS "districtNameTh",
            p.status::text AS "planStatus", (count(*) OVER ())::text AS total
     FROM "Agency" a
     JOIN "Province" pr ON pr.id = a."provinceId"
     LEFT JOIN "District" d ON d.id = a."districtId"
     LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}
     WHERE ${conditions.join(' AND ')}
     ORDER BY a."nameTh", a.id
     LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  // A page past the end has no row to carry the total: count separately (rare).
  const total =
    rows[0] !== undefined
      ? Number(rows[0].total)
      : Number(
          (
            await sqlRows<{ total: string }>(
              getPrisma(),
              `SELECT count(*)::text AS total FROM "Agency" a WHERE ${conditions.join(' AND ')}`,
              params.values.slice(0, -3),
            )
          )[0]?.total ?? 0,
        );
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function listProvinces(): Promise<Province[]> {
  return getPrisma().province.findMany({ orderBy: { id: 'asc' } });
}

export async function listDistricts(provinceId: number): Promise<District[]> {
  return getPrisma().district.findMany({ where: { provinceId }, orderBy: { id: 'asc' } });
}
