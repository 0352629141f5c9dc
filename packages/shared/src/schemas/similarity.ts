import { z } from 'zod';
import { FiscalYearParamSchema } from '../fiscal-year';
import { ProvinceIdParamSchema } from './common';

/**
 * The copy detector (ADR 014): which texts of a plan's measures other agencies' plans share, and
 * what that sharing means. Reviewers only; the public never sees any of it.
 */
export const SIMILAR_FIELDS = ['title', 'action', 'result', 'summary'] as const;
export const SimilarFieldSchema = z.enum(SIMILAR_FIELDS);
export type SimilarField = z.infer<typeof SimilarFieldSchema>;

/**
 * - `copied`: a result or summary that only a few other agencies share (it says what *this* agency
 *   did, so sharing it word for word is the strong signal).
 * - `similar`: a title or sub-action shared with a few other agencies (worth a look, not a warning).
 * - `template`: wording many agencies across provinces use (the NACC's suggested measures): fine.
 */
export const SIMILARITY_KINDS = ['copied', 'similar', 'template'] as const;
export const SimilarityKindSchema = z.enum(SIMILARITY_KINDS);
export type SimilarityKind = z.infer<typeof SimilarityKindSchema>;

/** Who wrote it first: the other plan was submitted (or is of a fiscal year) before this one, or after. */
export const FIRST_WRITERS = ['this', 'other', 'unknown'] as const;
export const FirstWriterSchema = z.enum(FIRST_WRITERS);
export type FirstWriter = z.infer<typeof FirstWriterSchema>;

/** Wording at least this many agencies share, in at least `TEMPLATE_MIN_PROVINCES` provinces, is a template. */
export const TEMPLATE_MIN_AGENCIES = 5;
export const TEMPLATE_MIN_PROVINCES = 3;

export const SimilarOtherSchema = z.object({
  agencyId: z.string(),
  agencyNameTh: z.string(),
  provinceNameTh: z.string(),
  planId: z.string(),
  fiscalYear: z.number().int(),
  planStatus: z.string(),
  measureId: z.string(),
  sequence: z.number().int(),
  measureTitle: z.string(),
  /** The other measure's text of the same field; null when the caller may not read that plan (not published, out of reach). */
  text: z.string().nullable(),
  /** This measure's text names the other agency or cites its website (left in by the copier). */
  namesOther: z.boolean(),
  first: FirstWriterSchema,
});
export type SimilarOther = z.infer<typeof SimilarOtherSchema>;

export const SimilarTextSchema = z.object({
  field: SimilarFieldSchema,
  /** The sub-action's index (0 for the other fields). */
  position: z.number().int(),
  kind: SimilarityKindSchema,
  /** Agencies sharing this wording, this one included (counted among the first 100 rows of its fingerprint). */
  agencyCount: z.number().int(),
  text: z.string(),
  /** The other agencies' measures with this wording (empty for templates). */
  others: z.array(SimilarOtherSchema),
});
export type SimilarText = z.infer<typeof SimilarTextSchema>;

export const SimilarMeasureSchema = z.object({
  measureId: z.string(),
  sequence: z.number().int(),
  title: z.string(),
  texts: z.array(SimilarTextSchema),
});
export type SimilarMeasure = z.infer<typeof SimilarMeasureSchema>;

export const SimilarMeasuresResponseSchema = z.object({
  planId: z.string(),
  fiscalYear: z.number().int(),
  /** Measures with at least one shared text, in plan order. */
  measures: z.array(SimilarMeasureSchema),
  /** How many of this plan's measures have a `copied` text. */
  copiedCount: z.number().int(),
});
export type SimilarMeasuresResponse = z.infer<typeof SimilarMeasuresResponseSchema>;

export const CopyClustersQuerySchema = z.object({
  fiscalYear: FiscalYearParamSchema,
  /** A province's clusters (any member agency there); national reviewers may leave it out for the whole country. */
  provinceId: ProvinceIdParamSchema.optional(),
});
export type CopyClustersQuery = z.infer<typeof CopyClustersQuerySchema>;

export const CopyClusterMemberSchema = z.object({
  agencyId: z.string(),
  agencyNameTh: z.string(),
  provinceNameTh: z.string(),
  planId: z.string(),
  fiscalYear: z.number().int(),
  sequence: z.number().int(),
  submittedAt: z.string().nullable(),
});
export const CopyClusterSchema = z.object({
  field: SimilarFieldSchema,
  agencyCount: z.number().int(),
  /** One member's text (the earliest submitted one the caller may read), or null. */
  text: z.string().nullable(),
  members: z.array(CopyClusterMemberSchema),
});
export type CopyCluster = z.infer<typeof CopyClusterSchema>;
export const CopyClustersResponseSchema = z.object({
  fiscalYear: z.number().int(),
  provinceId: z.number().int().nullable(),
  clusters: z.array(CopyClusterSchema),
});
export type CopyClustersResponse = z.infer<typeof CopyClustersResponseSchema>;
