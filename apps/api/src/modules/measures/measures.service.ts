import {
  todayInBangkok,
  type CreateMeasureInput,
  type CreateTimelineEntryInput,
  type Measure,
  type PlanDetail,
  type ReorderMeasuresInput,
  type TimelineEntry,
  type UpdateMeasureInput,
} from '@prongsai/shared';
import type { Actor, UserActor } from '../../access/actor';
import { assertCan, can, requireUser, type ResourceOwner } from '../../access/policies';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, type Prisma, type Tx } from '../../lib/prisma';
import { sqlRows } from '../../lib/sql-legacy';
import { join, queryRow, sql, type Sql } from '../../lib/sql';
import { AUDIT_COLUMNS, auditValues, diffFields, recordAudit, type AuditRecord } from '../audit/audit.service';
import {
  assertEditable,
  computeWarnings,
  findVisiblePlan,
  loadPlanDetail,
  loadPlanOfMeasure,
  loadPlanOfMeasureForUpdate,
  lockPlan,
  refreshPlanWarnings,
  planCounters,
  type LoadedPlan,
} from '../plans/plans.service';
import { MEASURE_INCLUDE, isoDate, loadIndicatorTitles, loadMeasure, toDbDate, toMeasure, type MeasureRow } from './measure-dto';

interface MeasureOwner extends ResourceOwner {
  id: string;
  planId: string;
  version: number;
  deleted: boolean;
  planStatus: Prisma.PlanGetPayload<object>['status'];
}

/** The measure's owner and state in one statement; 404 when missing or out of the actor's reach (as `measureWhere`). */
async function findVisibleMeasure(db: Tx, actor: Actor, measureId: string): Promise<MeasureOwner> {
  const [row] = await sqlRows<MeasureOwner>(
    db,
    `SELECT m.id, m."planId", m."agencyId", a."provinceId", m.version, m."deletedAt" IS NOT NULL AS deleted, p.status::text AS "planStatus"
     FROM "Measure" m JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = m."agencyId"
     WHERE m.id = $1::uuid`,
    [measureId],
  );
  const visible = row && (actor.kind === 'user' ? can(actor, 'read:plan', row) : row.planStatus === 'published' && !row.deleted);
  if (!row || !visible) throw notFound('ไม่พบมาตรการนี้');
  return row;
}

/** The fields of a measure as the audit trail records them (before/after). */
function auditView(row: MeasureRow) {
  return {
    title: row.title,
    actions: row.actions,
    indicators: row.indicators.map((ref) => `${ref.fiscalYear}:${ref.code}`),
    responsible: row.responsible,
    plannedStart: isoDate(row.plannedStart),
    plannedEnd: isoDate(row.plannedEnd),
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    resultText: row.resultText,
    summary: row.summary,
    carriedOut: row.carriedOutDate ? `${isoDate(row.carriedOutDate)}/${row.carriedOutPrecision}` : null,
    evidence: row.evidence.map((link) => link.url),
  };
}

type MeasureFields = Partial<Omit<CreateMeasureInput, 'indicators' | 'evidence'>>;

function scalarData(input: MeasureFields): Prisma.MeasureUncheckedUpdateInput {
  const data: Prisma.MeasureUncheckedUpdateInput = {
    title: input.title,
    actions: input.actions,
    responsible: input.responsible,
    plannedStart: toDbDate(input.plannedStart),
    plannedEnd: toDbDate(input.plannedEnd),
    outcome: input.outcome,
    outcomeReason: input.outcomeReason,
    resultText: input.resultText,
    summary: input.summary,
  };
  if (input.carriedOut !== undefined) {
    data.carriedOutDate = toDbDate(input.carriedOut?.date ?? null);
    data.carriedOutPrecision = input.carriedOut?.precision ?? null;
  }
  if (input.outcome !== undefined && input.outcome !== 'not_carried_out' && input.outcomeReason === undefined) data.outcomeReason = null;
  return data;
}

export async function getMeasure(actor: Actor, measureId: string): Promise<Measure> {
  const { loaded, measure } = await findVisibleMeasureInPlan(getPrisma(), actor, measureId);
  return toMeasure(measure, loaded.titles, computeWarnings(loaded));
}

/**
 * The measure with its whole plan, in one statement (the plan's measures are what its warnings
 * and counters are computed from). 404 when missing or out of the actor's reach; anonymous
 * callers see only live measures of published plans (as `measureWhere`).
 */
