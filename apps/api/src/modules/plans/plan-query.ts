import type { Prisma } from '../../lib/prisma';
import { jsonDateOrNull, jsonTimestamp, jsonTimestampOrNull } from '../../lib/sql';
import type { MeasureRow } from '../measures/measure-dto';

/**
 * A plan with everything its page shows, as one json value built by PostgreSQL: one statement
 * instead of eight relation loads (docs/performance.md F5, ADR 007). `planAlias` is the "Plan" row
 * in the surrounding statement (joined to its "Agency" as `a`); `omitComments` a boolean parameter
 * reference such as `$2::boolean` (public pages never carry review comments).
 */
export function planDetailJson(planAlias: string, omitComments: string): string {
  return `json_build_object(
    'plan', to_jsonb(${planAlias}),
    'website', a.website,
    'provinceId', a."provinceId",
    'measures', ${planMeasuresJson(planAlias)},
    'comments', CASE WHEN ${omitComments} THEN '[]'::json ELSE coalesce((
      SELECT json_agg(json_build_object('id', c.id, 'planId', c."planId", 'measureId', c."measureId", 'kind', c.kind,
                                        'body', c.body, 'authorName', u.name, 'createdAt', c."createdAt")
                      ORDER BY c."createdAt")
      FROM "ReviewComment" c LEFT JOIN "User" u ON u.id = c."authorId"
      WHERE c."planId" = ${planAlias}.id), '[]'::json) END)`;
}

/** Every measure of the plan (deleted ones too), with indicators + codebook titles and evidence, in page order. */
export function planMeasuresJson(planAlias: string): string {
  return `coalesce((
    SELECT json_agg(to_jsonb(m) || jsonb_build_object(
      'indicators', coalesce((
        SELECT jsonb_agg(jsonb_build_object('id', mi.id, 'measureId', mi."measureId", 'fiscalYear', mi."fiscalYear", 'code', mi.code,
                                            'raw', mi.raw, 'titleTh', ii."titleTh", 'group', ii."group") ORDER BY mi.id)
        FROM "MeasureIndicator" mi LEFT JOIN "IndicatorItem" ii ON ii."fiscalYear" = mi."fiscalYear" AND ii.code = mi.code
        WHERE mi."measureId" = m.id), '[]'::jsonb),
      'evidence', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.position) FROM "EvidenceLink" e WHERE e."measureId" = m.id), '[]'::jsonb))
      ORDER BY m.sequence, m."createdAt")
    FROM "Measure" m WHERE m."planId" = ${planAlias}.id), '[]'::json)`;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type IndicatorJson = Json<MeasureRow['indicators'][number]> & { titleTh: string | null; group: string | null };
export type MeasureJson = Omit<Json<MeasureRow>, 'indicators' | 'evidence'> & {
  indicators: IndicatorJson[];
  evidence: Json<MeasureRow['evidence'][number]>[];
};
export type PlanRow = Prisma.PlanGetPayload<object>;

export type IndicatorTitles = Map<string, { titleTh: string; group: string }>;

/** The json measures as the rows Prisma would have loaded, and the codebook titles they cite. */
export function hydrateMeasures(measures: MeasureJson[]): { rows: MeasureRow[]; titles: IndicatorTitles } {
  const titles: IndicatorTitles = new Map();
  const rows = measures.map((measure): MeasureRow => {
    for (const ref of measure.indicators) {
      if (ref.titleTh !== null && ref.group !== null)
        titles.set(`${ref.fiscalYear}:${ref.code}`, { titleTh: ref.titleTh, group: ref.group });
    }
    return {
      ...measure,
      plannedStart: jsonDateOrNull(measure.plannedStart),
      plannedEnd: jsonDateOrNull(measure.plannedEnd),
      carriedOutDate: jsonDateOrNull(measure.carriedOutDate),
      deletedAt: jsonTimestampOrNull(measure.deletedAt),
      createdAt: jsonTimestamp(measure.createdAt),
      updatedAt: jsonTimestamp(measure.updatedAt),
      indicators: measure.indicators.map(({ id, measureId, fiscalYear, code, raw }) => ({ id, measureId, fiscalYear, code, raw })),
      evidence: measure.evidence.map((link) => ({ ...link, createdAt: jsonTimestamp(link.createdAt) })),
    };
  });
  return { rows, titles };
}

export function hydratePlan(plan: Json<PlanRow>): PlanRow {
  return {
    ...plan,
    submittedAt: jsonTimestampOrNull(plan.submittedAt),
    reviewedAt: jsonTimestampOrNull(plan.reviewedAt),
    publishedAt: jsonTimestampOrNull(plan.publishedAt),
    createdAt: jsonTimestamp(plan.createdAt),
    updatedAt: jsonTimestamp(plan.updatedAt),
  };
}

export interface PlanDetailJson {
  plan: Json<PlanRow>;
  website: string | null;
  provinceId: number;
  measures: MeasureJson[];
  comments: {
    id: string;
    planId: string;
    measureId: string | null;
    kind: Prisma.ReviewCommentGetPayload<object>['kind'];
    body: string;
    authorName: string | null;
    createdAt: string;
  }[];
}
