import {
  PLAN_TRANSITIONS,
  isEditablePlanStatus,
  planProgress,
  type QualityWarning,
  type CreatePlanInput,
  type Outcome,
  type PlanDetail,
  type PlanReturnInput,
  type PlanStatus,
  type PlanSummary,
  type PlanTransition,
  type PlanTransitionInput,
  type PlanTransitionName,
  type UpdatePlanInput,
} from '@prongsai/shared';
import type { Actor, UserActor } from '../../access/actor';
import { assertCan, can, type ResourceOwner } from '../../access/policies';
import { planWhere } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, type Prisma, type Tx } from '../../lib/prisma';
import { jsonTimestamp } from '../../lib/sql';
import { jsonValue, sqlRows } from '../../lib/sql-legacy';
import { findVisibleAgency } from '../agencies/agencies.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { MEASURE_INCLUDE, toCheckable, toMeasure, type MeasureRow } from '../measures/measure-dto';
import { recordPlanEvent } from '../notifications/notifications.service';
import { checkMeasures } from '../reports/import';
import { hydrateMeasures, hydratePlan, planDetailJson, type IndicatorTitles, type PlanDetailJson, type PlanRow } from './plan-query';

const PLAN_OWNER_SELECT = {
  id: true,
  agencyId: true,
  status: true,
  version: true,
  fiscalYear: true,
  agency: { select: { provinceId: true } },
} as const;
export type PlanOwner = { id: string; agencyId: string; status: PlanStatus; version: number; fiscalYear: number } & ResourceOwner;

/** The plan if the actor may read it, else 404 (the same answer as for a missing plan). */
export async function findVisiblePlan(db: Tx, actor: Actor, planId: string): Promise<PlanOwner> {
  const row = await db.plan.findFirst({ where: { AND: [{ id: planId }, planWhere(actor)] }, select: PLAN_OWNER_SELECT });
  if (!row) throw notFound('ไม่พบแผนนี้');
  return {
    id: row.id,
    agencyId: row.agencyId,
    status: row.status,
    version: row.version,
    fiscalYear: row.fiscalYear,
    provinceId: row.agency.provinceId,
  };
}

