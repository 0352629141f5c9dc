import { z } from 'zod';
import { FiscalYearParamSchema, FiscalYearSchema } from '../fiscal-year';
import { ProvinceIdParamSchema, optionalText } from './common';
import { createMeasureShape, withMeasureRules } from './measure';
import { ParsedReportSchema } from './report-import';

export const IMPORT_FORMATS = ['text', 'docx', 'csv', 'pdf', 'image'] as const;

/**
 * Upload or paste. A .docx is always base64. Text and CSV are either pasted text (`contentEncoding`
 * "text", the default) or an uploaded file's raw bytes as base64 (`contentEncoding` "base64"): the server
 * then detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-874) as the CLI does.
 * Nothing is written by a preview.
 */
export const ImportPreviewInputSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    content: z.string().min(1, 'กรุณาแนบไฟล์หรือวางข้อความ').max(8_000_000, 'ไฟล์ใหญ่เกินไป (ไม่เกิน 6 MB)'),
    contentEncoding: z.enum(['text', 'base64']).optional(),
    /** Needed for CSV (it names no year); for reports it overrides the year read from the text. */
    fiscalYear: FiscalYearSchema.optional(),
  })
  .strict();
export type ImportPreviewInput = z.infer<typeof ImportPreviewInputSchema>;

export const ImportPreviewSchema = z.object({
  report: ParsedReportSchema,
  /** The agency the preview was checked against (its name and website drive some checks). */
  agencyNameTh: z.string(),
  /** Whether that agency already has a plan for the report's fiscal year, and its status. */
  existingPlanStatus: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/**
 * One measure as confirmed (and possibly edited) in the preview table: the editor's create-measure schema
 * and rules, plus the period cell as written. Quality warnings are not part of it: the server computes
 * them when it saves, and a `warnings` field sent by a client is refused (400, unknown field), so that no
 * client-written text reaches reviewers as a warning.
 */
export const ImportMeasureInputSchema = withMeasureRules(
  z
    .object({ ...createMeasureShape, carriedOutRaw: optionalText(500) })
    .strict()
    .describe(
      'A measure to import, checked like POST /plans/{id}/measures. Quality warnings are computed by the server; a client-sent `warnings` field is refused (400).',
    ),
);
export type ImportMeasureInput = z.infer<typeof ImportMeasureInputSchema>;

/** Save the confirmed preview into the draft plan of that year (created when missing), in one transaction. */
export const ImportCommitInputSchema = z
  .object({
    introText: optionalText(5000),
    measures: z.array(ImportMeasureInputSchema).min(1, 'ไม่มีมาตรการที่จะบันทึก').max(200),
  })
  .strict();
export type ImportCommitInput = z.infer<typeof ImportCommitInputSchema>;

export const ExportQuerySchema = z.object({
  fiscalYear: FiscalYearParamSchema.optional(),
  provinceId: ProvinceIdParamSchema.optional(),
  agencyId: z.uuid().optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
