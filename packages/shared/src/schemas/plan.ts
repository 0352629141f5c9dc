import { z } from 'zod';
import { AgencyTypeSchema, PlanStatusSchema, ReviewKindSchema } from '../enums';
import { FiscalYearParamSchema, FiscalYearSchema } from '../fiscal-year';
import { UuidSchema, VersionSchema, optionalText, text } from './common';
import { MeasureSchema, QualityWarningSchema } from './measure';
import { ACKNOWLEDGEMENT_REASON_MAX, ACKNOWLEDGEMENT_REASON_MIN, SeriousWarningCodeSchema, isSameTarget } from '../serious-warnings';

export const PlanProgressSchema = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  notCarriedOut: z.number().int(),
  /** Completion: completed measures over all measures, 0–100, one decimal (shared `planProgress`). */
  completedPercent: z.number(),
  /** Completed or could-not-be-carried-out measures over all measures, 0–100, one decimal. */
  percentDone: z.number(),
});
export type PlanProgress = z.infer<typeof PlanProgressSchema>;

export const PlanSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  fiscalYear: z.number().int(),
  status: PlanStatusSchema,
  agencyType: AgencyTypeSchema,
  agencyNameTh: z.string(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  progress: PlanProgressSchema,
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const ReviewCommentSchema = z.object({
  id: z.string(),
  planId: z.string(),
  measureId: z.string().nullable(),
  kind: ReviewKindSchema,
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const PlanDetailSchema = PlanSummarySchema.extend({
  introText: z.string().nullable(),
  copiedFromPlanId: z.string().nullable(),
  measures: z.array(MeasureSchema),
  deletedMeasures: z.array(MeasureSchema.pick({ id: true, sequence: true, title: true, deletedAt: true, version: true })),
  comments: z.array(ReviewCommentSchema),
  warnings: z.array(QualityWarningSchema),
});
export type PlanDetail = z.infer<typeof PlanDetailSchema>;

export const PlanListResponseSchema = z.object({ items: z.array(PlanSummarySchema) });
export type PlanListResponse = z.infer<typeof PlanListResponseSchema>;

export const AgencyPlanParamsSchema = z.object({ agencyId: UuidSchema, fiscalYear: FiscalYearParamSchema });
export const PlanParamsSchema = z.object({ planId: UuidSchema });

export const CreatePlanInputSchema = z
  .object({
    /** Start from the agency's plan of this earlier fiscal year: measures copied, outcomes and dates reset. */
    copyFromFiscalYear: FiscalYearSchema.optional(),
    introText: optionalText(5000),
  })
  .strict();
export type CreatePlanInput = z.infer<typeof CreatePlanInputSchema>;

export const UpdatePlanInputSchema = z.object({ version: VersionSchema, introText: optionalText(5000) }).strict();
export type UpdatePlanInput = z.infer<typeof UpdatePlanInputSchema>;

/** submit / accept / publish: the plan version the user saw. */
export const PlanTransitionInputSchema = z.object({ version: VersionSchema, comment: optionalText(5000) }).strict();
export type PlanTransitionInput = z.infer<typeof PlanTransitionInputSchema>;

/**
 * A reviewer's acknowledgement of an open serious warning (ADR 021): the warning's code and the
 * number of the measure it is on (null for a warning on the plan), and why the plan may go ahead.
 */
export const WarningAcknowledgementSchema = z
  .object({
    code: SeriousWarningCodeSchema,
    sequence: z.number().int().min(0).max(100_000).nullable(),
    reason: z
      .string()
      .trim()
      .min(ACKNOWLEDGEMENT_REASON_MIN, `เหตุผลต้องยาวอย่างน้อย ${ACKNOWLEDGEMENT_REASON_MIN} ตัวอักษร`)
      .max(ACKNOWLEDGEMENT_REASON_MAX, `ยาวได้ไม่เกิน ${ACKNOWLEDGEMENT_REASON_MAX} ตัวอักษร`),
  })
  .strict();
export type WarningAcknowledgement = z.infer<typeof WarningAcknowledgementSchema>;

/** accept / publish: a transition that may carry acknowledgements of the plan's open serious warnings, one per warning. */
export const PlanApprovalInputSchema = PlanTransitionInputSchema.extend({
  acknowledgements: z
    .array(WarningAcknowledgementSchema)
    .max(500)
    .superRefine((acknowledgements, context) => {
      acknowledgements.forEach((acknowledgement, index) => {
        if (acknowledgements.findIndex((other) => isSameTarget(other, acknowledgement)) !== index) {
          context.addIssue({ code: 'custom', path: [index], message: 'รับทราบคำเตือนเดียวกันซ้ำ' });
        }
      });
    })
    .optional(),
}).strict();
export type PlanApprovalInput = z.infer<typeof PlanApprovalInputSchema>;

/**
 * An acknowledgement as the transition's audit row keeps it (`changes.acknowledgements`): who is the
 * audit row's actor; `warnings` are the warnings it covered as they were then (for the history, in
 * words); `measureId` / `measureVersion` the measure as it was (a publish relies on an acceptance's
 * acknowledgement only while that measure is unchanged).
 */
export const AcknowledgementRecordSchema = z.object({
  code: z.string(),
  sequence: z.number().int().nullable(),
  reason: z.string(),
  measureId: z.string().nullable(),
  measureVersion: z.number().int().nullable(),
  warnings: z.array(QualityWarningSchema),
});
export type AcknowledgementRecord = z.infer<typeof AcknowledgementRecordSchema>;

/** return / reopen need a reason the editor will read. */
export const PlanReturnInputSchema = z.object({ version: VersionSchema, reason: text(5000) }).strict();
export type PlanReturnInput = z.infer<typeof PlanReturnInputSchema>;

/** An editor asks the province's reviewers to reopen an accepted or published plan, saying why. */
export const ReopenRequestInputSchema = z.object({ reason: text(5000) }).strict();
export type ReopenRequestInput = z.infer<typeof ReopenRequestInputSchema>;
export const ReopenRequestResponseSchema = z.object({
  /** Reviewers told (in the app, and by e-mail as each chose). */
  notified: z.number().int(),
});
export type ReopenRequestResponse = z.infer<typeof ReopenRequestResponseSchema>;

export const CreateReviewCommentInputSchema = z.object({ body: text(5000), measureId: UuidSchema.nullable().optional() }).strict();
export type CreateReviewCommentInput = z.infer<typeof CreateReviewCommentInputSchema>;