export function assertEditable(plan: { status: PlanStatus }): void {
  if (!isEditablePlanStatus(plan.status)) {
    throw new AppError('INVALID_STATE', 'แผนนี้ไม่อยู่ในสถานะที่แก้ไขได้ (แก้ไขได้เฉพาะแผนร่างหรือแผนที่ถูกส่งกลับ)');
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

/** A plan as one statement loads it: its row, its agency's website, its measures (deleted ones too). */
export interface LoadedPlan {
  plan: PlanRow;
  website: string | null;
  /** The province of the plan's agency (for scope checks and audit rows). */
  provinceId: number;
  /** The plan row's `xmin` when read (by `loadPlanOfMeasure`): a guard for optimistic writes. */
  rowVersion?: string;
  measures: MeasureRow[];
  titles: IndicatorTitles;
  comments: PlanDetailJson['comments'];
}

const PLAN_BY_ID_SQL = `SELECT ${planDetailJson('p', '$2::boolean')} AS data FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE p.id = $1::uuid`;

function hydrateLoadedPlan(json: PlanDetailJson): LoadedPlan {
  const { rows, titles } = hydrateMeasures(json.measures);
  return {
    plan: hydratePlan(json.plan),
    website: json.website,
    provinceId: json.provinceId,
    measures: rows,
    titles,
    comments: json.comments,
  };
}

/** The plan, its measures and (unless `withComments` is false) its review comments, in one statement. */
export async function loadPlan(db: Tx, planId: string, withComments = true): Promise<LoadedPlan> {
  const [row] = await sqlRows<{ data: unknown }>(db, PLAN_BY_ID_SQL, [planId, !withComments]);
  if (!row) throw notFound('ไม่พบแผนนี้');
  return hydrateLoadedPlan(jsonValue<PlanDetailJson>(row.data));
}

const PLAN_OF_MEASURE_SQL = `SELECT p.xmin::text AS "rowVersion", ${planDetailJson('p', 'true')} AS data FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
  WHERE p.id = (SELECT "planId" FROM "Measure" WHERE id = $1::uuid)`;

/** The plan a measure belongs to, loaded as `loadPlan` does (no comments); undefined for an unknown measure. */
export async function loadPlanOfMeasure(db: Tx, measureId: string): Promise<LoadedPlan | undefined> {
  const [row] = await sqlRows<{ rowVersion: string; data: unknown }>(db, PLAN_OF_MEASURE_SQL, [measureId]);
  return row ? { ...hydrateLoadedPlan(jsonValue<PlanDetailJson>(row.data)), rowVersion: row.rowVersion } : undefined;
}

/*
 * The same, taking the plan's row lock in the same statement (`lockPlan` + load in one round trip).
 * Under READ COMMITTED a statement that waited for the lock returns the plan row as the other
 * transaction left it, but its sub-selects (the measures) still read the snapshot taken before the
 * wait. Every measure write also updates the plan row, so the row version locked (`xmin`) differs from
 * the one the snapshot sees exactly when another write committed meanwhile: then load again, under the lock.
 */
const PLAN_OF_MEASURE_LOCKED_SQL = `SELECT p.xmin::text AS "lockedVersion", (SELECT s.xmin::text FROM "Plan" s WHERE s.id = p.id) AS "snapshotVersion",
    ${planDetailJson('p', 'true')} AS data
  FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
  WHERE p.id = (SELECT "planId" FROM "Measure" WHERE id = $1::uuid)
  FOR UPDATE OF p`;

/** `loadPlanOfMeasure` under the plan's row lock, held until the transaction ends (measure writes only). */
export async function loadPlanOfMeasureForUpdate(tx: Tx, measureId: string): Promise<LoadedPlan | undefined> {
  const [row] = await sqlRows<{ lockedVersion: string; snapshotVersion: string | null; data: unknown }>(tx, PLAN_OF_MEASURE_LOCKED_SQL, [
    measureId,
  ]);
  if (!row) return undefined;
  if (row.lockedVersion !== row.snapshotVersion) return loadPlanOfMeasure(tx, measureId);
  return hydrateLoadedPlan(jsonValue<PlanDetailJson>(row.data));
}

/**
 * Take the plan's row lock before a transaction reads its measures to recompute the counters:
 * two saves of different measures of one plan then run one after the other, and the second
 * counts the first's outcome (without it, both counted from the same stale siblings). Every
 * measure write takes this lock first, so they all lock in the same order (plan, then measure).
 */
export async function lockPlan(tx: Tx, target: { planId: string } | { measureId: string }): Promise<void> {
  if ('planId' in target) await sqlRows(tx, 'SELECT id FROM "Plan" WHERE id = $1::uuid FOR UPDATE', [target.planId]);
  else {
    await sqlRows(tx, 'SELECT p.id FROM "Plan" p JOIN "Measure" m ON m."planId" = p.id WHERE m.id = $1::uuid FOR UPDATE OF p', [
      target.measureId,
    ]);
  }
}

const liveMeasures = (measures: MeasureRow[]) => measures.filter((measure) => measure.deletedAt === null);

/** The quality warnings of a loaded plan's live measures. */
export function computeWarnings(loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>): QualityWarning[] {
  return planWarnings(loaded.plan, loaded.website, liveMeasures(loaded.measures));
}

/**
 * Re-run the checks after a write and keep their count and the measure counters on the plan
 * (reviewers sort by warnings; national and provincial figures read the counters).
 */
export async function refreshPlanWarnings(db: Tx, planId: string): Promise<QualityWarning[]> {
  return storePlanCounters(db, await loadPlan(db, planId, false));
}

/** What a plan's live measures make of its quality warnings and counters. */
export function planCounters(loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>) {
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
 * The checks and counters of a plan whose live measures the caller already holds as they are now
 * (after its write, inside its transaction). Always one UPDATE: it also moves the plan's
 * `updatedAt`, which is then the last change to the plan or any of its measures.
 */
export async function storePlanCounters(db: Tx, loaded: Pick<LoadedPlan, 'plan' | 'website' | 'measures'>): Promise<QualityWarning[]> {
  const { warnings, counters } = planCounters(loaded);
  await db.plan.update({ where: { id: loaded.plan.id }, data: counters });
  return warnings;
}

function toPlanDetail(loaded: LoadedPlan, options: { publicView?: boolean }): PlanDetail {
  const { plan } = loaded;
  const live = liveMeasures(loaded.measures);
  const warnings = planWarnings(plan, loaded.website, live);
  const measures = live.map((measure) => toMeasure(measure, loaded.titles, warnings));
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
    comments: (options.publicView ? [] : loaded.comments).map((comment) => ({
      ...comment,
      createdAt: jsonTimestamp(comment.createdAt).toISOString(),
    })),
    warnings: measures.flatMap((measure) => measure.warnings),
  };
}

/** Everything the plan page shows, in one statement. */
export async function loadPlanDetail(db: Tx, planId: string, options: { publicView?: boolean } = {}): Promise<PlanDetail> {
  return toPlanDetail(await loadPlan(db, planId, !options.publicView), options);
}

/** Plan summaries with progress, newest fiscal year first; `where` must carry a scope fragment. */
export async function findPlanSummaries(where: Prisma.PlanWhereInput): Promise<PlanSummary[]> {
  const plans = await getPrisma().plan.findMany({
    where,
    orderBy: { fiscalYear: 'desc' },
    include: { measures: { where: { deletedAt: null }, select: { outcome: true } } },
  });
  return plans.map((plan) => toSummary(plan, plan.measures));
}

export async function listAgencyPlans(actor: Actor, agencyId: string): Promise<PlanSummary[]> {
  await findVisibleAgency(actor, agencyId);
  return findPlanSummaries({ AND: [{ agencyId }, planWhere(actor)] });
}

/**
 * One agency's plan of one year: the agency's scope and the whole page in one statement (it is the
 * page editors open most). 404 for an agency out of reach, as for a missing one.
 */
export async function getPlanByYear(actor: Actor, agencyId: string, fiscalYear: number): Promise<PlanDetail> {
  assertCan(actor, 'read:agency');
  const [row] = await sqlRows<{ agencyId: string; provinceId: number; data: unknown }>(getPrisma(), PLAN_BY_YEAR_SQL, [
    agencyId,
    fiscalYear,
  ]);
  const owner: ResourceOwner | undefined = row && { agencyId: row.agencyId, provinceId: row.provinceId };
  if (!row || !owner || !can(actor, 'read:agency', owner)) throw notFound('ไม่พบหน่วยงานนี้');
  if (row.data === null || !can(actor, 'read:plan', owner)) throw notFound(`ยังไม่มีแผนปีงบประมาณ ${fiscalYear}`);
  return toPlanDetail(hydrateLoadedPlan(jsonValue<PlanDetailJson>(row.data)), {});
}

const PLAN_BY_YEAR_SQL = `
  SELECT ag.id AS "agencyId", ag."provinceId",
         (SELECT ${planDetailJson('p', 'false')} FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
          WHERE p."agencyId" = ag.id AND p."fiscalYear" = $2::int) AS data
  FROM "Agency" ag WHERE ag.id = $1::uuid`;

export async function getPlan(actor: Actor, planId: string): Promise<PlanDetail> {
  const [row] = await sqlRows<ResourceOwner & { status: PlanStatus; data: unknown }>(getPrisma(), PLAN_WITH_OWNER_SQL, [planId]);
  const visible = row && (actor.kind === 'user' ? can(actor, 'read:plan', row) : row.status === 'published');
  if (!row || !visible) throw notFound('ไม่พบแผนนี้');
  return toPlanDetail(hydrateLoadedPlan(jsonValue<PlanDetailJson>(row.data)), {});
}

/** A plan's page and its owner, for the scope check (as `planWhere`), in one statement. */
const PLAN_WITH_OWNER_SQL = `
  SELECT p."agencyId", a."provinceId", p.status::text AS status, ${planDetailJson('p', 'false')} AS data
  FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE p.id = $1::uuid`;

/** A new plan for a fiscal year, empty or copied from an earlier year (outcomes and dates reset). */
export async function createPlan(actor: Actor, agencyId: string, fiscalYear: number, input: CreatePlanInput): Promise<PlanDetail> {
  const agency = await findVisibleAgency(actor, agencyId);
  assertCan(actor, 'write:plan', agency);
  return getPrisma().$transaction(async (tx) => {
    const existing = await tx.plan.findUnique({ where: { agencyId_fiscalYear: { agencyId, fiscalYear } }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', `มีแผนปีงบประมาณ ${fiscalYear} อยู่แล้ว`);
    let source: Prisma.PlanGetPayload<{ include: { measures: { include: typeof MEASURE_INCLUDE } } }> | null = null;
    if (input.copyFromFiscalYear !== undefined) {
      if (input.copyFromFiscalYear >= fiscalYear) {
        throw new AppError('VALIDATION_FAILED', 'ปีที่คัดลอกต้องเป็นปีก่อนหน้า', {
          issues: [{ path: 'body.copyFromFiscalYear', message: 'ต้องเป็นปีงบประมาณก่อนหน้า', code: 'too_big' }],
        });
      }
      source = await tx.plan.findUnique({
        where: { agencyId_fiscalYear: { agencyId, fiscalYear: input.copyFromFiscalYear } },
        include: { measures: { where: { deletedAt: null }, include: MEASURE_INCLUDE, orderBy: { sequence: 'asc' } } },
      });
      if (!source) throw notFound(`ไม่พบแผนปีงบประมาณ ${input.copyFromFiscalYear} ที่จะคัดลอก`);
    }
    const plan = await tx.plan.create({
      data: {
        agencyId,
        fiscalYear,
        agencyType: agency.type,
        agencyNameTh: agency.nameTh,
        introText: input.introText ?? null,
        copiedFromPlanId: source?.id ?? null,
      },
    });
    for (const [index, measure] of (source?.measures ?? []).entries()) {
      await tx.measure.create({
        data: {
          planId: plan.id,
          agencyId,
          sequence: index + 1,
          title: measure.title,
          actions: measure.actions,
          responsible: measure.responsible,
          sourceMeasureId: measure.id,
          indicators: { create: measure.indicators.map((ref) => ({ fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw })) },
        },
      });
    }
    await refreshPlanWarnings(tx, plan.id);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'plan',
      entityId: plan.id,
      agencyId,
      provinceId: agency.provinceId,
      changes: { fiscalYear, copiedFromFiscalYear: input.copyFromFiscalYear ?? null, measuresCopied: source?.measures.length ?? 0 },
    });
    return loadPlanDetail(tx, plan.id);
  });
}

function assertVersion(plan: { version: number }, version: number): void {
  if (plan.version !== version) {
    throw new AppError('VERSION_CONFLICT', 'แผนนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุด', { current: { version: plan.version } });
  }
}

export async function updatePlan(actor: Actor, planId: string, input: UpdatePlanInput): Promise<PlanDetail> {
  return getPrisma().$transaction(async (tx) => {
    const owner = await findVisiblePlan(tx, actor, planId);
    assertCan(actor, 'write:plan', owner);
    assertEditable(owner);
    // A version the plan does not have is a conflict before it reaches SQL (3e9 overflows an integer column).
    assertVersion(owner, input.version);
    const before = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { introText: true } });
    const updated = await tx.plan.updateMany({
      where: { id: planId, version: input.version },
      data: { introText: input.introText ?? null, version: { increment: 1 } },
    });
    if (updated.count !== 1) assertVersion(await tx.plan.findUniqueOrThrow({ where: { id: planId } }), input.version);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'plan',
      entityId: planId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: diffFields(before, { introText: input.introText ?? null }) ?? null,
    });
    return loadPlanDetail(tx, planId);
  });
}

