import type { AuditQuery } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import type { Prisma, Tx } from '../../lib/prisma';
import { requestContext } from '../../lib/request-context';
import { queryRow, queryRows, sql, type Sql } from '../../lib/sql';
import type { AuditRecord } from './audit-record';

/** The columns of an audit row, in the order `auditValues` fills them. */
export const AUDIT_COLUMNS = sql`"at", "actorUserId", "actorRole", "action", "entityType", "entityId", "agencyId", "provinceId", "changes", "requestId", "ip"`;

/**
 * THE audit row (one shape for every write path): the values of `AUDIT_COLUMNS` for one event,
 * for `INSERT INTO "AuditLog" (AUDIT_COLUMNS) VALUES (…)` or `… SELECT <this> FROM …` inside a
 * statement that writes the change and its audit row together.
 */
export function auditValues(actor: Actor, record: AuditRecord, at: Date): Sql {
  const context = requestContext();
  return sql`${at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actor.kind === 'user' ? actor.userId : (record.userId ?? null)}::uuid,
    ${actor.kind === 'user' ? actor.role : null}::"Role", ${record.action}::text, ${record.entityType}::text, ${record.entityId}::text,
    ${record.agencyId ?? null}::uuid, ${record.provinceId ?? null}::int,
    ${record.changes == null ? null : JSON.stringify(record.changes)}::jsonb, ${context?.requestId ?? null}::text, ${context?.ip ?? null}::text`;
}

/** Append one audit row inside the caller's transaction. There is no update or delete. */
export async function insertAudit(db: Db | Tx, actor: Actor, record: AuditRecord): Promise<void> {
  await queryRows(clientOf(db as Db), sql`INSERT INTO "AuditLog" (${AUDIT_COLUMNS}) VALUES (${auditValues(actor, record, new Date())})`);
}

export type AuditEntryRow = Prisma.AuditLogGetPayload<object> & { actorName: string | null };

/** One page of the audit rows inside `scope`, newest first, with the acting users' names and the total. */
export async function listAudit(db: Db, scope: Scope, query: AuditQuery): Promise<{ rows: AuditEntryRow[]; total: number }> {
  const client = clientOf(db);
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      scopeWhere.audit(scope),
      {
        entityType: query.entityType,
        entityId: query.entityId,
        agencyId: query.agencyId,
        actorUserId: query.actorUserId,
        action: query.action,
      },
    ],
  };
  const [rows, total] = await Promise.all([
    client.auditLog.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    client.auditLog.count({ where }),
  ]);
  const userIds = [...new Set(rows.map((row) => row.actorUserId).filter((id): id is string => id !== null))];
  const users = await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return { rows: rows.map((row) => ({ ...row, actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null })), total };
}

/**
 * The `changes` of the newest status change of a record to `toStatus`, inside `scope` (null when
 * there is none): e.g. the acceptance a publish relies on (ADR 021).
 */
export async function findLatestStatusChange(
  db: Db,
  scope: Scope,
  record: { entityType: string; entityId: string; toStatus: string },
): Promise<Record<string, unknown> | null> {
  const row = await queryRow<{ changes: Record<string, unknown> | null }>(
    clientOf(db),
    sql`SELECT a."changes" FROM "AuditLog" a
      WHERE a."entityType" = ${record.entityType} AND a."entityId" = ${record.entityId} AND a."action" = 'status_change'
        AND a."changes" -> 'status' ->> 'to' = ${record.toStatus} AND ${scopeSql('audit', scope, 'a')}
      ORDER BY a."id" DESC LIMIT 1`,
  );
  return row?.changes ?? null;
}
