import type {
  Agency,
  AgencyListQuery,
  AgencyListResponse,
  District,
  Province,
  ReportSignature,
  ReportSignatureResponse,
  UpdateReportSignatureInput,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan, type ResourceOwner } from '../../access/policies';
import { scopeFor } from '../../access/scope';
import { notFound } from '../../lib/app-error';
import { rootDb, transaction, type Db } from '../../lib/db';
import { recordAudit } from '../audit/audit.service';
import { diffFields } from '../audit/audit-record';
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

// ---------------------------------------------------------------- the report's signature block (ADR 022)

/** The signature block of an agency the actor may read (null when unset). */
export async function getReportSignature(actor: Actor, agencyId: string): Promise<ReportSignatureResponse> {
  await findVisibleAgency(actor, agencyId);
  return { signature: await queries.findReportSignature(rootDb(), agencyId) };
}

/** For the report renderer: the block of an agency already reached in the caller's scope. */
export const reportSignatureOf = (db: Db, agencyId: string): Promise<ReportSignature | null> => queries.findReportSignature(db, agencyId);

/**
 * An editor of the agency (or a national admin) sets or clears (null) the block that ends the agency's
 * reports: 404 for an agency out of sight, 403 for one seen but not theirs to sign (a reviewer's).
 */
export async function updateReportSignature(
  actor: Actor,
  agencyId: string,
  input: UpdateReportSignatureInput | null,
): Promise<ReportSignatureResponse> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'write:report-signature', agency);
  const signature: ReportSignature | null = input && { name: input.name, position: input.position, signedOn: input.signedOn };
  await transaction(async (db) => {
    const before = await queries.saveReportSignature(db, agencyId, signature);
    const changes = diffFields(flatten(before), flatten(signature));
    if (!changes) return;
    await recordAudit(db, actor, {
      action: signature === null ? 'delete' : before === null ? 'create' : 'update',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      provinceId: agency.provinceId,
      changes,
    });
  });
  return { signature };
}

const flatten = (signature: ReportSignature | null) => ({
  signatoryName: signature?.name ?? null,
  signatoryPosition: signature?.position ?? null,
  signatureDate: signature?.signedOn ?? null,
});
