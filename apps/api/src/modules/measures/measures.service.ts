import type {
  CreateMeasureInput,
  CreateTimelineEntryInput,
  Measure,
  PlanDetail,
  ReorderMeasuresInput,
  TimelineEntry,
  UpdateMeasureInput,
} from '@prongsai/shared';
import type { Actor, UserActor } from '../../access/actor';
import { assertCan, requireUser, type ResourceOwner } from '../../access/policies';
import { scopeFor, type Scope } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { rootDb, transaction, type Db } from '../../lib/db';
import { diffFields, recordAudit } from '../audit/audit.service';
import { isoDate, toDbDate, toMeasure } from '../plans/measure-dto';
import {
  assertEditable,
  computeWarnings,
  findVisiblePlan,
  loadPlanDetail,
  lockPlan,
  planCounters,
  refreshPlan,
  type MeasureRow,
} from '../plans/plans.service';
import * as queries from './measures.queries';
import type { MeasureFields, PlanForWrite, TimelineEvent } from './measures.queries';

/** What the actor reads measures with: the scope every measure statement applies inside its SQL. */
const readScope = (actor: Actor): Scope => scopeFor(actor, 'read:plan');

/** The measure's owner and state; 404 when missing or out of the actor's reach (never loaded then). */
async function findVisibleMeasure(db: Db, actor: Actor, measureId: string): Promise<queries.MeasureOwnerRow> {
  const row = await queries.findMeasureOwner(db, readScope(actor), measureId);
  if (!row) throw notFound('ไม่พบมาตรการนี้');
  return row;
}

/** The fields of a measure as the audit trail records them (before/after): what an editor can change, as the API shows it. */
const NOT_AUDITED: readonly string[] = [
  'id',
  'planId',
  'agencyId',
  'sequence',
  'version',
  'updatedAt',
  'deletedAt',
  'warnings',
  'sourceMeasureId',
  'carriedOutRaw',
];
function auditView(row: MeasureRow): Record<string, unknown> {
  const view = toMeasure(row);
  return {
    ...Object.fromEntries(Object.entries(view).filter(([field]) => !NOT_AUDITED.includes(field))),
    indicators: view.indicators.map((ref) => `${ref.fiscalYear}:${ref.code}`),
    carriedOut: view.carriedOut && `${view.carriedOut.date}/${view.carriedOut.precision}`,
    evidence: view.evidence.map((link) => link.url),
  };
}

type InputFields = Partial<Omit<CreateMeasureInput, 'indicators' | 'evidence'>>;

/**
 * The measure columns the API's fields set (undefined: not given, left as it is). A field is its
 * column under the same name; only the dates and the carried-out period are written out here.
 */
function measureFields(input: InputFields): MeasureFields {
  const { plannedStart, plannedEnd, carriedOut, ...sameAsColumn } = input;
  const fields: MeasureFields = { ...sameAsColumn, plannedStart: toDbDate(plannedStart), plannedEnd: toDbDate(plannedEnd) };
  if (carriedOut !== undefined) {
    fields.carriedOutDate = toDbDate(input.carriedOut?.date ?? null);
    fields.carriedOutPrecision = input.carriedOut?.precision ?? null;
  }
  if (input.outcome !== undefined && input.outcome !== 'not_carried_out' && input.outcomeReason === undefined) fields.outcomeReason = null;
  return fields;
}

export async function getMeasure(actor: Actor, measureId: string): Promise<Measure> {
  const { loaded, measure } = await findVisibleMeasureInPlan(rootDb(), actor, measureId, queries.findPlanOfMeasure);
  return toMeasure(measure, computeWarnings(loaded));
}

/**
 * The measure with its whole plan, in one statement (the plan's measures are what its warnings
 * and counters are computed from). 404 when missing or out of the actor's reach: the statement
 * reads only inside the actor's scope, so another tenant's plan is never loaded.
 */
async function findVisibleMeasureInPlan(
  db: Db,
  actor: Actor,
  measureId: string,
  load: (db: Db, scope: Scope, measureId: string) => Promise<PlanForWrite | undefined>,
): Promise<{ loaded: PlanForWrite; measure: MeasureRow; owner: ResourceOwner }> {
  const loaded = await load(db, readScope(actor), measureId);
  const measure = loaded?.measures.find((candidate) => candidate.id === measureId);
  if (!loaded || !measure) throw notFound('ไม่พบมาตรการนี้');
  return { loaded, measure, owner: { agencyId: measure.agencyId, provinceId: loaded.provinceId } };
}

