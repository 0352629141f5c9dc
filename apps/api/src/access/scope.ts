import { scopeOf, type Action } from '@prongsai/shared';
import type { Prisma } from '../lib/prisma';
import type { SqlParams } from '../lib/sql';
import type { Actor } from './actor';

/**
 * Tenant filters, written once. Every query for tenant-owned data includes one of these, so a
 * record outside the actor's reach is simply not found (404), exactly like a missing one.
 * `NONE` matches nothing (a valid uuid no row has).
 */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

export function agencyWhere(actor: Actor, action: Action): Prisma.AgencyWhereInput {
  if (actor.kind !== 'user') return { id: NO_AGENCY };
  switch (scopeOf(actor.role, action)) {
    case 'all':
      return {};
    case 'agency':
      return { id: actor.agencyId ?? NO_AGENCY };
    case 'province':
      return { provinceId: actor.provinceId ?? -1 };
    default:
      return { id: NO_AGENCY };
  }
}

/** `agencyWhere` for a hand-written statement: a condition on the "Agency" row `alias`. */
export function agencyScopeSql(actor: Actor, action: Action, alias: string, params: SqlParams): string {
  if (actor.kind !== 'user') return 'false';
  switch (scopeOf(actor.role, action)) {
    case 'all':
      return 'true';
    case 'agency':
      return `${alias}.id = ${params.add(actor.agencyId ?? NO_AGENCY, 'uuid')}`;
    case 'province':
      return `${alias}."provinceId" = ${params.add(actor.provinceId ?? -1, 'int')}`;
    default:
      return 'false';
  }
}

/** Plans the actor may see with `action`; anonymous visitors see published plans only. */
export function planWhere(actor: Actor, action: Action = 'read:plan'): Prisma.PlanWhereInput {
  if (actor.kind !== 'user') return { status: 'published' };
  const scope = scopeOf(actor.role, action);
  if (scope === 'all') return {};
  if (scope === 'agency') return { agencyId: actor.agencyId ?? NO_AGENCY };
  return { agency: agencyWhere(actor, action) };
}

export function measureWhere(actor: Actor, action: Action = 'read:plan'): Prisma.MeasureWhereInput {
  if (actor.kind !== 'user') return { plan: { status: 'published' }, deletedAt: null };
  const scope = scopeOf(actor.role, action);
  if (scope === 'all') return {};
  if (scope === 'agency') return { agencyId: actor.agencyId ?? NO_AGENCY };
  return { agency: agencyWhere(actor, action) };
}

/** Audit rows the actor may read: own agency's, province's, or all. */
export function auditWhere(actor: Actor): Prisma.AuditLogWhereInput {
  if (actor.kind !== 'user') return { id: -1n };
  const scope = scopeOf(actor.role, 'read:audit');
  if (scope === 'all') return {};
  if (scope === 'agency') return { agencyId: actor.agencyId ?? NO_AGENCY };
  if (scope === 'province') return { provinceId: actor.provinceId ?? -1, agencyId: { not: null } };
  return { id: -1n };
}
