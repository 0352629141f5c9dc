import type {
  QualityWarning,
  CreatePlanInput,
  PlanDetail,
  PlanProgress,
  PlanReturnInput,
  PlanStatus,
  PlanSummary,
  PlanTransitionInput,
  ReviewKind,
  UpdatePlanInput,
} from '@prongsai/shared';
import type { Actor, UserActor } from '../../access/actor';
import { assertCan, type ResourceOwner } from '../../access/policies';
import { planWhere } from '../../access/scope';
import { AppError, notFound } from '../../lib/app-error';
import { getPrisma, type Prisma, type Tx } from '../../lib/prisma';
import { findVisibleAgency } from '../agencies/agencies.service';
import { diffFields, recordAudit } from '../audit/audit.service';
import { MEASURE_INCLUDE, loadIndicatorTitles, toCheckable, toMeasure, type MeasureRow } from '../measures/measure-dto';
import { checkMeasures } from '../reports/import';

/** Statuses in which editors may change a plan's content. */
export const EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];

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
  if (!EDITABLE_STATUSES.includes(plan.status)) {
    throw new AppError('INVALID_STATE', 'แผนนี้ไม่อยู่ในสถานะที่แก้ไขได้ (แก้ไขได้เฉพาะแผนร่างหรือแผนที่ถูกส่งกลับ)');
  }
}

function progressOf(outcomes: { outcome: string }[]): PlanProgress {
  const count = (outcome: string) => outcomes.filter((row) => row.outcome === outcome).length;
  const total = outcomes.length;
  const completed = count('completed');
  const notCarriedOut = count('not_carried_out');
  return {
    total,
    planned: count('planned'),
    inProgress: count('in_progress'),
    completed,
    notCarriedOut,
    percentDone: total === 0 ? 0 : Math.round(((completed + notCarriedOut) / total) * 1000) / 10,
  };
}

type PlanRow = Prisma.PlanGetPayload<object>;

function toSummary(plan: PlanRow, outcomes: { outcome: string }[]): PlanSummary {
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
    progress: progressOf(outcomes),
  };
}

/** The live quality checks of a plan's measures (the same checks as the report import). */
function planWarnings(
  plan: { agencyNameTh: string; fiscalYear: number; agency: { website: string | null } },
  live: MeasureRow[],
): QualityWarning[] {
  return checkMeasures(
    { agencyNameTh: plan.agencyNameTh, website: plan.agency.website, fiscalYear: plan.fiscalYear },
    live.map(toCheckable),
  );
}

async function warningInputs(db: Tx, planId: string) {
  return db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      agencyNameTh: true,
      fiscalYear: true,
      warningCount: true,
      measureCount: true,
      completedCount: true,
      notCarriedOutCount: true,
      agency: { select: { website: true } },
      measures: { where: { deletedAt: null }, include: MEASURE_INCLUDE, orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }] },
    },
  });
}

/** The plan's quality warnings, computed now (reads only). */
export async function computePlanWarnings(db: Tx, planId: string): Promise<QualityWarning[]> {
  const plan = await warningInputs(db, planId);
  return planWarnings(plan, plan.measures);
}

/**
 * Re-run the checks after a write and keep their count and the measure counters on the plan
 * (reviewers sort by warnings; national and provincial figures read the counters).
 */
export async function refreshPlanWarnings(db: Tx, planId: string): Promise<QualityWarning[]> {
  const plan = await warningInputs(db, planId);
  const warnings = planWarnings(plan, plan.measures);
  const counters = {
    warningCount: warnings.length,
    measureCount: plan.measures.length,
    completedCount: plan.measures.filter((measure) => measure.outcome === 'completed').length,
    notCarriedOutCount: plan.measures.filter((measure) => measure.outcome === 'not_carried_out').length,
  };
  const changed = (Object.keys(counters) as (keyof typeof counters)[]).some((key) => counters[key] !== plan[key]);
  if (changed) await db.plan.update({ where: { id: planId }, data: counters });
  return warnings;
}

