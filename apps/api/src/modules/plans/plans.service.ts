import { createHash } from 'node:crypto';
import {
  AcknowledgementRecordSchema,
  PLAN_TRANSITIONS,
  isEditablePlanStatus,
  isSameTarget,
  seriousWarningGroups,
  isTransitionAllowedFrom,
  planProgress,
  type QualityWarning,
  type CreatePlanInput,
  type Outcome,
  type AcknowledgementRecord,
  type PlanApprovalInput,
  type PlanDetail,
  type PlanReturnInput,
  type PlanStatus,
  type PlanSummary,
  type PlanTransition,
  type PlanTransitionInput,
  type PlanTransitionName,
  type ReopenRequestInput,
  type ReopenRequestResponse,
  type UpdatePlanInput,
} from '@prongsai/shared';
import type { Actor, UserActor } from '../../access/actor';
import { assertCan, can, type ResourceOwner } from '../../access/policies';
import { scopeFor, SYSTEM_SCOPE, type Scope } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { rootDb, transaction, type Db } from '../../lib/db';
import { findVisibleAgency } from '../agencies/agencies.service';
import { diffFields, findLatestStatusChange, recordAudit } from '../audit/audit.service';
import { recordPlanEvent } from '../notifications/notifications.service';
import { checkMeasures } from '../quality-checks/quality-checks';
import { copyWarningsOf } from '../similarity/similarity.service';
import { toCheckable, toMeasure } from './measure-dto';
import * as queries from './plans.queries';
import type { LoadedPlan, MeasureRow, PlanCounters, PlanRow } from './plans.queries';

export type { LoadedPlan, MeasureRow } from './plans.queries';
export type PlanOwner = queries.PlanOwnerRow & ResourceOwner;

/** The plan if the actor may read it, else 404 (the same answer as for a missing plan). */
export async function findVisiblePlan(db: Db, actor: Actor, planId: string): Promise<PlanOwner> {
  const row = await queries.findPlanOwner(db, scopeFor(actor, 'read:plan'), planId);
  if (!row) throw notFound('ไม่พบแผนนี้');
  return row;
}

/**
 * Take the plan's row lock for the rest of the transaction (when the actor can read the plan) before
 * reading what a write recomputes: see `queries.lockPlan`.
 */
export const lockPlan = (db: Db, actor: Actor, planId: string): Promise<void> => queries.lockPlan(db, scopeFor(actor, 'read:plan'), planId);

export function assertEditable(plan: { status: PlanStatus }): void {
  if (!isEditablePlanStatus(plan.status)) {
    throw new AppError('INVALID_STATE', 'แผนนี้ไม่อยู่ในสถานะที่แก้ไขได้ (แก้ไขได้เฉพาะแผนร่างหรือแผนที่ถูกส่งกลับ)', {
      reason: 'planNotEditable',
      params: { status: plan.status },
    });
  }
}

function toSummary(plan: PlanRow, outcomes: { outcome: Outcome }[]): PlanSummary {
  return {
    id: plan.id,
    agencyId: plan.agencyId,
    fiscalYear: plan.fiscalYear,
    status: plan.status,
    agencyType: plan.agencyType,
    agencyNameTh: plan.agencyNameTh,
    version: plan.version,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    reviewedAt: plan.reviewedAt?.toISOString() ?? null,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    updatedAt: plan.updatedAt.toISOString(),
    progress: planProgress(outcomes),
  };
}

/** The live quality checks of a plan's measures (the same checks as the report import). */
function planWarnings(plan: { agencyNameTh: string; fiscalYear: number }, website: string | null, live: MeasureRow[]): QualityWarning[] {
  return checkMeasures({ agencyNameTh: plan.agencyNameTh, website, fiscalYear: plan.fiscalYear }, live.map(toCheckable));
}

const MAX_REMEMBERED_WARNINGS = 5_000;
const rememberedWarnings = new Map<string, QualityWarning[]>();

/**
 * `planWarnings` for a page read: the checks are a pure function of what they are given, so the
 * answer is remembered under a hash of exactly that (the context and every checked field of every
 * live measure) and a plan read again unchanged costs a hash instead of the checks (ADR 024). Writes
 * run the checks themselves (`planCounters`).
 */
