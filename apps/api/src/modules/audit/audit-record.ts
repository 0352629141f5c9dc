import type { AuditAction } from '@prongsai/shared';

/** One audited event, as services describe it; `audit.queries.ts` turns it into the audit row. */
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