/** Everything the plan page shows, in a few queries. */
export async function loadPlanDetail(db: Tx, planId: string, options: { publicView?: boolean } = {}): Promise<PlanDetail> {
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      agency: { select: { website: true } },
      measures: { include: MEASURE_INCLUDE, orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }] },
      reviewComments: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true } } } },
    },
  });
  const live = plan.measures.filter((measure) => measure.deletedAt === null);
  const titles = await loadIndicatorTitles(db, live);
  const warnings = planWarnings(plan, live);
  const measures = live.map((measure) => toMeasure(measure, titles, warnings));
  return {
    ...toSummary(plan, live),
    introText: plan.introText,
    copiedFromPlanId: plan.copiedFromPlanId,
    measures,
    deletedMeasures: options.publicView
      ? []
      : plan.measures
          .filter((measure) => measure.deletedAt !== null)
          .map((measure) => ({
            id: measure.id,
            sequence: measure.sequence,
            title: measure.title,
            deletedAt: measure.deletedAt!.toISOString(),
            version: measure.version,
          })),
    // Review comments are internal to the agency and its reviewers: never on public pages.
    comments: (options.publicView ? [] : plan.reviewComments).map((comment) => ({
      id: comment.id,
      planId: comment.planId,
      measureId: comment.measureId,
      kind: comment.kind,
      body: comment.body,
      authorName: comment.author?.name ?? null,
      createdAt: comment.createdAt.toISOString(),
    })),
    warnings: measures.flatMap((measure) => measure.warnings),
  };
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

export async function getPlanByYear(actor: Actor, agencyId: string, fiscalYear: number): Promise<PlanDetail> {
  await findVisibleAgency(actor, agencyId);
  const prisma = getPrisma();
  const plan = await prisma.plan.findFirst({ where: { AND: [{ agencyId, fiscalYear }, planWhere(actor)] }, select: { id: true } });
  if (!plan) throw notFound(`ยังไม่มีแผนปีงบประมาณ ${fiscalYear}`);
  return loadPlanDetail(prisma, plan.id);
}

export async function getPlan(actor: Actor, planId: string): Promise<PlanDetail> {
  const prisma = getPrisma();
  await findVisiblePlan(prisma, actor, planId);
  return loadPlanDetail(prisma, planId);
}

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

interface Transition {
  action: 'submit:plan' | 'review:plan' | 'publish:plan';
  from: readonly PlanStatus[];
  to: PlanStatus;
  review?: ReviewKind;
  stamp: Partial<Record<'submittedAt' | 'reviewedAt' | 'publishedAt', true>>;
}

export const TRANSITIONS = {
  submit: { action: 'submit:plan', from: ['draft', 'returned'], to: 'submitted', stamp: { submittedAt: true } },
  return: { action: 'review:plan', from: ['submitted'], to: 'returned', review: 'return', stamp: { reviewedAt: true } },
  accept: { action: 'review:plan', from: ['submitted'], to: 'accepted', review: 'accept', stamp: { reviewedAt: true } },
  publish: { action: 'publish:plan', from: ['accepted'], to: 'published', stamp: { publishedAt: true } },
  reopen: { action: 'review:plan', from: ['accepted', 'published'], to: 'returned', review: 'reopen', stamp: {} },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

const STATUS_LABEL: Record<PlanStatus, string> = {
  draft: 'ร่าง',
  submitted: 'ส่งตรวจสอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  accepted: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

/** Move a plan through its lifecycle; the rules are the table above. */
export async function transitionPlan(
  actor: Actor,
  planId: string,
  name: TransitionName,
  input: PlanTransitionInput | PlanReturnInput,
): Promise<PlanDetail> {
  const transition: Transition = TRANSITIONS[name];
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
    return loadPlanDetail(tx, planId);
  });
}
