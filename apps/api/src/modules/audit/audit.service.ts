import type { AuditAction, AuditListResponse, AuditQuery } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { scopeFor } from '../../access/scope';
import { rootDb } from '../../lib/db';
import * as queries from './audit.queries';

export { diffFields, type AuditRecord } from './audit-record';
export { AUDIT_COLUMNS, auditValues, findLatestStatusChange, insertAudit as recordAudit } from './audit.queries';

export async function listAudit(actor: Actor, query: AuditQuery): Promise<AuditListResponse> {
  assertCan(actor, 'read:audit');
  const scope = scopeFor(actor, 'read:audit');
  const { rows, total } = await queries.listAudit(rootDb(), scope, query);
  // Where an action came from is personal data (PDPA): only callers who read the whole trail (admins)
  // see the IP address and request id; editors and reviewers see who did what and when.
  const showOrigin = scope.kind === 'all';
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorName: row.actorName,
      actorRole: row.actorRole,
      action: row.action as AuditAction,
      entityType: row.entityType,
      entityId: row.entityId,
      agencyId: row.agencyId,
      changes: (row.changes as Record<string, unknown> | null) ?? null,
      ...(showOrigin ? { requestId: row.requestId, ip: row.ip } : {}),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
