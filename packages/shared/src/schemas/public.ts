import { z } from 'zod';
import { AgencyTypeSchema } from '../enums';
import { FiscalYearParamSchema } from '../fiscal-year';
import { AgencySchema } from './agency';
import { PageQuerySchema, ProvinceIdParamSchema, UuidSchema, pageOf } from './common';
import { PlanSummarySchema } from './plan';

/** Figures over published plans only. */
export const PublicFiguresSchema = z.object({
  agencies: z.number().int(),
  agenciesPublished: z.number().int(),
  measures: z.number().int(),
  measuresCompleted: z.number().int(),
  measuresNotCarriedOut: z.number().int(),
});
export type PublicFigures = z.infer<typeof PublicFiguresSchema>;

export const PublicYearQuerySchema = z.object({ fiscalYear: FiscalYearParamSchema.optional() });

export const PublicSummarySchema = z.object({
  fiscalYear: z.number().int(),
  fiscalYears: z.array(z.number().int()),
  totals: PublicFiguresSchema,
  byType: z.array(PublicFiguresSchema.extend({ type: AgencyTypeSchema })),
  byProvince: z.array(PublicFiguresSchema.extend({ provinceId: z.number().int(), nameTh: z.string(), nameEn: z.string() })),
});
export type PublicSummary = z.infer<typeof PublicSummarySchema>;

export const PublicProvinceParamsSchema = z.object({ provinceId: ProvinceIdParamSchema });
export const PublicProvinceQuerySchema = PageQuerySchema.extend({
  fiscalYear: FiscalYearParamSchema.optional(),
  q: z.string().trim().max(100).optional(),
  type: AgencyTypeSchema.optional(),
});

export const PublicAgencyRowSchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  type: AgencyTypeSchema,
  districtNameTh: z.string().nullable(),
  published: z.boolean(),
  measures: z.number().int(),
  measuresCompleted: z.number().int(),
});
export type PublicAgencyRow = z.infer<typeof PublicAgencyRowSchema>;

export const PublicProvinceSchema = z.object({
  provinceId: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  fiscalYear: z.number().int(),
  totals: PublicFiguresSchema,
  agencies: pageOf(PublicAgencyRowSchema),
});
export type PublicProvince = z.infer<typeof PublicProvinceSchema>;

export const PublicAgencyParamsSchema = z.object({ agencyId: UuidSchema });
export const PublicAgencySchema = z.object({
  agency: AgencySchema,
  plans: z.array(PlanSummarySchema),
});
export type PublicAgency = z.infer<typeof PublicAgencySchema>;

/** The national public search: what was typed (abbreviations, any order, Thai or English; see agencySearchTerms). Nothing typed finds nothing. */
export const PublicAgencySearchQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).default(''),
});
export type PublicAgencySearchQuery = z.infer<typeof PublicAgencySearchQuerySchema>;

export const PublicAgencySearchItemSchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: AgencyTypeSchema,
  provinceId: z.number().int(),
  provinceNameTh: z.string(),
  districtNameTh: z.string().nullable(),
  /** Whether the agency has a published report (of any fiscal year). */
  hasPublishedPlan: z.boolean(),
});
export type PublicAgencySearchItem = z.infer<typeof PublicAgencySearchItemSchema>;
export const PublicAgencySearchResponseSchema = pageOf(PublicAgencySearchItemSchema);
export type PublicAgencySearchResponse = z.infer<typeof PublicAgencySearchResponseSchema>;