/** The measure as it is now, for a 409's `current` (its plan's warnings left out, as before the write). */
async function versionConflict(db: Db, actor: Actor, measureId: string): Promise<never> {
  const current = await queries.findMeasure(db, readScope(actor), measureId);
  throw new AppError('VERSION_CONFLICT', 'มาตรการนี้ถูกแก้ไขโดยผู้อื่นระหว่างที่คุณแก้ไข', { current: current && toMeasure(current) });
}

/** The measure's row inside its freshly counted plan, as the API shows it (no extra read). */
async function refreshedMeasure(db: Db, actor: Actor, planId: string, measureId: string): Promise<Measure> {
  const { loaded, warnings } = await refreshPlan(db, readScope(actor), planId);
  const measure = loaded.measures.find((candidate) => candidate.id === measureId);
  if (!measure) throw notFound('ไม่พบมาตรการนี้');
  return toMeasure(measure, warnings);
}

export async function createMeasure(actor: Actor, planId: string, input: CreateMeasureInput): Promise<Measure> {
  return transaction(async (db) => {
    await lockPlan(db, actor, planId);
    const plan = await findVisiblePlan(db, actor, planId);
    assertCan(actor, 'write:plan', plan);
    assertEditable(plan);
    const created = await queries.insertMeasure(
      db,
      {
        planId,
        agencyId: plan.agencyId,
        sequence: await queries.nextSequence(db, planId),
        title: input.title,
        fields: measureFields(input),
      },
      dedupeIndicators(input.indicators),
      input.evidence,
    );
    // The new measure reads back through THE measure row, inside its plan (which its counters need anyway).
    const { loaded, warnings } = await refreshPlan(db, readScope(actor), planId);
    const measure = loaded.measures.find((candidate) => candidate.id === created.id)!;
    await recordAudit(db, actor, {
      action: 'create',
      entityType: 'measure',
      entityId: created.id,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { after: auditView(measure) },
    });
    return toMeasure(measure, warnings);
  });
}

function dedupeIndicators(refs: CreateMeasureInput['indicators']) {
  const seen = new Map<string, { fiscalYear: number; code: string; raw: string | null }>();
  for (const ref of refs) seen.set(`${ref.fiscalYear}:${ref.code}`, { fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw ?? null });
  return [...seen.values()];
}

/** A measure row after a successful update, built from the row before it (no re-read). */
function applyUpdate(
  before: MeasureRow,
  fields: MeasureFields,
  indicators: UpdateMeasureInput['indicators'],
  evidence: UpdateMeasureInput['evidence'],
  updatedAt: Date,
): MeasureRow {
  const after = { ...before, version: before.version + 1, updatedAt } as MeasureRow & Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) after[key] = value;
  if (indicators) {
    after.indicators = dedupeIndicators(indicators).map((ref, index) => ({
      id: -1 - index,
      measureId: before.id,
      ...ref,
      titleTh: null,
      group: null,
    }));
  }
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
    const saved = await saveMeasure(rootDb(), user, measureId, input, 'optimistic');
    if (saved) return saved;
  }
  return transaction(async (db) => (await saveMeasure(db, user, measureId, input, 'locked'))!);
}