function pageWarnings(plan: { agencyNameTh: string; fiscalYear: number }, website: string | null, live: MeasureRow[]): QualityWarning[] {
  const context = { agencyNameTh: plan.agencyNameTh, website, fiscalYear: plan.fiscalYear };
  const checkable = live.map(toCheckable);
  const key = createHash('sha1')
    .update(JSON.stringify([context, checkable]))
    .digest('base64url');
  let warnings = rememberedWarnings.get(key);
  if (warnings === undefined) {
    warnings = checkMeasures(context, checkable);
    if (rememberedWarnings.size >= MAX_REMEMBERED_WARNINGS) rememberedWarnings.delete(rememberedWarnings.keys().next().value!);
  } else rememberedWarnings.delete(key);
  rememberedWarnings.set(key, warnings);
  return warnings;
}

const liveMeasures = (measures: MeasureRow[]) => measures.filter((measure) => measure.deletedAt === null);

/** The quality warnings of a loaded plan's live measures. */
export function computeWarnings(loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>): QualityWarning[] {
  return planWarnings(loaded.plan, loaded.website, liveMeasures(loaded.measures));
}

/** What a plan's live measures make of its quality warnings and counters. */
export function planCounters(loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>): {
  warnings: QualityWarning[];
  counters: PlanCounters;
} {
  const live = liveMeasures(loaded.measures);
  const warnings = computeWarnings(loaded);
  return {
    warnings,
    counters: {
      warningCount: warnings.length,
      measureCount: live.length,
      completedCount: live.filter((measure) => measure.outcome === 'completed').length,
      notCarriedOutCount: live.filter((measure) => measure.outcome === 'not_carried_out').length,
      indicatorsCovered: new Set(live.flatMap((measure) => measure.indicators.map((ref) => `${ref.fiscalYear}:${ref.code}`))).size,
    },
  };
}

/**
 * The checks and counters of a plan whose measures the caller already holds as they are now
 * (after its write, inside its transaction). Always one UPDATE: it also moves the plan's
 * `updatedAt`, which is then the last change to the plan or any of its measures.
 */
export async function storePlanCounters(db: Db, loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>): Promise<QualityWarning[]> {
  const { warnings, counters } = planCounters(loaded);
  await queries.updatePlanCounters(db, loaded.plan.id, counters);
  return warnings;
}

/**
 * Re-run the checks after a write and keep their count and the measure counters on the plan
 * (reviewers sort by warnings; national and provincial figures read the counters). The caller has
 * already checked its reach to the plan; returns the plan as loaded (in `scope`) and its warnings.
 */
export async function refreshPlan(db: Db, scope: Scope, planId: string): Promise<{ loaded: LoadedPlan; warnings: QualityWarning[] }> {
  const loaded = await queries.findPlan(db, scope, planId, { withComments: false, withCopies: false });
  if (!loaded) throw notFound('ไม่พบแผนนี้');
  return { loaded, warnings: await storePlanCounters(db, loaded) };
}

/** `refreshPlan` for code that acts for no caller or has checked it already (the seed, the report import). */
export async function refreshPlanWarnings(db: Db, planId: string): Promise<QualityWarning[]> {
  return (await refreshPlan(db, SYSTEM_SCOPE, planId)).warnings;
}

/**
 * The page of a loaded plan; on staff pages with the plan's `COPIED_FROM_OTHER_AGENCY` warnings (the copy
 * detector, ADR 014, from the shared texts its statement read): the public never sees them.
 */
function toPlanDetail(loaded: LoadedPlan, options: { publicView?: boolean }): PlanDetail {
  const { plan } = loaded;
  const live = liveMeasures(loaded.measures);
  const copied = options.publicView ? [] : copyWarningsOf(loaded.sharedTexts, plan);
  const warnings = [...pageWarnings(plan, loaded.website, live), ...copied];
  const measures = live.map((measure) => toMeasure(measure, warnings));
  return {
    ...toSummary(plan, live),
    introText: plan.introText,
    copiedFromPlanId: plan.copiedFromPlanId,
    measures,
    deletedMeasures: options.publicView
      ? []
      : loaded.measures
          .filter((measure) => measure.deletedAt !== null)
          .map((measure) => ({
            id: measure.id,
            sequence: measure.sequence,
            title: measure.title,
            deletedAt: measure.deletedAt!.toISOString(),
            version: measure.version,
          })),
    // Review comments are internal to the agency and its reviewers: never on public pages.
    comments: (options.publicView ? [] : loaded.comments).map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
    warnings: measures.flatMap((measure) => measure.warnings),
  };
}

