import { z } from 'zod';
import { CodebookConfidenceSchema } from '../enums';
import { FiscalYearParamSchema } from '../fiscal-year';

/** OIT item codes: O1 … O99 (Thai digits and a Thai "โอ" are normalised by the import parser). */
export const IndicatorCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^O[1-9][0-9]?$/, 'รหัสตัวชี้วัดต้องเป็นรูปแบบ O1–O99');

export const IndicatorGroupSchema = z
  .string()
  .trim()
  .regex(/^(9|10)\.[0-9]$/, 'กลุ่มตัวชี้วัดต้องเป็นรูปแบบ 9.1 หรือ 10.2');

export const IndicatorItemSchema = z.object({
  fiscalYear: z.number().int(),
  code: z.string(),
  group: z.string(),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  confidence: CodebookConfidenceSchema,
});
export type IndicatorItem = z.infer<typeof IndicatorItemSchema>;

export const CodebookSchema = z.object({
  fiscalYear: z.number().int(),
  note: z.string().nullable(),
  items: z.array(IndicatorItemSchema),
});
export type Codebook = z.infer<typeof CodebookSchema>;

export const CodebookParamsSchema = z.object({ fiscalYear: FiscalYearParamSchema });

export const CodebookListResponseSchema = z.object({
  items: z.array(z.object({ fiscalYear: z.number().int(), itemCount: z.number().int(), note: z.string().nullable() })),
});
export type CodebookListResponse = z.infer<typeof CodebookListResponseSchema>;

/** Upload a year's codebook as CSV text with the columns code,title,group (header row first). */
export const UploadCodebookInputSchema = z.object({
  csv: z.string().min(1, 'กรุณาแนบไฟล์ CSV').max(500_000, 'ไฟล์ใหญ่เกินไป'),
  note: z.string().trim().max(500).optional(),
});
export type UploadCodebookInput = z.infer<typeof UploadCodebookInputSchema>;
