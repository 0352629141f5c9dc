import { scopeOf, type Action } from '@prongsai/shared';
import { Prisma } from '../lib/prisma';
import { sql, type Sql } from '../lib/sql';
import type { StatementGuard } from '../lib/statement-guard';
import type { Actor } from './actor';

/**
 * Who sees what, written once (ADR 008). A `Scope` is what one caller may reach with one action:
 * every query function that reads tenant data takes one as a required argument and applies it
 * inside its statement (`scopeSql`) or its Prisma filter (`scopeWhere`), so a record outside the
 * caller's reach is never loaded and answers 404 like a missing one. Only `scopeFor` makes a Scope.
 */
declare const SCOPE: unique symbol;
type ScopeRule =
  | { kind: 'all' }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'province'; provinceId: number }
  /** The public: published plans, the live measures in them, active agencies. */
  | { kind: 'published' }
  | { kind: 'none' };
export type Scope = ScopeRule & {
  readonly [SCOPE]: true;
  /** The caller's unconfirmed session (ADR 020): a statement run with this scope confirms it first (`guardOf`). */
  readonly proof?: StatementGuard;
};

const make = (rule: ScopeRule) => rule as Scope;

/**
 * The guard a query passes to `queryRows` with this scope, so that a hot read confirms its caller's
 * session in its own statement (ADR 020). Undefined when the session was read for this request.
 */
export const guardOf = (scope: Scope): StatementGuard | undefined => scope.proof;

/** The scope of `actor` for `action`: the role's permission scope (`packages/shared/permissions.ts`) made concrete. */
export function scopeFor(actor: Actor, action: Action): Scope {
  if (actor.kind !== 'user') return make({ kind: 'published' });
  const scope = ruleFor(actor, action);
  return actor.proof ? ({ ...scope, proof: actor.proof } as Scope) : scope;
}

