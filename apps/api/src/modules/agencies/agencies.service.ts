import type { Agency, AgencyListQuery, AgencyListResponse, District, Province } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan, type ResourceOwner } from '../../access/policies';
import { scopeFor } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { rootDb } from '../../lib/db';
import * as queries from './agencies.queries';
import type { AgencyRow } from './agencies.queries';

export { AGENCY_SELECT, type AgencyRow } from './agencies.queries';

export function toAgency(row: AgencyRow): Agency {
  const { province, district, ...rest } = row;
  return { ...rest, provinceNameTh: province.nameTh, districtNameTh: district?.nameTh ?? null };
}

/** The agency if the actor may read it; 404 otherwise (as if it did not exist). */
export async function findVisibleAgency(actor: Actor, agencyId: string): Promise<AgencyRow & ResourceOwner> {
  assertCan(actor, 'read:agency');
  const row = await queries.findAgency(rootDb(), scopeFor(actor, 'read:agency'), agencyId);
  if (!row) throw notFound('ไม่พบหน่วยงานนี้');
  return { ...row, agencyId: row.id };
}

export async function getAgency(actor: Actor, agencyId: string): Promise<Agency> {
  return toAgency(await findVisibleAgency(actor, agencyId));
}

/** Agencies the actor may read, filtered and paginated, with their plan status in one fiscal year. */
export async function listAgencies(actor: Actor, query: AgencyListQuery): Promise<AgencyListResponse> {
  assertCan(actor, 'read:agency');
  const { items, total } = await queries.listAgencies(scopeFor(actor, 'read:agency'), query);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export const listProvinces = (): Promise<Province[]> => queries.listProvinces();

export const listDistricts = (provinceId: number): Promise<District[]> => queries.listDistricts(provinceId);