/** Everything the plan page shows, in one statement, if `scope` reaches the plan (else 404). */
export async function loadPlanDetail(db: Db, scope: Scope, planId: string, options: { publicView?: boolean } = {}): Promise<PlanDetail> {
  const staff = !options.publicView;
  const loaded = await queries.findPlan(db, scope, planId, { withComments: staff, withCopies: staff });
  if (!loaded) throw notFound('ไม่พบแผนนี้');
  return toPlanDetail(loaded, options);
}

/** The agency's plan summaries inside `scope`, with progress, newest fiscal year first. */
export async function listPlanSummaries(scope: Scope, agencyId: string): Promise<PlanSummary[]> {
  const plans = await queries.listPlanSummaries(rootDb(), scope, agencyId);
  return plans.map((plan) => toSummary(plan, plan.measures));
}

export async function listAgencyPlans(actor: Actor, agencyId: string): Promise<PlanSummary[]> {
  await findVisibleAgency(actor, agencyId);
  return listPlanSummaries(scopeFor(actor, 'read:plan'), agencyId);
}

/**
 * One agency's plan of one year: the agency's scope, the plan's scope and the whole page in one
 * statement (it is the page editors open most). 404 for an agency out of reach, as for a missing one.
 */
export async function getPlanByYear(actor: Actor, agencyId: string, fiscalYear: number): Promise<PlanDetail> {
  assertCan(actor, 'read:agency');
  const found = await queries.findPlanByYear(
    rootDb(),
    { agency: scopeFor(actor, 'read:agency'), plan: scopeFor(actor, 'read:plan') },
    agencyId,
    fiscalYear,
  );
  if (!found) throw notFound('ไม่พบหน่วยงานนี้');
  if (!found.plan) {
    throw new AppError('NOT_FOUND', `ยังไม่มีแผนปีงบประมาณ ${fiscalYear}`, { reason: 'planYearNotFound', params: { fiscalYear } });
  }
  return toPlanDetail(found.plan, {});
}

/** A plan's page, in one statement that reads it only inside the actor's scope (404 otherwise). */
export async function getPlan(actor: Actor, planId: string): Promise<PlanDetail> {
  return loadPlanDetail(rootDb(), scopeFor(actor, 'read:plan'), planId);
}

/** A new plan for a fiscal year, empty or copied from an earlier year (outcomes and dates reset). */
export async function createPlan(actor: Actor, agencyId: string, fiscalYear: number, input: CreatePlanInput): Promise<PlanDetail> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'write:plan', agency);
  const scope = scopeFor(actor, 'read:plan');
  return transaction(async (db) => {
    const existing = await queries.findPlanIdByYear(db, scope, agencyId, fiscalYear);
    if (existing) throw new AppError('CONFLICT', `มีแผนปีงบประมาณ ${fiscalYear} อยู่แล้ว`, { reason: 'planExists', params: { fiscalYear } });
    let source: { id: string; measures: MeasureRow[] } | undefined;
    if (input.copyFromFiscalYear !== undefined) {
      if (input.copyFromFiscalYear >= fiscalYear) {
        throw new AppError('VALIDATION_FAILED', 'ปีที่คัดลอกต้องเป็นปีก่อนหน้า', {
          issues: [{ path: 'body.copyFromFiscalYear', message: 'ต้องเป็นปีงบประมาณก่อนหน้า', code: 'too_big' }],
        });
      }
      source = await queries.findPlanMeasuresByYear(db, scope, agencyId, input.copyFromFiscalYear);
      if (!source) {
        throw new AppError('NOT_FOUND', `ไม่พบแผนปีงบประมาณ ${input.copyFromFiscalYear} ที่จะคัดลอก`, {
          reason: 'copySourceNotFound',
          params: { fiscalYear: input.copyFromFiscalYear },
        });
      }
    }
    const copied = liveMeasures(source?.measures ?? []);
    const plan = await queries.insertPlan(db, {
      agencyId,
      fiscalYear,
      agencyType: agency.type,
      agencyNameTh: agency.nameTh,
      introText: input.introText ?? null,
      copiedFromPlanId: source?.id ?? null,
    });
    await queries.insertMeasureCopies(db, { id: plan.id, agencyId }, copied);
    await refreshPlan(db, scope, plan.id);
    await recordAudit(db, actor, {
      action: 'create',
      entityType: 'plan',
      entityId: plan.id,
      agencyId,
      provinceId: agency.provinceId,
      changes: { fiscalYear, copiedFromFiscalYear: input.copyFromFiscalYear ?? null, measuresCopied: copied.length },
    });
    return loadPlanDetail(db, scope, plan.id);
  });
}