async function findVisibleMeasureInPlan(
  db: Tx,
  actor: Actor,
  measureId: string,
  load: (db: Tx, measureId: string) => Promise<LoadedPlan | undefined> = loadPlanOfMeasure,
): Promise<{ loaded: LoadedPlan; measure: MeasureRow; owner: ResourceOwner }> {
  const loaded = await load(db, measureId);
  const measure = loaded?.measures.find((candidate) => candidate.id === measureId);
  if (!loaded || !measure) throw notFound('ไม่พบมาตรการนี้');
  const owner: ResourceOwner = { agencyId: measure.agencyId, provinceId: loaded.provinceId };
  const visible = actor.kind === 'user' ? can(actor, 'read:plan', owner) : loaded.plan.status === 'published' && measure.deletedAt === null;
  if (!visible) throw notFound('ไม่พบมาตรการนี้');
  return { loaded, measure, owner };
}

export async function createMeasure(actor: Actor, planId: string, input: CreateMeasureInput): Promise<Measure> {
  return getPrisma().$transaction(async (tx) => {
    await lockPlan(tx, { planId });
    const plan = await findVisiblePlan(tx, actor, planId);
    assertCan(actor, 'write:plan', plan);
    assertEditable(plan);
    const last = await tx.measure.aggregate({ where: { planId, deletedAt: null }, _max: { sequence: true } });
    const created = await tx.measure.create({
      data: {
        ...(scalarData(input) as Prisma.MeasureUncheckedCreateInput),
        title: input.title,
        planId,
        agencyId: plan.agencyId,
        sequence: (last._max.sequence ?? 0) + 1,
        indicators: { create: dedupeIndicators(input.indicators) },
        evidence: { create: input.evidence.map((link, position) => ({ ...link, position })) },
      },
      include: MEASURE_INCLUDE,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'measure',
      entityId: created.id,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { after: auditView(created) },
    });
    return loadMeasure(tx, created.id, await refreshPlanWarnings(tx, planId));
  });
}

function dedupeIndicators(refs: CreateMeasureInput['indicators']) {
  const seen = new Map<string, { fiscalYear: number; code: string; raw: string | null }>();
  for (const ref of refs) seen.set(`${ref.fiscalYear}:${ref.code}`, { fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw ?? null });
  return [...seen.values()];
}

async function versionConflict(tx: Tx, measureId: string): Promise<never> {
  throw new AppError('VERSION_CONFLICT', 'มาตรการนี้ถูกแก้ไขโดยผู้อื่นระหว่างที่คุณแก้ไข', { current: await loadMeasure(tx, measureId) });
}

/** A measure row after a successful update, built from the row before it (no re-read). */
function applyUpdate(
  before: MeasureRow,
  data: Prisma.MeasureUncheckedUpdateInput,
  indicators: UpdateMeasureInput['indicators'],
  evidence: UpdateMeasureInput['evidence'],
  updatedAt: Date,
): MeasureRow {
  const after = { ...before, version: before.version + 1, updatedAt } as MeasureRow & Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) if (value !== undefined) after[key] = value;
  if (indicators) after.indicators = dedupeIndicators(indicators).map((ref, index) => ({ id: -1 - index, measureId: before.id, ...ref }));
  if (evidence)
    after.evidence = evidence.map((link, position) => ({
      id: -1 - position,
      measureId: before.id,
      position,
      createdAt: updatedAt,
      ...link,
    }));
  return after;
}

interface TimelineRow {
  kind: 'status_change' | 'evidence_added';
  note?: string | null;
  fromOutcome?: string | null;
  toOutcome?: string | null;
  evidenceUrl?: string | null;
}

/** The measure columns an update may set (keys of `scalarData`): the column and its SQL type. */
const MEASURE_COLUMNS: Record<string, { column: Sql; type: Sql }> = {
  title: { column: sql`"title"`, type: sql`text` },
  actions: { column: sql`"actions"`, type: sql`text[]` },
  responsible: { column: sql`"responsible"`, type: sql`text` },
  plannedStart: { column: sql`"plannedStart"`, type: sql`date` },
  plannedEnd: { column: sql`"plannedEnd"`, type: sql`date` },
  outcome: { column: sql`"outcome"`, type: sql`"Outcome"` },
  outcomeReason: { column: sql`"outcomeReason"`, type: sql`text` },
  resultText: { column: sql`"resultText"`, type: sql`text` },
  summary: { column: sql`"summary"`, type: sql`text` },
  carriedOutDate: { column: sql`"carriedOutDate"`, type: sql`date` },
  carriedOutPrecision: { column: sql`"carriedOutPrecision"`, type: sql`"DatePrecision"` },
};

