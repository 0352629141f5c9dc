import type { PlanStatus } from '@prongsai/shared';
import { guardOf, PUBLIC_SCOPE, scopeSql, scopeWhere, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import type { Prisma } from '../../lib/prisma';
import { jsonDateOrNull, jsonTimestamp, jsonTimestampOrNull, queryRow, queryRows, sql, type Sql } from '../../lib/sql';
import { sharedTextsSql, toSharedTextRow, type SharedTextJson, type SharedTextRow } from '../similarity/similarity.queries';

/*
 * Plans and the rows every plan and measure view is built from (ADR 008). THE plan row and THE
 * measure row are defined here once, as the json projections below; every read and write path of
 * plans and measures (the plan page, a measure's save, create, restore, a plan's counters) reads
 * them through these projections and nothing else.
 */

/** THE plan row: every column of "Plan". */
export type PlanRow = Prisma.PlanGetPayload<object>;

/** An ITA reference of a measure, with its codebook item's title when the codebook has it. */
export type IndicatorRefRow = Prisma.MeasureIndicatorGetPayload<object> & { titleTh: string | null; group: string | null };
export type EvidenceRow = Prisma.EvidenceLinkGetPayload<object>;
/** THE measure row: every column of "Measure", its ITA references (with titles) and its evidence, in order. */
export type MeasureRow = Prisma.MeasureGetPayload<object> & { indicators: IndicatorRefRow[]; evidence: EvidenceRow[] };

/** A row as json carries it: dates and timestamps as strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type MeasureJson = Omit<Json<MeasureRow>, 'indicators' | 'evidence'> & {
  indicators: IndicatorRefRow[];
  evidence: Json<EvidenceRow>[];
};

/**
 * THE measure projection: the "Measure" row aliased `m` as one json value (every column, so a new
 * column needs nothing here unless it is a date or timestamp, see `toMeasureRow`), with its ITA
 * references and evidence added as columns of a one-row subquery. Built as `json`, not `jsonb`:
 * `to_jsonb(m) || jsonb_build_object(…)` (the same values) cost a measure's save ~1.6× the
 * PostgreSQL CPU for its plan's load (docs/performance.md, ninth session).
 */
export const MEASURE_ROW_JSON = sql`(SELECT to_json(x) FROM (SELECT m.*,
  coalesce((
    SELECT json_agg(i ORDER BY i.id) FROM (
      SELECT mi.*, ii."titleTh", ii."group"
      FROM "MeasureIndicator" mi LEFT JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
      WHERE mi."measureId" = m.id) i), '[]'::json) AS indicators,
  coalesce((SELECT json_agg(e ORDER BY e.position) FROM "EvidenceLink" e WHERE e."measureId" = m.id), '[]'::json) AS evidence) x)`;

/** A measure as `MEASURE_ROW_JSON` gives it, with its dates and timestamps as Prisma reads them. */
export function toMeasureRow(measure: MeasureJson): MeasureRow {
  return {
    ...measure,
    plannedStart: jsonDateOrNull(measure.plannedStart),
    plannedEnd: jsonDateOrNull(measure.plannedEnd),
    carriedOutDate: jsonDateOrNull(measure.carriedOutDate),
    deletedAt: jsonTimestampOrNull(measure.deletedAt),
    createdAt: jsonTimestamp(measure.createdAt),
    updatedAt: jsonTimestamp(measure.updatedAt),
    evidence: measure.evidence.map((link) => ({ ...link, createdAt: jsonTimestamp(link.createdAt) })),
  };
}

function toPlanRow(plan: Json<PlanRow>): PlanRow {
  return {
    ...plan,
    submittedAt: jsonTimestampOrNull(plan.submittedAt),
    reviewedAt: jsonTimestampOrNull(plan.reviewedAt),
    publishedAt: jsonTimestampOrNull(plan.publishedAt),
    createdAt: jsonTimestamp(plan.createdAt),
    updatedAt: jsonTimestamp(plan.updatedAt),
  };
}

export interface CommentRow {
  id: string;
  planId: string;
  measureId: string | null;
  kind: Prisma.ReviewCommentGetPayload<object>['kind'];
  body: string;
  authorName: string | null;
  createdAt: Date;
}

/** A plan as one statement loads it: its row, its agency's website and province, its measures in `scope` (deleted ones too), its comments. */
export interface LoadedPlan {
  plan: PlanRow;
  website: string | null;
  /** The province of the plan's agency (for permission checks and audit rows). */
  provinceId: number;
  measures: MeasureRow[];
  comments: CommentRow[];
  /**
   * The results and summaries of the plan that other agencies' plans share (the copy detector's rows,
   * ADR 014), read in the same statement for staff pages (`withCopies`); empty otherwise.
   */
  sharedTexts: SharedTextRow[];
}

interface PlanDetailJson {
  plan: Json<PlanRow>;
  website: string | null;
  provinceId: number;
  measures: MeasureJson[];
  comments: Json<CommentRow>[];
  sharedTexts?: SharedTextJson[] | null;
}

/** What a plan projection carries besides the plan and its measures. */
export interface PlanDetailParts {
  /** The review comments (staff pages). */
  withComments: boolean;
  /** The copy detector's shared texts, for `COPIED_FROM_OTHER_AGENCY` (staff pages; never public). */
  withCopies: boolean;
}

const COMMENTS_JSON = sql`coalesce((
  SELECT json_agg(json_build_object('id', c.id, 'planId', c."planId", 'measureId', c."measureId", 'kind', c.kind,
                                    'body', c.body, 'authorName', u.name, 'createdAt', c."createdAt") ORDER BY c."createdAt")
  FROM "ReviewComment" c LEFT JOIN "User" u ON u.id = c."authorId"
  WHERE c."planId" = p.id), '[]'::json)`;

/**
 * THE plan projection: the "Plan" row aliased `p` (joined to its "Agency" as `a`) with everything its
 * page shows, as one json value built by PostgreSQL: one statement instead of eight relation loads
 * (docs/performance.md F5, ADR 007). Its measures are those `scope` reaches (the public's: live ones).
 */
export function planDetailJson(scope: Scope, parts: PlanDetailParts): Sql {
  // The shared texts are read whatever the caller's scope (the caller reached the plan); the other
  // plans' words in them only where they are published (the warnings name agencies, never quote them).
  const copies = parts.withCopies
    ? sql`(SELECT json_agg(t) FROM (${sharedTextsSql(sql`p.id`, PUBLIC_SCOPE, { resultsOnly: true })}) t)`
    : sql`NULL::json`;
  return sql`json_build_object(
    'plan', to_json(p),
    'website', a.website,
    'provinceId', a."provinceId",
    'measures', coalesce((
      SELECT json_agg(${MEASURE_ROW_JSON} ORDER BY m.sequence, m."createdAt")
      FROM "Measure" m WHERE m."planId" = p.id AND ${scopeSql('measure', scope, 'm')}), '[]'::json),
    'comments', ${parts.withComments ? COMMENTS_JSON : sql`'[]'::json`},
    'sharedTexts', ${copies})`;
}

export function toLoadedPlan(json: PlanDetailJson): LoadedPlan {
  return {
    plan: toPlanRow(json.plan),
    website: json.website,
    provinceId: json.provinceId,
    measures: json.measures.map(toMeasureRow),
    comments: json.comments.map((comment) => ({ ...comment, createdAt: jsonTimestamp(comment.createdAt) })),
    sharedTexts: (json.sharedTexts ?? []).map(toSharedTextRow),
  };
}

/** The plan with everything its page shows if `scope` reaches it, in one statement; undefined otherwise. */
export async function findPlan(db: Db, scope: Scope, planId: string, parts: PlanDetailParts): Promise<LoadedPlan | undefined> {
  const row = await queryRow<{ data: PlanDetailJson }>(
    clientOf(db),
    sql`SELECT ${planDetailJson(scope, parts)} AS data FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
        WHERE p.id = ${planId}::uuid AND ${scopeSql('plan', scope, 'p')}`,
    { guard: guardOf(scope), name: 'plan-page' },
  );
  return row && toLoadedPlan(row.data);
}

/**
 * One agency's plan of one year, in one statement (the page editors open most): undefined when the
 * agency is out of `agencyScope` (or missing); `plan` undefined when it has no plan that year inside `planScope`.
 */
export async function findPlanByYear(
  db: Db,
  scopes: { agency: Scope; plan: Scope },
  agencyId: string,
  fiscalYear: number,
): Promise<{ plan: LoadedPlan | undefined } | undefined> {
  const row = await queryRow<{ data: PlanDetailJson | null }>(
    clientOf(db),
    sql`SELECT (SELECT ${planDetailJson(scopes.plan, { withComments: true, withCopies: true })} FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId"
                WHERE p."agencyId" = ag.id AND p."fiscalYear" = ${fiscalYear}::int AND ${scopeSql('plan', scopes.plan, 'p')}) AS data
        FROM "Agency" ag WHERE ag.id = ${agencyId}::uuid AND ${scopeSql('agency', scopes.agency, 'ag')}`,
    { guard: guardOf(scopes.plan), name: 'plan-page-by-year' },
  );
  return row && { plan: row.data === null ? undefined : toLoadedPlan(row.data) };
}

const PLAN_OWNER_SELECT = {
  id: true,
  agencyId: true,
  status: true,
  version: true,
  fiscalYear: true,
  agency: { select: { provinceId: true } },
} as const satisfies Prisma.PlanSelect;
export interface PlanOwnerRow {
  id: string;
  agencyId: string;
  provinceId: number;
  status: PlanStatus;
  version: number;
  fiscalYear: number;
}

/** What the rules need to know about a plan (its owner and state) if `scope` reaches it. */
export async function findPlanOwner(db: Db, scope: Scope, planId: string): Promise<PlanOwnerRow | undefined> {
  const row = await clientOf(db).plan.findFirst({ where: { AND: [{ id: planId }, scopeWhere.plan(scope)] }, select: PLAN_OWNER_SELECT });
  if (!row) return undefined;
  const { agency, ...rest } = row;
  return { ...rest, provinceId: agency.provinceId };
}

/**
 * Take the plan's row lock (if `scope` reaches the plan) before a transaction reads its measures to
 * recompute the counters: two writes to one plan then run one after the other. Every measure write
 * takes this lock first, so they all lock in the same order (plan, then measure).
 */
export async function lockPlan(db: Db, scope: Scope, planId: string): Promise<void> {
  await queryRows(clientOf(db), sql`SELECT p.id FROM "Plan" p WHERE p.id = ${planId}::uuid AND ${scopeSql('plan', scope, 'p')} FOR UPDATE`);
}

export type PlanSummaryRow = PlanRow & { measures: { outcome: MeasureRow['outcome'] }[] };

/** The agency's plans inside `scope`, newest fiscal year first, with their live measures' outcomes. */
export async function listPlanSummaries(db: Db, scope: Scope, agencyId: string): Promise<PlanSummaryRow[]> {
  return clientOf(db).plan.findMany({
    where: { AND: [{ agencyId }, scopeWhere.plan(scope)] },
    orderBy: { fiscalYear: 'desc' },
    include: { measures: { where: { deletedAt: null }, select: { outcome: true } } },
  });
}

/** The id of the agency's plan of one year inside `scope`, or undefined. */
export async function findPlanIdByYear(db: Db, scope: Scope, agencyId: string, fiscalYear: number): Promise<{ id: string } | undefined> {
  const row = await clientOf(db).plan.findFirst({
    where: { AND: [{ agencyId, fiscalYear }, scopeWhere.plan(scope)] },
    select: { id: true },
  });
  return row ?? undefined;
}

/** The agency's plan of one year inside `scope` with its measures (deleted ones too), or undefined. */
export async function findPlanMeasuresByYear(
  db: Db,
  scope: Scope,
  agencyId: string,
  fiscalYear: number,
): Promise<{ id: string; measures: MeasureRow[] } | undefined> {
  const row = await queryRow<{ id: string; measures: MeasureJson[] }>(
    clientOf(db),
    sql`SELECT p.id, coalesce((SELECT json_agg(${MEASURE_ROW_JSON} ORDER BY m.sequence, m."createdAt") FROM "Measure" m
                               WHERE m."planId" = p.id AND ${scopeSql('measure', scope, 'm')}), '[]'::json) AS measures
        FROM "Plan" p WHERE p."agencyId" = ${agencyId}::uuid AND p."fiscalYear" = ${fiscalYear}::int AND ${scopeSql('plan', scope, 'p')}`,
  );
  return row && { id: row.id, measures: row.measures.map(toMeasureRow) };
}

export async function insertPlan(
  db: Db,
  data: Pick<PlanRow, 'agencyId' | 'fiscalYear' | 'agencyType' | 'agencyNameTh' | 'introText' | 'copiedFromPlanId'>,
): Promise<{ id: string }> {
  return clientOf(db).plan.create({ data, select: { id: true } });
}

/** Copies of `measures` into a new plan, in order from sequence 1: their text and references, not their outcomes or dates. */
export async function insertMeasureCopies(db: Db, plan: { id: string; agencyId: string }, measures: MeasureRow[]): Promise<void> {
  for (const [index, measure] of measures.entries()) {
    await clientOf(db).measure.create({
      data: {
        planId: plan.id,
        agencyId: plan.agencyId,
        sequence: index + 1,
        title: measure.title,
        actions: measure.actions,
        responsible: measure.responsible,
        sourceMeasureId: measure.id,
        indicators: { create: measure.indicators.map((ref) => ({ fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw })) },
      },
    });
  }
}

export type PlanCounters = Pick<PlanRow, 'warningCount' | 'measureCount' | 'completedCount' | 'notCarriedOutCount' | 'indicatorsCovered'>;

/** Keep a plan's counters; also moves its `updatedAt` (the last change to the plan or any of its measures). */
export async function updatePlanCounters(db: Db, planId: string, counters: PlanCounters): Promise<void> {
  await clientOf(db).plan.update({ where: { id: planId }, data: counters });
}

export async function findPlanVersion(db: Db, planId: string): Promise<{ version: number; introText: string | null }> {
  return clientOf(db).plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true, introText: true } });
}

/** Set a plan's own fields if it still has `version`; how many plans were updated (0 or 1). */
export async function updatePlanFields(db: Db, planId: string, version: number, data: Pick<PlanRow, 'introText'>): Promise<number> {
  const updated = await clientOf(db).plan.updateMany({ where: { id: planId, version }, data: { ...data, version: { increment: 1 } } });
  return updated.count;
}

/** Move a plan from `from` to `to` if it still has `version`, setting `stamps`; how many plans were updated (0 or 1). */
export async function updatePlanStatus(
  db: Db,
  planId: string,
  expected: { version: number; status: PlanStatus },
  to: PlanStatus,
  stamps: Partial<Pick<PlanRow, 'submittedAt' | 'reviewedAt' | 'publishedAt'>>,
): Promise<number> {
  const updated = await clientOf(db).plan.updateMany({
    where: { id: planId, version: expected.version, status: expected.status },
    data: { status: to, version: { increment: 1 }, ...stamps },
  });
  return updated.count;
}

export async function insertReviewComment(
  db: Db,
  data: { planId: string; agencyId: string; authorId: string; kind: CommentRow['kind']; body: string },
): Promise<void> {
  await clientOf(db).reviewComment.create({ data });
}