function ruleFor(actor: Extract<Actor, { kind: 'user' }>, action: Action): Scope {
  switch (scopeOf(actor.role, action)) {
    case 'all':
      return make({ kind: 'all' });
    case 'agency':
      return make(actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' });
    case 'province':
      return make(actor.provinceId !== null ? { kind: 'province', provinceId: actor.provinceId } : { kind: 'none' });
    case 'published':
      return make({ kind: 'published' });
    default:
      return make({ kind: 'none' });
  }
}

/** The public's scope, for code that serves anonymous pages without an actor. */
export const PUBLIC_SCOPE: Scope = make({ kind: 'published' });

/**
 * Everything, for code that acts for no caller: the seed, and upkeep a service runs after it has
 * checked its caller's reach (recomputing a plan's counters, rendering a report already authorised).
 * Never the scope of a request's reads.
 */
export const SYSTEM_SCOPE: Scope = make({ kind: 'all' });

const TRUE = sql`true`;
const FALSE = sql`false`;

/** A table alias written into SQL: from code only, checked so that nothing else can pass. */
function alias(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table alias: ${name}`);
  return Prisma.raw(name);
}

/** The rules of a row owned by an agency (its `agencyId` column), given what the public sees of it. */
function ownedByAgency<Where extends object>(publishedSql: (row: Sql) => Sql, publishedWhere: () => Where) {
  return {
    sql: (scope: Scope, row: Sql): Sql => {
      switch (scope.kind) {
        case 'all':
          return TRUE;
        case 'agency':
          return sql`${row}."agencyId" = ${scope.agencyId}::uuid`;
        case 'province':
          return sql`${row}."agencyId" IN (SELECT id FROM "Agency" WHERE "provinceId" = ${scope.provinceId}::int)`;
        case 'published':
          return publishedSql(row);
        case 'none':
          return FALSE;
      }
    },
    where: (scope: Scope): Where => {
      switch (scope.kind) {
        case 'all':
          return {} as Where;
        case 'agency':
          return { agencyId: scope.agencyId } as Where;
        case 'province':
          return { agency: { provinceId: scope.provinceId } } as Where;
        case 'published':
          return publishedWhere();
        case 'none':
          return { id: { in: [] } } as Where;
      }
    },
  };
}

/**
 * THE table: per entity, what each kind of scope sees, as a SQL condition on the entity's row
 * (`row` is its alias in the statement) and as the same condition for Prisma. `scope.test.ts` checks
 * that the two forms select the same rows for every entity and scope.
 */
const VISIBILITY = {
  agency: {
    sql: (scope: Scope, row: Sql): Sql => {
      switch (scope.kind) {
        case 'all':
          return TRUE;
        case 'agency':
          return sql`${row}.id = ${scope.agencyId}::uuid`;
        case 'province':
          return sql`${row}."provinceId" = ${scope.provinceId}::int`;
        case 'published':
          return sql`${row}."isActive"`;
        case 'none':
          return FALSE;
      }
    },
    where: (scope: Scope): Prisma.AgencyWhereInput => {
      switch (scope.kind) {
        case 'all':
          return {};
        case 'agency':
          return { id: scope.agencyId };
        case 'province':
          return { provinceId: scope.provinceId };
        case 'published':
          return { isActive: true };
        case 'none':
          return { id: { in: [] } };
      }
    },
  },
  // Plans and measures carry their agency's id: staff scopes read it the same way; only what the public
  // sees differs (a published plan; a live measure of a published plan).
  plan: ownedByAgency(
    (row) => sql`${row}.status = 'published'`,
    (): Prisma.PlanWhereInput => ({ status: 'published' }),
  ),
  measure: ownedByAgency(
    (row) => sql`(${row}."deletedAt" IS NULL AND ${row}."planId" IN (SELECT id FROM "Plan" WHERE status = 'published'))`,
    (): Prisma.MeasureWhereInput => ({ deletedAt: null, plan: { status: 'published' } }),
  ),
  // Evidence files carry their agency's id too; the public sees a file that is not internal, of a live
  // measure of a published plan. A deleted file (or one of a deleted measure) is hidden from every
  // caller by the file queries themselves, as a deleted measure's files come back with it.
  file: ownedByAgency(
    (row) =>
      sql`(NOT ${row}."isInternal" AND ${row}."measureId" IN (SELECT fm.id FROM "Measure" fm JOIN "Plan" fp ON fp.id = fm."planId" WHERE fm."deletedAt" IS NULL AND fp.status = 'published'))`,
    (): Prisma.EvidenceFileWhereInput => ({ isInternal: false, measure: { deletedAt: null, plan: { status: 'published' } } }),
  ),
  audit: {
    sql: (scope: Scope, row: Sql): Sql => {
      switch (scope.kind) {
        case 'all':
          return TRUE;
        case 'agency':
          return sql`${row}."agencyId" = ${scope.agencyId}::uuid`;
        case 'province':
          // A province's trail is its agencies' records, never national ones (users, codebooks).
          return sql`(${row}."provinceId" = ${scope.provinceId}::int AND ${row}."agencyId" IS NOT NULL)`;
        case 'published':
        case 'none':
          return FALSE;
      }
    },
    where: (scope: Scope): Prisma.AuditLogWhereInput => {
      switch (scope.kind) {
        case 'all':
          return {};
        case 'agency':
          return { agencyId: scope.agencyId };
        case 'province':
          return { provinceId: scope.provinceId, agencyId: { not: null } };
        case 'published':
        case 'none':
          return { id: { in: [] } };
      }
    },
  },
} as const;

export type ScopedEntity = keyof typeof VISIBILITY;

/** The rows of `entity` (as `row` in the statement) that `scope` reaches, as a SQL condition. */
export const scopeSql = (entity: ScopedEntity, scope: Scope, row: string): Sql => VISIBILITY[entity].sql(scope, alias(row));

/** The same condition for Prisma's filters. */
export const scopeWhere = {
  agency: (scope: Scope) => VISIBILITY.agency.where(scope),
  plan: (scope: Scope) => VISIBILITY.plan.where(scope),
  measure: (scope: Scope) => VISIBILITY.measure.where(scope),
  file: (scope: Scope) => VISIBILITY.file.where(scope),
  audit: (scope: Scope) => VISIBILITY.audit.where(scope),
};

/** Whether `scope` reaches any agency of the province (the reviewer's province views). */
export const reachesProvince = (scope: Scope, provinceId: number): boolean =>
  scope.kind === 'all' || (scope.kind === 'province' && scope.provinceId === provinceId);