/** The plan's counter columns (keys of `planCounters().counters`). */
const PLAN_COUNTER_COLUMNS: Record<keyof ReturnType<typeof planCounters>['counters'], Sql> = {
  warningCount: sql`"warningCount"`,
  measureCount: sql`"measureCount"`,
  completedCount: sql`"completedCount"`,
  notCarriedOutCount: sql`"notCarriedOutCount"`,
  indicatorsCovered: sql`"indicatorsCovered"`,
};

/**
 * A measure's update with everything that goes with it — its plan's counters, its timeline entries
 * and its audit row — as ONE statement of data-modifying CTEs, each writing only if the measure still
 * had `version` (docs/performance.md F5: every round trip costs more than its SQL). With
 * `planRowVersion` (the plan row's `xmin` when it was read) it also writes only if the plan row was not
 * changed since — every measure write changes it — so the statement can run on its own, outside a
 * transaction, as an optimistic write. Returns how many measures were updated: 0 means nothing was
 * written (the version moved, or the plan did).
 */
async function writeMeasureUpdate(
  db: Tx,
  args: {
    measureId: string;
    version: number;
    data: Prisma.MeasureUncheckedUpdateInput;
    now: Date;
    planId: string;
    planRowVersion?: string;
    agencyId: string;
    author: string;
    counters: ReturnType<typeof planCounters>['counters'];
    timeline: TimelineRow[];
    audit: { actor: UserActor; record: AuditRecord };
  },
): Promise<number> {
  const now = sql`${args.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const { measureId, version } = args;
  const sets = Object.entries(args.data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const column = MEASURE_COLUMNS[key];
      if (!column) throw new Error(`no SQL type for measure column ${key}`);
      return sql`${column.column} = ${value instanceof Date ? isoDate(value) : value}::${column.type}`;
    });
  sets.push(sql`"version" = "version" + 1`, sql`"updatedAt" = ${now}`);
  const counters = Object.entries(args.counters).map(
    ([key, value]) => sql`${PLAN_COUNTER_COLUMNS[key as keyof typeof PLAN_COUNTER_COLUMNS]} = ${value}::int`,
  );
  const planGuard = args.planRowVersion === undefined ? sql`` : sql`AND xmin::text = ${args.planRowVersion}::text`;
  const row = await queryRow<{ updated: number }>(
    db,
    sql`
    WITH plan AS (
      UPDATE "Plan" SET ${join(counters, ', ')}, "updatedAt" = ${now}
      WHERE id = ${args.planId}::uuid ${planGuard}
        AND EXISTS (SELECT 1 FROM "Measure" WHERE id = ${measureId}::uuid AND "version" = ${version}::int AND "deletedAt" IS NULL)
      RETURNING id
    ), m AS (
      UPDATE "Measure" SET ${join(sets, ', ')}
      WHERE id = ${measureId}::uuid AND "version" = ${version}::int AND EXISTS (SELECT 1 FROM plan)
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditLog" (${AUDIT_COLUMNS}) SELECT ${auditValues(args.audit.actor, args.audit.record, args.now)} FROM m
    ), timeline AS (
      INSERT INTO "TimelineEntry" (id, "measureId", "agencyId", kind, note, "fromOutcome", "toOutcome", "evidenceUrl", "occurredOn", "authorId", "createdAt")
      SELECT gen_random_uuid(), m.id, ${args.agencyId}::uuid, e.kind::"TimelineKind", e.note, e."fromOutcome"::"Outcome",
             e."toOutcome"::"Outcome", e."evidenceUrl", ${todayInBangkok(args.now)}::date, ${args.author}::uuid, ${now}
      FROM m CROSS JOIN jsonb_to_recordset(${JSON.stringify(args.timeline)}::jsonb)
           AS e(kind text, note text, "fromOutcome" text, "toOutcome" text, "evidenceUrl" text)
    )
    SELECT count(*)::int AS updated FROM m`,
  );
  return row?.updated ?? 0;
}

/**
 * Update with optimistic concurrency: the write succeeds only if the row still has the version
 * the client read; otherwise 409 with the current record. Outcome changes and added evidence
 * become timeline entries; the audit row holds the before/after of every changed field.
 *
 * It runs on every save of the measure editor. A save of the measure's own fields (no indicator or
 * evidence list) is two statements and no transaction: read the measure with its plan, then write
 * everything in one statement guarded by the plan row's version. When another save of the same plan
 * got in between, or the lists change, it runs as a transaction under the plan's row lock instead.
 */
export async function updateMeasure(actor: Actor, measureId: string, input: UpdateMeasureInput): Promise<Measure> {
  const user = requireUser(actor);
  if (!input.indicators && !input.evidence) {
    const saved = await saveMeasure(getPrisma(), user, measureId, input, 'optimistic');
    if (saved) return saved;
  }
  return getPrisma().$transaction(async (tx) => (await saveMeasure(tx, user, measureId, input, 'locked'))!);
}

/** One attempt of `updateMeasure`; undefined when the optimistic write found the plan changed. */
async function saveMeasure(
  db: Tx,
  user: UserActor,
  measureId: string,
  input: UpdateMeasureInput,
  mode: 'optimistic' | 'locked',
): Promise<Measure | undefined> {
  // Locked: the plan's row lock and the plan in one statement (see loadPlanOfMeasureForUpdate).
  const {
    loaded,
    measure: before,
    owner,
  } = await findVisibleMeasureInPlan(db, user, measureId, mode === 'locked' ? loadPlanOfMeasureForUpdate : loadPlanOfMeasure);
  assertCan(user, 'write:plan', owner);
  assertEditable(loaded.plan);
  if (before.deletedAt) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบแล้ว กรุณากู้คืนก่อนแก้ไข');
  if (before.version !== input.version) {
    throw new AppError('VERSION_CONFLICT', 'มาตรการนี้ถูกแก้ไขโดยผู้อื่นระหว่างที่คุณแก้ไข', {
      current: toMeasure(before, loaded.titles, computeWarnings(loaded)),
    });
  }
  const { version, indicators, evidence, ...fields } = input;
  const data = scalarData(fields);
  const now = new Date();
  const after = applyUpdate(before, data, indicators, evidence, now);
  const oldUrls = new Set(before.evidence.map((link) => link.url));
  const timeline: TimelineRow[] = [
    ...(before.outcome !== after.outcome
      ? [{ kind: 'status_change' as const, fromOutcome: before.outcome, toOutcome: after.outcome }]
      : []),
    ...after.evidence
      .filter((link) => !oldUrls.has(link.url))
      .map((link) => ({ kind: 'evidence_added' as const, note: link.label, evidenceUrl: link.url })),
  ];
  const changes = diffFields(auditView(before), auditView(after));
  const measures = loaded.measures.map((measure) => (measure.id === measureId ? after : measure));
  const { warnings, counters } = planCounters({ ...loaded, measures });
  const updated = await writeMeasureUpdate(db, {
    measureId,
    version,
    data,
    now,
    planId: loaded.plan.id,
    planRowVersion: mode === 'optimistic' ? loaded.rowVersion : undefined,
    counters,
    timeline,
    author: user.userId,
    audit: {
      actor: user,
      record: {
        action: 'update',
        entityType: 'measure',
        entityId: measureId,
        agencyId: owner.agencyId,
        provinceId: owner.provinceId,
        changes: { ...changes, version: { from: before.version, to: after.version } },
      },
    },
    agencyId: owner.agencyId,
  });
  if (updated !== 1) {
    if (mode === 'optimistic') return undefined;
    return versionConflict(db, measureId);
  }
  if (indicators) {
    await db.measureIndicator.deleteMany({ where: { measureId } });
    await db.measureIndicator.createMany({ data: dedupeIndicators(indicators).map((ref) => ({ ...ref, measureId })) });
  }
  if (evidence) {
    await db.evidenceLink.deleteMany({ where: { measureId } });
    await db.evidenceLink.createMany({ data: evidence.map((link, position) => ({ ...link, position, measureId })) });
  }
  const titles = indicators ? new Map([...loaded.titles, ...(await loadIndicatorTitles(db, [after]))]) : loaded.titles;
  return toMeasure(after, titles, warnings);
}

export async function deleteMeasure(actor: Actor, measureId: string, version: number): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await lockPlan(tx, { measureId });
    const owner = await findVisibleMeasure(tx, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบไปแล้ว');
    // A version the measure does not have is a conflict before it reaches SQL (3e9 overflows an integer column).
    if (owner.version !== version) await versionConflict(tx, measureId);
    const updated = await tx.measure.updateMany({
      where: { id: measureId, version },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) await versionConflict(tx, measureId);
    await refreshPlanWarnings(tx, owner.planId);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'measure',
      entityId: measureId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { deleted: { from: false, to: true } },
    });
  });
}

export async function restoreMeasure(actor: Actor, measureId: string): Promise<Measure> {
  return getPrisma().$transaction(async (tx) => {
    await lockPlan(tx, { measureId });
    const owner = await findVisibleMeasure(tx, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (!owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ไม่ได้ถูกลบ');
    const last = await tx.measure.aggregate({ where: { planId: owner.planId, deletedAt: null }, _max: { sequence: true } });
    await tx.measure.update({
      where: { id: measureId },
      data: { deletedAt: null, sequence: (last._max.sequence ?? 0) + 1, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: 'restore',
      entityType: 'measure',
      entityId: measureId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { deleted: { from: true, to: false } },
    });
    return loadMeasure(tx, measureId, await refreshPlanWarnings(tx, owner.planId));
  });
}

/** New order of a plan's measures: the list must name each live measure exactly once. */
export async function reorderMeasures(actor: Actor, planId: string, input: ReorderMeasuresInput): Promise<PlanDetail> {
  return getPrisma().$transaction(async (tx) => {
    await lockPlan(tx, { planId });
    const plan = await findVisiblePlan(tx, actor, planId);
    assertCan(actor, 'write:plan', plan);
    assertEditable(plan);
    const live = await tx.measure.findMany({
      where: { planId, deletedAt: null },
      select: { id: true, sequence: true },
      orderBy: { sequence: 'asc' },
    });
    const ids = new Set(live.map((measure) => measure.id));
    if (live.length !== input.measureIds.length || input.measureIds.some((id) => !ids.has(id))) {
      throw new AppError('VALIDATION_FAILED', 'รายการต้องมีมาตรการทุกข้อของแผนครบ ข้อละหนึ่งครั้ง', {
        issues: [{ path: 'body.measureIds', message: 'must list every live measure of the plan once', code: 'invalid_set' }],
      });
    }
    for (const [index, id] of input.measureIds.entries()) {
      await tx.measure.update({ where: { id }, data: { sequence: index + 1 } });
    }
    await refreshPlanWarnings(tx, planId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: planId,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { measureOrder: { from: live.map((measure) => measure.id), to: input.measureIds } },
    });
    return loadPlanDetail(tx, planId);
  });
}

function toTimelineEntry(row: Prisma.TimelineEntryGetPayload<{ include: { author: { select: { name: true } } } }>): TimelineEntry {
  return {
    id: row.id,
    measureId: row.measureId,
    kind: row.kind,
    note: row.note,
    fromOutcome: row.fromOutcome,
    toOutcome: row.toOutcome,
    evidenceUrl: row.evidenceUrl,
    occurredOn: isoDate(row.occurredOn)!,
    authorName: row.author?.name ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listTimeline(actor: Actor, measureId: string): Promise<TimelineEntry[]> {
  const prisma = getPrisma();
  await findVisibleMeasure(prisma, actor, measureId);
  const rows = await prisma.timelineEntry.findMany({
    where: { measureId },
    orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
    include: { author: { select: { name: true } } },
    take: 500,
  });
  return rows.map(toTimelineEntry);
}

export async function addTimelineNote(actor: Actor, measureId: string, input: CreateTimelineEntryInput): Promise<TimelineEntry> {
  return getPrisma().$transaction(async (tx) => {
    const owner = await findVisibleMeasure(tx, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบแล้ว');
    const row = await tx.timelineEntry.create({
      data: {
        measureId,
        agencyId: owner.agencyId,
        kind: input.evidenceUrl ? 'evidence_added' : 'note',
        note: input.note,
        evidenceUrl: input.evidenceUrl ?? null,
        occurredOn: toDbDate(input.occurredOn)!,
        authorId: (actor as UserActor).userId,
      },
      include: { author: { select: { name: true } } },
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'timeline',
      entityId: row.id,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { measureId, note: input.note },
    });
    return toTimelineEntry(row);
  });
}
