import { z } from 'zod';
import { customIssue } from '../field-issues';
import { IsoDateSchema } from '../dates';
import { FiscalYearParamSchema } from '../fiscal-year';
import { DEADLINE_KINDS } from '../ita-calendar';

export const DeadlineKindSchema = z.enum(DEADLINE_KINDS);

export const CalendarParamsSchema = z.object({ fiscalYear: FiscalYearParamSchema });

/** One deadline of a fiscal year as set (or defaulted). */
export const DeadlineSchema = z.object({
  kind: DeadlineKindSchema,
  dueOn: IsoDateSchema,
  remindDaysBefore: z.number().int().min(0).max(90),
  /** Nobody set it for this year: the documented default (shared `defaultDeadlines`). */
  isDefault: z.boolean(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CalendarSchema = z.object({ fiscalYear: z.number().int(), deadlines: z.array(DeadlineSchema) });
export type Calendar = z.infer<typeof CalendarSchema>;

/** A national admin sets a fiscal year's deadlines (every kind, each once). */
export const UpdateCalendarInputSchema = z
  .object({
    deadlines: z
      .array(
        z
          .object({
            kind: DeadlineKindSchema,
            dueOn: IsoDateSchema,
            remindDaysBefore: z.number().int().min(0, 'ต้องไม่ติดลบ').max(90, 'ไม่เกิน 90 วัน'),
          })
          .strict(),
      )
      .min(1)
      .max(DEADLINE_KINDS.length),
  })
  .strict()
  .refine((input) => new Set(input.deadlines.map((d) => d.kind)).size === input.deadlines.length, {
    message: 'กำหนดแต่ละประเภทได้ครั้งเดียว',
    params: customIssue('duplicateKind'),
    path: ['deadlines'],
  });
export type UpdateCalendarInput = z.infer<typeof UpdateCalendarInputSchema>;

export const DeadlineStateSchema = z.enum(['done', 'overdue', 'near', 'upcoming']);

/** What is due for the agencies the caller sees (an editor: their own; a reviewer: their province). */
export const DeadlineStatusSchema = DeadlineSchema.extend({
  daysLeft: z.number().int(),
  /** Agencies in the caller's view. */
  agencies: z.number().int(),
  /** Of those, how many have done it. */
  done: z.number().int(),
  /** The caller's own agency (editors), or the worst of their agencies: overdue if any is late. */
  state: DeadlineStateSchema,
  /** Agencies that have not done it, by name (at most 200). */
  missing: z.array(z.object({ agencyId: z.string(), nameTh: z.string() })),
});
export type DeadlineStatus = z.infer<typeof DeadlineStatusSchema>;

export const DeadlinesQuerySchema = z.object({ fiscalYear: FiscalYearParamSchema.optional() });
export const DeadlinesResponseSchema = z.object({
  fiscalYear: z.number().int(),
  today: IsoDateSchema,
  deadlines: z.array(DeadlineStatusSchema),
});
export type DeadlinesResponse = z.infer<typeof DeadlinesResponseSchema>;