const STATUS_LABEL: Record<PlanStatus, string> = {
  draft: 'ร่าง',
  submitted: 'ส่งตรวจสอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  accepted: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

/** Move a plan through its lifecycle; the rules are the shared PLAN_TRANSITIONS table. */
export async function transitionPlan(
  actor: Actor,
  planId: string,
  name: PlanTransitionName,
  input: PlanTransitionInput | PlanReturnInput,
): Promise<PlanDetail> {
  const transition: PlanTransition = PLAN_TRANSITIONS[name];
  return getPrisma().$transaction(async (tx) => {
    const owner = await findVisiblePlan(tx, actor, planId);
    assertCan(actor, transition.action, owner);
    if (!transition.from.includes(owner.status)) {
      throw new AppError('INVALID_STATE', `ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "${STATUS_LABEL[owner.status]}"`);
    }
    assertVersion(owner, input.version);
    const now = new Date();
    const stamps = Object.fromEntries(Object.keys(transition.stamp).map((key) => [key, now]));
    const updated = await tx.plan.updateMany({
      where: { id: planId, version: input.version, status: owner.status },
      data: { status: transition.to, version: { increment: 1 }, ...stamps },
    });
    if (updated.count !== 1) assertVersion(await tx.plan.findUniqueOrThrow({ where: { id: planId } }), input.version);
    const text = 'reason' in input ? input.reason : (input.comment ?? null);
    if (transition.review || text) {
      await tx.reviewComment.create({
        data: {
          planId,
          agencyId: owner.agencyId,
          authorId: (actor as UserActor).userId,
          kind: transition.review ?? 'comment',
          body: text ?? STATUS_LABEL[transition.to],
        },
      });
    }
    await recordAudit(tx, actor, {
      action: 'status_change',
      entityType: 'plan',
      entityId: planId,
      agencyId: owner.agencyId,
      provinceId: owner.provinceId,
      changes: { status: { from: owner.status, to: transition.to }, ...(text ? { note: text } : {}) },
    });
    await recordPlanEvent(tx, actor, { transition: name, planId, comment: text });
    return loadPlanDetail(tx, planId);
  });
}
