import { z } from 'zod';
import { AgencyTypeSchema, MunicipalityClassSchema, PlanStatusSchema } from '../enums';
import { FiscalYearParamSchema } from '../fiscal-year';
import { DistrictIdParamSchema, PageQuerySchema, ProvinceIdParamSchema, UuidSchema, pageOf } from './common';

export const ProvinceSchema = z.object({
  id: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  region: z.string().nullable(),
});
export type Province = z.infer<typeof ProvinceSchema>;

export const DistrictSchema = z.object({
  id: z.number().int(),
  provinceId: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
});
export type District = z.infer<typeof DistrictSchema>;

export const AgencySchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  type: AgencyTypeSchema,
  municipalityClass: MunicipalityClassSchema.nullable(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  provinceId: z.number().int(),
  provinceNameTh: z.string(),
  districtId: z.number().int().nullable(),
  districtNameTh: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  facebook: z.string().nullable(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyParamsSchema = z.object({ agencyId: UuidSchema });
export const ProvinceParamsSchema = z.object({ provinceId: ProvinceIdParamSchema });

export const AgencyListQuerySchema = PageQuerySchema.extend({
  provinceId: ProvinceIdParamSchema.optional(),
  districtId: DistrictIdParamSchema.optional(),
  type: AgencyTypeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  fiscalYear: FiscalYearParamSchema.optional(),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuerySchema>;

export const AgencyListItemSchema = AgencySchema.pick({
  id: true,
  code: true,
  type: true,
  municipalityClass: true,
  nameTh: true,
  provinceId: true,
  provinceNameTh: true,
  districtId: true,
  districtNameTh: true,
}).extend({ planStatus: PlanStatusSchema.nullable() });
export const AgencyListResponseSchema = pageOf(AgencyListItemSchema);
export type AgencyListResponse = z.infer<typeof AgencyListResponseSchema>;