function assertVersion(plan: { version: number }, version: number): void {
  if (plan.version !== version) {
    throw new AppError('VERSION_CONFLICT', 'แผนนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุด', { current: { version: plan.version } });
  }
}

export async function updatePlan(actor: Actor, planId: string, input: UpdatePlanInput): Promise<PlanDetail> {
  const scope = scopeFor(actor, 'read:plan');
  return transaction(async (db) => {
    const owner = await findVisiblePlan(db, actor, planId);
    assertCan(actor, 'write:plan', owner);
    assertEditable(owner);
    // A version the plan does not have is a conflict before it reaches SQL (3e9 overflows an integer column).
    assertVersion(owner, input.version);
    const before = await queries.findPlanVersion(db, planId);
    const introText = input.introText ?? null;
    if ((await queries.updatePlanFields(db, planId, input.version, { introText })) !== 1) {
      assertVersion(await queries.findPlanVersion(db, planId), input.version);
    }
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: planId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: diffFields({ introText: before.introText }, { introText }) ?? null,
    });
    return loadPlanDetail(db, scope, planId);
  });
}

const STATUS_LABEL: Record<PlanStatus, string> = {
  draft: 'ร่าง',
  submitted: 'ส่งตรวจสอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  accepted: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

/**
 * The acknowledgements an earlier acceptance recorded that still hold: those whose measure is still
 * live with the same number and version (a measure saved since must be acknowledged again).
 */
async function acknowledgementsOfAcceptance(db: Db, actor: Actor, plan: PlanDetail): Promise<AcknowledgementRecord[]> {
  const changes = await findLatestStatusChange(db, scopeFor(actor, 'read:plan'), {
    entityType: 'plan',
    entityId: plan.id,
    toStatus: 'accepted',
  });
  const parsed = AcknowledgementRecordSchema.array().safeParse(changes?.acknowledgements ?? []);
  if (!parsed.success) return [];
  return parsed.data.filter((record) => {
    if (record.measureId === null) return record.sequence === null;
    const measure = plan.measures.find((entry) => entry.id === record.measureId);
    return measure !== undefined && measure.sequence === record.sequence && measure.version === record.measureVersion;
  });
}

/**
 * Accept and publish (ADR 021): every open serious warning of the plan must be acknowledged, in this
 * request or (for publish) at the acceptance, unchanged since. Acknowledging needs `review:plan`
 * (403 otherwise); one of a warning the plan does not have is a 422. Returns what the transition's
 * audit row keeps.
 */
async function checkAcknowledgements(
  db: Db,
  actor: Actor,
  owner: PlanOwner,
  name: PlanTransitionName,
  input: PlanApprovalInput,
): Promise<AcknowledgementRecord[]> {
  const given = input.acknowledgements ?? [];
  if (given.length > 0 && !can(actor, 'review:plan', owner)) {
    throw new AppError('FORBIDDEN', 'เฉพาะผู้ตรวจสอบเท่านั้นที่รับทราบคำเตือนร้ายแรงได้');
  }
  const plan = await loadPlanDetail(db, scopeFor(actor, 'read:plan'), owner.id);
  const groups = seriousWarningGroups(plan.warnings);
  const unknown = given.flatMap((acknowledgement, index) => (groups.some((group) => isSameTarget(group, acknowledgement)) ? [] : [index]));
  if (unknown.length > 0) {
    throw new AppError('ACKNOWLEDGED_WARNING_NOT_FOUND', 'แผนนี้ไม่มีคำเตือนที่รับทราบมา (อาจแก้ไขไปแล้ว) กรุณาโหลดข้อมูลล่าสุด', {
      reason: 'acknowledgedWarningNotFound',
      params: { count: unknown.length },
      issues: unknown.map((index) => ({
        path: `body.acknowledgements.${index}`,
        message: 'แผนนี้ไม่มีคำเตือนร้ายแรงนี้',
        code: 'unknown_warning',
      })),
    });
  }
  const earlier = name === 'publish' ? await acknowledgementsOfAcceptance(db, actor, plan) : [];
  const open = groups.filter(
    (group) => !given.some((entry) => isSameTarget(entry, group)) && !earlier.some((entry) => isSameTarget(entry, group)),
  );
  if (open.length > 0) {
    throw new AppError('SERIOUS_WARNINGS_UNACKNOWLEDGED', `แผนนี้มีคำเตือนร้ายแรง ${open.length} รายการที่ผู้ตรวจสอบยังไม่ได้รับทราบพร้อมเหตุผล`, {
      reason: 'warningsUnacknowledged',
      params: { count: open.length },
      warnings: open.flatMap((group) => group.warnings),
    });
  }
  return given.map((acknowledgement) => {
    const measure = plan.measures.find((entry) => entry.sequence === acknowledgement.sequence);
    return {
      code: acknowledgement.code,
      sequence: acknowledgement.sequence,
      reason: acknowledgement.reason,
      measureId: measure?.id ?? null,
      measureVersion: measure?.version ?? null,
      warnings: groups.find((group) => isSameTarget(group, acknowledgement))!.warnings,
    };
  });
}

/** Move a plan through its lifecycle; the rules are the shared PLAN_TRANSITIONS table. */
export async function transitionPlan(
  actor: Actor,
  planId: string,
  name: PlanTransitionName,
  input: PlanTransitionInput | PlanReturnInput | PlanApprovalInput,
): Promise<PlanDetail> {
  const transition: PlanTransition = PLAN_TRANSITIONS[name];
  return transaction(async (db) => {
    const owner = await findVisiblePlan(db, actor, planId);
    assertCan(actor, transition.action, owner);
    if (!transition.from.includes(owner.status)) {
      throw new AppError('INVALID_STATE', `ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "${STATUS_LABEL[owner.status]}"`, {
        reason: 'planTransitionRefused',
        params: { status: owner.status },
      });
    }
    assertVersion(owner, input.version);
    const acknowledgements =
      name === 'accept' || name === 'publish' ? await checkAcknowledgements(db, actor, owner, name, input as PlanApprovalInput) : [];
    const now = new Date();
    const stamps = Object.fromEntries(Object.keys(transition.stamp).map((key) => [key, now]));
    if ((await queries.updatePlanStatus(db, planId, { version: input.version, status: owner.status }, transition.to, stamps)) !== 1) {
      assertVersion(await queries.findPlanVersion(db, planId), input.version);
    }
    const text = 'reason' in input ? input.reason : (input.comment ?? null);
    if (transition.review || text) {
      await queries.insertReviewComment(db, {
        planId,
        agencyId: owner.agencyId,
        authorId: (actor as UserActor).userId,
        kind: transition.review ?? 'comment',
        body: text ?? STATUS_LABEL[transition.to],
      });
    }
    await recordAudit(db, actor, {
      action: 'status_change',
      entityType: 'plan',
      entityId: planId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: {
        status: { from: owner.status, to: transition.to },
        ...(text ? { note: text } : {}),
        ...(acknowledgements.length > 0 ? { acknowledgements } : {}),
      },
    });
    await recordPlanEvent(db, actor, { transition: name, planId, comment: text });
    return loadPlanDetail(db, scopeFor(actor, 'read:plan'), planId);
  });
}

/**
 * An editor asks the province to reopen an accepted or published plan (issue 14): the reviewers are told
 * with the reason (notification `reopen_requested`); reopening stays the reviewers' step (`reopen`).
 */
export async function requestReopen(actor: Actor, planId: string, input: ReopenRequestInput): Promise<ReopenRequestResponse> {
  return transaction(async (db) => {
    const owner = await findVisiblePlan(db, actor, planId);
    assertCan(actor, 'submit:plan', owner);
    if (!isTransitionAllowedFrom('reopen', owner.status)) {
      throw new AppError('INVALID_STATE', `ขอเปิดแผนได้เฉพาะแผนที่อนุมัติหรือเผยแพร่แล้ว (แผนนี้มีสถานะ "${STATUS_LABEL[owner.status]}")`, {
        reason: 'planReopenRefused',
        params: { status: owner.status },
      });
    }
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: planId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { reopenRequested: { from: null, to: input.reason } },
    });
    const notified = await recordPlanEvent(db, actor, { kind: 'reopen_requested', planId, comment: input.reason });
    return { notified };
  });
}
