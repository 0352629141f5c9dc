import { z } from 'zod';
import { AgencyTypeSchema, PlanStatusSchema } from '../enums';
import { FiscalYearParamSchema } from '../fiscal-year';
import { DistrictIdParamSchema, PageQuerySchema, ProvinceIdParamSchema, UuidSchema, pageOf } from './common';

export const OVERVIEW_SORTS = ['name', 'status', 'completion', 'notCarriedOut', 'warnings', 'updated', 'score', 'measures'] as const;

export const ProvinceOverviewParamsSchema = z.object({ provinceId: ProvinceIdParamSchema });

export const ProvinceOverviewQuerySchema = PageQuerySchema.extend({
  fiscalYear: FiscalYearParamSchema,
  type: AgencyTypeSchema.optional(),
  districtId: DistrictIdParamSchema.optional(),
  /** A plan status, or `none` for agencies without a plan that year. */
  status: z.union([PlanStatusSchema, z.literal('none')]).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(OVERVIEW_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ProvinceOverviewQuery = z.infer<typeof ProvinceOverviewQuerySchema>;

export const ProvinceOverviewRowSchema = z.object({
  agencyId: z.string(),
  nameTh: z.string(),
  type: AgencyTypeSchema,
  districtId: z.number().int().nullable(),
  districtNameTh: z.string().nullable(),
  planId: z.string().nullable(),
  planStatus: PlanStatusSchema.nullable(),
  measures: z.number().int(),
  completedPercent: z.number(),
  notCarriedOutPercent: z.number(),
  indicatorsCovered: z.number().int(),
  warnings: z.number().int(),
  lastUpdate: z.string().nullable(),
  itaScore: z.number().nullable(),
  itaBand: z.string().nullable(),
});
export type ProvinceOverviewRow = z.infer<typeof ProvinceOverviewRowSchema>;

export const ProvinceOverviewSchema = pageOf(ProvinceOverviewRowSchema).extend({
  provinceId: z.number().int(),
  provinceNameTh: z.string(),
  fiscalYear: z.number().int(),
  statusCounts: z.record(z.string(), z.number().int()),
});
export type ProvinceOverview = z.infer<typeof ProvinceOverviewSchema>;

const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const COMPARE_IDS_PATTERN = `^\\s*${UUID_PATTERN}\\s*(,\\s*${UUID_PATTERN}\\s*){1,5},?\\s*$`;

export const CompareQuerySchema = z.object({
  agencyIds: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(UuidSchema).min(2, 'เลือกอย่างน้อย 2 หน่วยงาน').max(6, 'เลือกได้ไม่เกิน 6 หน่วยงาน'))
    // The rule above as JSON Schema can say it (the OpenAPI document): 2–6 UUIDs, comma-separated.
    .meta({ description: '2 to 6 agency ids (UUIDs), comma-separated', pattern: COMPARE_IDS_PATTERN }),
});

export const CompareYearSchema = z.object({
  fiscalYear: z.number().int(),
  planStatus: PlanStatusSchema.nullable(),
  measures: z.number().int(),
  completedPercent: z.number(),
  warnings: z.number().int(),
  itaScore: z.number().nullable(),
  /** Measures citing an item of each OIT group (9.1 … 10.2). */
  byGroup: z.record(z.string(), z.number().int()),
});
export const CompareResponseSchema = z.object({
  agencies: z.array(z.object({ agencyId: z.string(), nameTh: z.string(), type: AgencyTypeSchema, years: z.array(CompareYearSchema) })),
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;

export const IndicatorHeatmapSchema = z.object({
  provinceId: z.number().int(),
  fiscalYear: z.number().int(),
  codes: z.array(z.object({ fiscalYear: z.number().int(), code: z.string(), titleTh: z.string().nullable() })),
  agencies: z.array(z.object({ agencyId: z.string(), nameTh: z.string(), counts: z.record(z.string(), z.number().int()) })),
});
export type IndicatorHeatmap = z.infer<typeof IndicatorHeatmapSchema>;

export const ProvinceYearQuerySchema = z.object({ fiscalYear: FiscalYearParamSchema });

export const TrendsSchema = z.object({
  provinceId: z.number().int(),
  years: z.array(
    z.object({
      fiscalYear: z.number().int(),
      agencies: z.number().int(),
      plans: z.number().int(),
      published: z.number().int(),
      completedPercent: z.number(),
      averageScore: z.number().nullable(),
      passRate: z.number().nullable(),
    }),
  ),
  /** Did agencies that completed their measures in year N improve their ITA score in N+1? */
  improvement: z.array(
    z.object({
      bucket: z.enum(['completed_all', 'completed_most', 'completed_few']),
      agencies: z.number().int(),
      averageScoreChange: z.number().nullable(),
    }),
  ),
});
export type Trends = z.infer<typeof TrendsSchema>;

export const UploadItaResultsInputSchema = z.object({
  csv: z.string().min(1, 'กรุณาแนบไฟล์ CSV').max(2_000_000, 'ไฟล์ใหญ่เกินไป'),
});
export const UploadItaResultsResponseSchema = z.object({ imported: z.number().int(), unknownAgencyCodes: z.array(z.string()) });
