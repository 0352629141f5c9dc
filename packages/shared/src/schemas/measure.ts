import { z } from 'zod';
import { customIssue } from '../field-issues';
import { PartialDateSchema, IsoDateSchema } from '../dates';
import { OutcomeSchema } from '../enums';
import { FiscalYearSchema } from '../fiscal-year';
import { HttpUrlSchema, UuidSchema, VersionQuerySchema, VersionSchema, optionalText, text } from './common';
import { IndicatorCodeSchema } from './indicator';

export const MeasureIndicatorRefSchema = z.object({
  /** The codebook year the code belongs to (codes change meaning between years). */
  fiscalYear: FiscalYearSchema,
  code: IndicatorCodeSchema,
  /** The cited text as written, e.g. "อ้างอิงจาก ๐๑๑". */
  raw: z.string().trim().max(200).nullable().optional(),
});
export type MeasureIndicatorRef = z.infer<typeof MeasureIndicatorRefSchema>;

export const EvidenceLinkInputSchema = z.object({
  url: HttpUrlSchema,
  label: text(200),
});
export type EvidenceLinkInput = z.infer<typeof EvidenceLinkInputSchema>;

/**
 * What a quality warning says, as data: the web writes the warning from `code` (and `params.kind`,
 * when a code has variants) with these values, in the reader's language, digits and calendar.
 * Numbers are numbers, dates are ISO `YYYY-MM-DD`; text quoted from the report stays as written.
 */
export const QualityWarningParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type QualityWarningParams = z.infer<typeof QualityWarningParamsSchema>;

export const QualityWarningSchema = z.object({
  code: z.string(),
  /** The warning in Thai, for API clients; screens write it from `code` and `params`. */
  message: z.string(),
  sequence: z.number().int().nullable().optional(),
  /** Values named in the message (agency, year…), for catalogues that word the warning per language. */
  params: QualityWarningParamsSchema.optional(),
});
export type QualityWarning = z.infer<typeof QualityWarningSchema>;

/** The editable fields of a measure, before defaults and cross-field rules. */
export const measureFields = {
  title: text(5000),
  actions: z.array(text(5000)).max(30, 'ขั้นตอนย่อยได้ไม่เกิน 30 ข้อ'),
  indicators: z.array(MeasureIndicatorRefSchema).max(50),
  responsible: optionalText(500),
  plannedStart: IsoDateSchema.nullable().optional(),
  plannedEnd: IsoDateSchema.nullable().optional(),
  outcome: OutcomeSchema,
  outcomeReason: optionalText(5000),
  resultText: optionalText(10000),
  summary: optionalText(10000),
  carriedOut: PartialDateSchema.nullable().optional(),
  evidence: z.array(EvidenceLinkInputSchema).max(30, 'หลักฐานได้ไม่เกิน 30 ลิงก์'),
};

const outcomeReasonRule = <T extends { outcome?: string; outcomeReason?: string | null }>(value: T) =>
  value.outcome !== 'not_carried_out' || Boolean(value.outcomeReason);
const outcomeReasonIssue = {
  message: 'กรุณาระบุเหตุผลที่ไม่สามารถดำเนินการได้',
  path: ['outcomeReason'],
  params: customIssue('outcomeReason'),
};
const periodRule = <T extends { plannedStart?: string | null; plannedEnd?: string | null }>(value: T) =>
  !value.plannedStart || !value.plannedEnd || value.plannedStart <= value.plannedEnd;
const periodIssue = { message: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม', path: ['plannedEnd'], params: customIssue('endBeforeStart') };

type MeasureRuleInput = { outcome?: string; outcomeReason?: string | null; plannedStart?: string | null; plannedEnd?: string | null };

/**
 * The cross-field rules of a measure (a reason for not_carried_out, an end not before its start), for
 * every schema that creates or changes measures: the editor's and the import's (one rule, one place).
 */
export const withMeasureRules = <T extends z.ZodType<MeasureRuleInput>>(schema: T) =>
  schema.refine(outcomeReasonRule, outcomeReasonIssue).refine(periodRule, periodIssue);

/** The fields of a new measure with their defaults, before the cross-field rules. */
export const createMeasureShape = {
  ...measureFields,
  actions: measureFields.actions.default([]),
  indicators: measureFields.indicators.default([]),
  outcome: measureFields.outcome.default('planned'),
  evidence: measureFields.evidence.default([]),
};

export const CreateMeasureInputSchema = withMeasureRules(z.object(createMeasureShape).strict());
export type CreateMeasureInput = z.infer<typeof CreateMeasureInputSchema>;

/** Every update names the version it was based on; a stale one gets 409 VERSION_CONFLICT. */
export const UpdateMeasureInputSchema = z
  .object({ ...measureFields, version: VersionSchema })
  .partial()
  .required({ version: true })
  .strict()
  .refine(outcomeReasonRule, outcomeReasonIssue)
  .refine(periodRule, periodIssue);
export type UpdateMeasureInput = z.infer<typeof UpdateMeasureInputSchema>;

export const MeasureParamsSchema = z.object({ measureId: UuidSchema });

export const MeasureIndicatorSchema = z.object({
  fiscalYear: z.number().int(),
  code: z.string(),
  raw: z.string().nullable(),
  /** The title of that item in that year's codebook, when the codebook has it. */
  titleTh: z.string().nullable(),
  group: z.string().nullable(),
});

export const MeasureSchema = z.object({
  id: z.string(),
  planId: z.string(),
  agencyId: z.string(),
  sequence: z.number().int(),
  title: z.string(),
  actions: z.array(z.string()),
  indicators: z.array(MeasureIndicatorSchema),
  responsible: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  outcome: OutcomeSchema,
  outcomeReason: z.string().nullable(),
  resultText: z.string().nullable(),
  summary: z.string().nullable(),
  carriedOut: PartialDateSchema.nullable(),
  carriedOutRaw: z.string().nullable(),
  evidence: z.array(z.object({ url: z.string(), label: z.string() })),
  warnings: z.array(QualityWarningSchema),
  sourceMeasureId: z.string().nullable(),
  version: z.number().int(),
  deletedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const ReorderMeasuresInputSchema = z
  .object({
    measureIds: z.array(UuidSchema).min(1).max(200),
    planVersion: VersionSchema.optional(),
  })
  .strict()
  .refine((value) => new Set(value.measureIds).size === value.measureIds.length, {
    message: 'รายการมาตรการซ้ำกัน',
    params: customIssue('duplicateMeasures'),
    path: ['measureIds'],
  });
export type ReorderMeasuresInput = z.infer<typeof ReorderMeasuresInputSchema>;

export const DeleteMeasureQuerySchema = z.object({ version: VersionQuerySchema });
