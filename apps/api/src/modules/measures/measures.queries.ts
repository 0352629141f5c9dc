import { todayInBangkok, type PlanStatus } from '@prongsai/shared';
import type { UserActor } from '../../access/actor';
import { guardOf, scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { Prisma } from '../../lib/prisma';
import { join, queryRow, queryRows, sql, type Sql } from '../../lib/sql';
import { AUDIT_COLUMNS, auditValues, type AuditRecord } from '../audit/audit.service';
import { isoDate } from '../plans/measure-dto';
import {
  MEASURE_ROW_JSON,
  planDetailJson,
  toLoadedPlan,
  toMeasureRow,
  type LoadedPlan,
  type MeasureJson,
  type MeasureRow,
  type PlanCounters,
} from '../plans/plans.queries';

/*
 * Measures' statements (ADR 008). A measure reads as THE measure row of plans.queries.ts
 * (`MEASURE_ROW_JSON`), alone or inside its plan; every read takes the caller's scope and applies it
 * inside the statement (`scopeSql('measure', …)`), so a measure out of reach is never loaded.
 */

export interface MeasureOwnerRow {
  id: string;
  planId: string;
  agencyId: string;
  provinceId: number;
  version: number;
  deleted: boolean;
  planStatus: PlanStatus;
}

/** The measure's owner and state if `scope` reaches it, in one statement. */
export async function findMeasureOwner(db: Db, scope: Scope, measureId: string): Promise<MeasureOwnerRow | undefined> {
  return queryRow<MeasureOwnerRow>(
    clientOf(db),
    sql`SELECT m.id, m."planId", m."agencyId", a."provinceId", m.version, m."deletedAt" IS NOT NULL AS deleted, p.status::text AS "planStatus"
        FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = m."agencyId"
        WHERE m.id = ${measureId}::uuid AND ${scopeSql('measure', scope, 'm')}`,
  );
}

/** THE measure row of one measure if `scope` reaches it. */
export async function findMeasure(db: Db, scope: Scope, measureId: string): Promise<MeasureRow | undefined> {
  const row = await queryRow<{ data: MeasureJson }>(
    clientOf(db),
    sql`SELECT ${MEASURE_ROW_JSON} AS data FROM "Measure" m WHERE m.id = ${measureId}::uuid AND ${scopeSql('measure', scope, 'm')}`,
  );
  return row && toMeasureRow(row.data);
}

/** The plan of the measure `scope` reaches, as `id` in a "Plan" subquery (nothing when it does not reach it). */
const planOfMeasure = (scope: Scope, measureId: string): Sql =>
  sql`(SELECT t."planId" FROM "Measure" t WHERE t.id = ${measureId}::uuid AND ${scopeSql('measure', scope, 't')})`;

/** A plan loaded for a write: with its row's `xmin` when read, a guard for an optimistic write. */
export type PlanForWrite = LoadedPlan & { rowVersion: string };

/**
 * The plan of a measure `scope` reaches, loaded in one statement as the plan page is (no comments,
 * the measures in `scope`), with its row version; undefined when the measure is missing or out of reach.
 */
export async function findPlanOfMeasure(db: Db, scope: Scope, measureId: string): Promise<PlanForWrite | undefined> {
  const row = await queryRow<{ rowVersion: string; data: Parameters<typeof toLoadedPlan>[0] }>(
    clientOf(db),
    sql`SELECT p.xmin::text AS "rowVersion", ${planDetailJson(scope, { withComments: false, withCopies: false })} AS data
        FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
        WHERE p.id = ${planOfMeasure(scope, measureId)}`,
    // A save's first statement: it confirms the caller's session too (ADR 027).
    { name: 'measure-plan', guard: guardOf(scope) },
  );
  return row && { ...toLoadedPlan(row.data), rowVersion: row.rowVersion };
}

/**
 * The same, taking the plan's row lock in the same statement (lock + load in one round trip), held
 * until the transaction ends. Under READ COMMITTED a statement that waited for the lock returns the
 * plan row as the other transaction left it, but its sub-selects (the measures) still read the
 * snapshot taken before the wait. Every measure write also updates the plan row, so the row version
 * locked (`xmin`) differs from the one the snapshot sees exactly when another write committed
 * meanwhile: then load again, under the lock.
 */
export async function findPlanOfMeasureForUpdate(db: Db, scope: Scope, measureId: string): Promise<PlanForWrite | undefined> {
  // The lock's semantics stay those of a top-level statement: an unconfirmed session is confirmed first.
  const guard = guardOf(scope);
  if (guard && !guard.verified) await queryRows(clientOf(db), sql`SELECT true AS ok`, { guard });
  const row = await queryRow<{ lockedVersion: string; snapshotVersion: string | null; data: Parameters<typeof toLoadedPlan>[0] }>(
    clientOf(db),
    sql`SELECT p.xmin::text AS "lockedVersion", (SELECT s.xmin::text FROM "Plan" s WHERE s.id = p.id) AS "snapshotVersion",
               ${planDetailJson(scope, { withComments: false, withCopies: false })} AS data
        FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
        WHERE p.id = ${planOfMeasure(scope, measureId)}
        FOR UPDATE OF p`,
  );
  if (!row) return undefined;
  if (row.lockedVersion !== row.snapshotVersion) return findPlanOfMeasure(db, scope, measureId);
  return { ...toLoadedPlan(row.data), rowVersion: row.lockedVersion };
}

/** Lock the plan of a measure `scope` reaches (see plans.queries `lockPlan`). */
export async function lockPlanOfMeasure(db: Db, scope: Scope, measureId: string): Promise<void> {
  await queryRows(
    clientOf(db),
    sql`SELECT p.id FROM "Plan" p JOIN "Measure" m ON m."planId" = p.id
        WHERE m.id = ${measureId}::uuid AND ${scopeSql('measure', scope, 'm')} FOR UPDATE OF p`,
  );
}

/** Columns of "Measure" the API's fields never set (the row's identity, place, state and history). */
const SYSTEM_COLUMNS = [
  'id',
  'planId',
  'agencyId',
  'sequence',
  'version',
  'deletedAt',
  'createdAt',
  'updatedAt',
  'importWarnings',
  'sourceMeasureId',
] as const;
type SystemColumn = (typeof SYSTEM_COLUMNS)[number];
/** The measure columns a write sets from the API's fields (every other column of "Measure"). */
export type MeasureFields = Partial<Omit<Prisma.MeasureGetPayload<object>, SystemColumn>>;
const FIELD_COLUMNS: ReadonlySet<string> = new Set(
  Object.values(Prisma.MeasureScalarFieldEnum).filter((column) => !(SYSTEM_COLUMNS as readonly string[]).includes(column)),
);

export type IndicatorRef = { fiscalYear: number; code: string; raw: string | null };
export type EvidenceLinkInput = { url: string; label: string };

/** The next sequence after the plan's live measures. */
export async function nextSequence(db: Db, planId: string): Promise<number> {
  const last = await clientOf(db).measure.aggregate({ where: { planId, deletedAt: null }, _max: { sequence: true } });
  return (last._max.sequence ?? 0) + 1;
}

export async function insertMeasure(
  db: Db,
  measure: { planId: string; agencyId: string; sequence: number; title: string; fields: MeasureFields },
  indicators: IndicatorRef[],
  evidence: EvidenceLinkInput[],
): Promise<{ id: string }> {
  const { fields, ...owner } = measure;
  return clientOf(db).measure.create({
    data: {
      ...fields,
      ...owner,
      indicators: { create: indicators },
      evidence: { create: evidence.map((link, position) => ({ ...link, position })) },
    },
    select: { id: true },
  });
}

/** The plan's counter columns (keys of `PlanCounters`). */
const PLAN_COUNTER_COLUMNS: Record<keyof PlanCounters, Sql> = {
  warningCount: sql`"warningCount"`,
  measureCount: sql`"measureCount"`,
  completedCount: sql`"completedCount"`,
  notCarriedOutCount: sql`"notCarriedOutCount"`,
  indicatorsCovered: sql`"indicatorsCovered"`,
};

export interface TimelineEvent {
  kind: 'status_change' | 'evidence_added';
  note?: string | null;
  fromOutcome?: string | null;
  toOutcome?: string | null;
  evidenceUrl?: string | null;
}

/**
 * A measure's update with everything that goes with it — its plan's counters, its timeline entries
 * and its audit row — as ONE statement of data-modifying CTEs, each writing only if the measure still
 * had `version` (docs/performance.md F5: every round trip costs more than its SQL). With
 * `planRowVersion` (the plan row's `xmin` when it was read) it also writes only if the plan row was not
 * changed since — every measure write changes it — so the statement can run on its own, outside a
 * transaction, as an optimistic write. Returns how many measures were updated: 0 means nothing was
 * written (the version moved, or the plan did).
 */
export async function updateMeasure(
  db: Db,
  args: {
    measureId: string;
    version: number;
    fields: MeasureFields;
    now: Date;
    planId: string;
    planRowVersion?: string;
    agencyId: string;
    counters: PlanCounters;
    timeline: TimelineEvent[];
    audit: { actor: UserActor; record: AuditRecord };
  },
): Promise<number> {
  const now = sql`${args.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const { measureId, version } = args;
  // The values travel as one json record typed by the table itself (jsonb_populate_record), so a new
  // column needs no code here; the column names are checked against the model's columns.
  const given = Object.entries(args.fields).filter(([, value]) => value !== undefined);
  const sets = given.map(([column]) => {
    if (!FIELD_COLUMNS.has(column)) throw new Error(`not a measure field column: ${column}`);
    const name = Prisma.raw(`"${column}"`);
    return sql`${name} = r.${name}`;
  });
  sets.push(sql`"version" = u."version" + 1`, sql`"updatedAt" = ${now}`);
  // Every Date among the fields is a day (`@db.Date`): sent as "2024-01-31".
  const record = Object.fromEntries(given.map(([column, value]) => [column, value instanceof Date ? isoDate(value) : value]));
  const counters = (Object.entries(args.counters) as [keyof PlanCounters, number][]).map(
    ([key, value]) => sql`${PLAN_COUNTER_COLUMNS[key]} = ${value}::int`,
  );
  const planGuard = args.planRowVersion === undefined ? sql`` : sql`AND xmin::text = ${args.planRowVersion}::text`;
  const row = await queryRow<{ updated: number }>(
    clientOf(db),
    sql`
    WITH plan AS (
      UPDATE "Plan" SET ${join(counters, ', ')}, "updatedAt" = ${now}
      WHERE id = ${args.planId}::uuid ${planGuard}
        AND EXISTS (SELECT 1 FROM "Measure" WHERE id = ${measureId}::uuid AND "version" = ${version}::int AND "deletedAt" IS NULL)
      RETURNING id
    ), m AS (
      UPDATE "Measure" AS u SET ${join(sets, ', ')}
      FROM jsonb_populate_record(NULL::"Measure", ${JSON.stringify(record)}::jsonb) AS r
      WHERE u.id = ${measureId}::uuid AND u."version" = ${version}::int AND EXISTS (SELECT 1 FROM plan)
      RETURNING u.id
    ), audit AS (
      INSERT INTO "AuditLog" (${AUDIT_COLUMNS}) SELECT ${auditValues(args.audit.actor, args.audit.record, args.now)} FROM m
    ), timeline AS (
      INSERT INTO "TimelineEntry" (id, "measureId", "agencyId", kind, note, "fromOutcome", "toOutcome", "evidenceUrl", "occurredOn", "authorId", "createdAt")
      SELECT gen_random_uuid(), m.id, ${args.agencyId}::uuid, e.kind::"TimelineKind", e.note, e."fromOutcome"::"Outcome",
             e."toOutcome"::"Outcome", e."evidenceUrl", ${todayInBangkok(args.now)}::date, ${args.audit.actor.userId}::uuid, ${now}
      FROM m CROSS JOIN jsonb_to_recordset(${JSON.stringify(args.timeline)}::jsonb)
           AS e(kind text, note text, "fromOutcome" text, "toOutcome" text, "evidenceUrl" text)
    )
    SELECT count(*)::int AS updated FROM m`,
    { name: 'measure-save' },
  );
  return row?.updated ?? 0;
}

export async function replaceIndicators(db: Db, measureId: string, indicators: IndicatorRef[]): Promise<void> {
  await clientOf(db).measureIndicator.deleteMany({ where: { measureId } });
  await clientOf(db).measureIndicator.createMany({ data: indicators.map((ref) => ({ ...ref, measureId })) });
}

export async function replaceEvidence(db: Db, measureId: string, evidence: EvidenceLinkInput[]): Promise<void> {
  await clientOf(db).evidenceLink.deleteMany({ where: { measureId } });
  await clientOf(db).evidenceLink.createMany({ data: evidence.map((link, position) => ({ ...link, position, measureId })) });
}

/** Soft-delete the measure if it still has `version`; how many were deleted (0 or 1). */
export async function softDeleteMeasure(db: Db, measureId: string, version: number): Promise<number> {
  const updated = await clientOf(db).measure.updateMany({
    where: { id: measureId, version },
    data: { deletedAt: new Date(), version: { increment: 1 } },
  });
  return updated.count;
}

export async function restoreMeasure(db: Db, measureId: string, sequence: number): Promise<void> {
  await clientOf(db).measure.update({ where: { id: measureId }, data: { deletedAt: null, sequence, version: { increment: 1 } } });
}

/** The plan's live measures' ids in their order. */
export async function listLiveMeasureIds(db: Db, planId: string): Promise<string[]> {
  const rows = await clientOf(db).measure.findMany({
    where: { planId, deletedAt: null },
    select: { id: true },
    orderBy: { sequence: 'asc' },
  });
  return rows.map((row) => row.id);
}

export async function setMeasureOrder(db: Db, measureIds: string[]): Promise<void> {
  for (const [index, id] of measureIds.entries()) {
    await clientOf(db).measure.update({ where: { id }, data: { sequence: index + 1 } });
  }
}

const TIMELINE_INCLUDE = { author: { select: { name: true } } } as const satisfies Prisma.TimelineEntryInclude;
export type TimelineRow = Prisma.TimelineEntryGetPayload<{ include: typeof TIMELINE_INCLUDE }>;

/** The timeline of a measure `scope` reaches, newest first (the last 500). */
export async function listTimeline(db: Db, scope: Scope, measureId: string): Promise<TimelineRow[]> {
  return clientOf(db).timelineEntry.findMany({
    where: { measureId, measure: scopeWhere.measure(scope) },
    orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
    include: TIMELINE_INCLUDE,
    take: 500,
  });
}

export async function insertTimelineEntry(
  db: Db,
  data: Pick<TimelineRow, 'measureId' | 'agencyId' | 'kind' | 'note' | 'evidenceUrl' | 'occurredOn' | 'authorId'>,
): Promise<TimelineRow> {
  return clientOf(db).timelineEntry.create({ data, include: TIMELINE_INCLUDE });
}
