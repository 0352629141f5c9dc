import { z } from 'zod';
import { IsoDateSchema } from '../dates';
import { OutcomeSchema, TimelineKindSchema } from '../enums';
import { HttpUrlSchema, text } from './common';

export const TimelineEntrySchema = z.object({
  id: z.string(),
  measureId: z.string(),
  kind: TimelineKindSchema,
  note: z.string().nullable(),
  fromOutcome: OutcomeSchema.nullable(),
  toOutcome: OutcomeSchema.nullable(),
  evidenceUrl: z.string().nullable(),
  occurredOn: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineListResponseSchema = z.object({ items: z.array(TimelineEntrySchema) });
export type TimelineListResponse = z.infer<typeof TimelineListResponseSchema>;

/** A progress note typed by an editor; status changes and evidence are recorded by the server. */
export const CreateTimelineEntryInputSchema = z
  .object({
    note: text(5000),
    occurredOn: IsoDateSchema,
    evidenceUrl: HttpUrlSchema.nullable().optional(),
  })
  .strict();
export type CreateTimelineEntryInput = z.infer<typeof CreateTimelineEntryInputSchema>;
