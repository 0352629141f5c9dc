import { scopeOf, type AuditAction, type AuditListResponse, type AuditQuery } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { auditWhere } from '../../access/scope';
import { getPrisma, type Prisma, type Tx } from '../../lib/prisma';
import { requestContext } from '../../lib/request-context';
import type { SqlParams } from '../../lib/sql';

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: string;
  agencyId?: string | null;
  provinceId?: number | null;
  changes?: Record<string, unknown> | null;
  /** For events without a session actor (failed login): who it was about. */
  userId?: string | null;
}

/** Append one audit row inside the caller's transaction. There is no update or delete. */
export async function recordAudit(tx: Tx, actor: Actor, record: AuditRecord): Promise<void> {
  const context = requestContext();
  await tx.auditLog.create({
    data: {
      actorUserId: actor.kind === 'user' ? actor.userId : (record.userId ?? null),
      actorRole: actor.kind === 'user' ? actor.role : null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      agencyId: record.agencyId ?? null,
      provinceId: record.provinceId ?? null,
      changes: (record.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      requestId: context?.requestId ?? null,
      ip: context?.ip ?? null,
    },
  });
}

/** The columns `auditValuesSql` fills, in its order. */
export const AUDIT_COLUMNS =
  '"at", "actorUserId", "actorRole", "action", "entityType", "entityId", "agencyId", "provinceId", "changes", "requestId", "ip"';

/**
 * The same row as `recordAudit` writes, as SQL values for a hand-written statement that writes the
 * change and its audit row together (`INSERT INTO "AuditLog" (AUDIT_COLUMNS) SELECT <this> FROM …`).
 */
export function auditValuesSql(actor: Actor, record: AuditRecord, params: SqlParams, at: Date): string {
  const context = requestContext();
  return [
    `${params.add(at.toISOString(), 'timestamptz')} AT TIME ZONE 'UTC'`,
    params.add(actor.kind === 'user' ? actor.userId : (record.userId ?? null), 'uuid'),
    params.add(actor.kind === 'user' ? actor.role : null, '"Role"'),
    params.add(record.action, 'text'),
    params.add(record.entityType, 'text'),
    params.add(record.entityId, 'text'),
    params.add(record.agencyId ?? null, 'uuid'),
    params.add(record.provinceId ?? null, 'int'),
    params.add(record.changes == null ? null : JSON.stringify(record.changes), 'jsonb'),
    params.add(context?.requestId ?? null, 'text'),
    params.add(context?.ip ?? null, 'text'),
  ].join(', ');
}

/** The before/after of the fields that changed; undefined when nothing did. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> | undefined {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

export async function listAudit(actor: Actor, query: AuditQuery): Promise<AuditListResponse> {
  assertCan(actor, 'read:audit');
  const prisma = getPrisma();
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      auditWhere(actor),
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
    prisma.auditLog.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.auditLog.count({ where }),
  ]);
  const userIds = [...new Set(rows.map((row) => row.actorUserId).filter((id): id is string => id !== null))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  // Where an action came from is personal data (PDPA): only callers who read the whole trail (admins)
  // see the IP address and request id; editors and reviewers see who did what and when.
  const showOrigin = actor.kind === 'user' && scopeOf(actor.role, 'read:audit') === 'all';
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
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