/** One attempt of `updateMeasure`; undefined when the optimistic write found the plan changed. */
async function saveMeasure(
  db: Db,
  user: UserActor,
  measureId: string,
  input: UpdateMeasureInput,
  mode: 'optimistic' | 'locked',
): Promise<Measure | undefined> {
  // Locked: the plan's row lock and the plan in one statement (see findPlanOfMeasureForUpdate).
  const {
    loaded,
    measure: before,
    owner,
  } = await findVisibleMeasureInPlan(
    db,
    user,
    measureId,
    mode === 'locked' ? queries.findPlanOfMeasureForUpdate : queries.findPlanOfMeasure,
  );
  assertCan(user, 'write:plan', owner);
  assertEditable(loaded.plan);
  if (before.deletedAt) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบแล้ว กรุณากู้คืนก่อนแก้ไข', { reason: 'measureDeleted' });
  if (before.version !== input.version) {
    throw new AppError('VERSION_CONFLICT', 'มาตรการนี้ถูกแก้ไขโดยผู้อื่นระหว่างที่คุณแก้ไข', {
      current: toMeasure(before, computeWarnings(loaded)),
    });
  }
  const { version, indicators, evidence, ...input_ } = input;
  const fields = measureFields(input_);
  const now = new Date();
  const after = applyUpdate(before, fields, indicators, evidence, now);
  const oldUrls = new Set(before.evidence.map((link) => link.url));
  const timeline: TimelineEvent[] = [
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
  const updated = await queries.updateMeasure(db, {
    measureId,
    version,
    fields,
    now,
    planId: loaded.plan.id,
    planRowVersion: mode === 'optimistic' ? loaded.rowVersion : undefined,
    counters,
    timeline,
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
    return versionConflict(db, user, measureId);
  }
  if (indicators) await queries.replaceIndicators(db, measureId, dedupeIndicators(indicators));
  if (evidence) await queries.replaceEvidence(db, measureId, evidence);
  // New references need their codebook titles: read the measure back through THE measure row.
  const saved = indicators ? await queries.findMeasure(db, readScope(user), measureId) : after;
  return toMeasure(saved ?? after, warnings);
}

export async function deleteMeasure(actor: Actor, measureId: string, version: number): Promise<void> {
  await transaction(async (db) => {
    await queries.lockPlanOfMeasure(db, readScope(actor), measureId);
    const owner = await findVisibleMeasure(db, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบไปแล้ว', { reason: 'measureAlreadyDeleted' });
    // A version the measure does not have is a conflict before it reaches SQL (3e9 overflows an integer column).
    if (owner.version !== version) await versionConflict(db, actor, measureId);
    if ((await queries.softDeleteMeasure(db, measureId, version)) !== 1) await versionConflict(db, actor, measureId);
    await refreshPlan(db, readScope(actor), owner.planId);
    await recordAudit(db, actor, {
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
  return transaction(async (db) => {
    await queries.lockPlanOfMeasure(db, readScope(actor), measureId);
    const owner = await findVisibleMeasure(db, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (!owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ไม่ได้ถูกลบ', { reason: 'measureNotDeleted' });
    await queries.restoreMeasure(db, measureId, await queries.nextSequence(db, owner.planId));
    await recordAudit(db, actor, {
      action: 'restore',
      entityType: 'measure',
      entityId: measureId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { deleted: { from: true, to: false } },
    });
    return refreshedMeasure(db, actor, owner.planId, measureId);
  });
}

/** New order of a plan's measures: the list must name each live measure exactly once. */
export async function reorderMeasures(actor: Actor, planId: string, input: ReorderMeasuresInput): Promise<PlanDetail> {
  return transaction(async (db) => {
    await lockPlan(db, actor, planId);
    const plan = await findVisiblePlan(db, actor, planId);
    assertCan(actor, 'write:plan', plan);
    assertEditable(plan);
    const live = await queries.listLiveMeasureIds(db, planId);
    const ids = new Set(live);
    if (live.length !== input.measureIds.length || input.measureIds.some((id) => !ids.has(id))) {
      throw new AppError('VALIDATION_FAILED', 'รายการต้องมีมาตรการทุกข้อของแผนครบ ข้อละหนึ่งครั้ง', {
        reason: 'measureOrderIncomplete',
        issues: [{ path: 'body.measureIds', message: 'must list every live measure of the plan once', code: 'invalid_set' }],
      });
    }
    await queries.setMeasureOrder(db, input.measureIds);
    await refreshPlan(db, readScope(actor), planId);
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: planId,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { measureOrder: { from: live, to: input.measureIds } },
    });
    return loadPlanDetail(db, readScope(actor), planId);
  });
}

function toTimelineEntry(row: queries.TimelineRow): TimelineEntry {
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
  const db = rootDb();
  await findVisibleMeasure(db, actor, measureId);
  return (await queries.listTimeline(db, readScope(actor), measureId)).map(toTimelineEntry);
}

export async function addTimelineNote(actor: Actor, measureId: string, input: CreateTimelineEntryInput): Promise<TimelineEntry> {
  return transaction(async (db) => {
    const owner = await findVisibleMeasure(db, actor, measureId);
    assertCan(actor, 'write:plan', owner);
    assertEditable({ status: owner.planStatus });
    if (owner.deleted) throw new AppError('INVALID_STATE', 'มาตรการนี้ถูกลบแล้ว', { reason: 'measureDeleted' });
    const row = await queries.insertTimelineEntry(db, {
      measureId,
      agencyId: owner.agencyId,
      kind: input.evidenceUrl ? 'evidence_added' : 'note',
      note: input.note,
      evidenceUrl: input.evidenceUrl ?? null,
      occurredOn: toDbDate(input.occurredOn)!,
      authorId: (actor as UserActor).userId,
    });
    await recordAudit(db, actor, {
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
