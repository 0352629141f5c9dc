import type { Agency, AgencyListQuery, AgencyListResponse, District, Province } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan, type ResourceOwner } from '../../access/policies';
import { agencyWhere } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { getPrisma, type Prisma } from '../../lib/prisma';

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

export async function listAgencies(actor: Actor, query: AgencyListQuery): Promise<AgencyListResponse> {
  assertCan(actor, 'read:agency');
  const prisma = getPrisma();
  const where: Prisma.AgencyWhereInput = {
    AND: [
      agencyWhere(actor, 'read:agency'),
      {
        provinceId: query.provinceId,
        districtId: query.districtId,
        type: query.type,
        ...(query.q ? { nameTh: { contains: query.q, mode: 'insensitive' } } : {}),
      },
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.agency.findMany({
      where,
      select: {
        ...AGENCY_SELECT,
        // No fiscal year asked: match no plan rather than an arbitrary one.
        plans: { where: { fiscalYear: query.fiscalYear ?? -1 }, select: { status: true }, take: 1 },
      },
      orderBy: [{ nameTh: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.agency.count({ where }),
  ]);
  return {
    items: rows.map((row) => {
      const agency = toAgency(row);
      return {
        id: agency.id,
        code: agency.code,
        type: agency.type,
        municipalityClass: agency.municipalityClass,
        nameTh: agency.nameTh,
        provinceId: agency.provinceId,
        provinceNameTh: agency.provinceNameTh,
        districtId: agency.districtId,
        districtNameTh: agency.districtNameTh,
        planStatus: row.plans[0]?.status ?? null,
      };
    }),
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
