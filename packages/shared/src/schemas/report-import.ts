import { z } from 'zod';
import { PartialDateSchema } from '../dates';
import { DatePrecisionSchema, OutcomeSchema } from '../enums';
import { QualityWarningSchema } from './measure';

/**
 * The columns of the measures CSV, in order. The exporter writes them and the importer reads them:
 * `actions` and `evidence` hold one entry a line, `indicators` is "2566:O11|2566:O27",
 * `evidence` lines are "url|label", `carried_out_date` is a CE `YYYY-MM-DD`.
 */
export const MEASURE_CSV_COLUMNS = [
  'sequence',
  'title',
  'actions',
  'indicators',
  'outcome',
  'outcome_reason',
  'result_text',
  'summary',
  'carried_out_date',
  'carried_out_precision',
  'responsible',
  'evidence',
  'planned_start',
  'planned_end',
  'carried_out_raw',
  'indicator_citations',
] as const;
export type MeasureCsvColumn = (typeof MEASURE_CSV_COLUMNS)[number];

/** Stable codes of the quality checks, shown to editors and reviewers and used to filter. */
export const QUALITY_WARNING_CODES = [
  'OTHER_AGENCY_MENTION',
  'OTHER_WEBSITE',
  'DATE_OUTSIDE_FISCAL_YEAR',
  'DAY_LEFT_BLANK',
  'DUPLICATE_TEXT',
  'NO_EVIDENCE',
  'PARSE_PROBLEM',
  /** An uploaded text file was not UTF-8 (no BOM): read as Windows-874, the legacy Thai code page. */
  'ENCODING_GUESSED',
  /** The report is a scan: its text was read by OCR and every field needs checking. */
  'OCR_TEXT',
  /** The report is a scan but this server has no OCR (Tesseract) installed. */
  'OCR_UNAVAILABLE',
  /** The report names another fiscal year than the one it is imported into (one warning per report). */
  'OTHER_FISCAL_YEAR',
  /** The report's header names another agency, website or district than the importing agency's. */
  'OTHER_AGENCY_REPORT',
  /** A result or summary that another agency's plan has word for word (copy detector, ADR 014; staff only). */
  'COPIED_FROM_OTHER_AGENCY',
] as const;
export const QualityWarningCodeSchema = z.enum(QUALITY_WARNING_CODES);
export type QualityWarningCode = z.infer<typeof QualityWarningCodeSchema>;

export const ParsedAgencySchema = z.object({
  name: z.string().nullable(),
  district: z.string().nullable(),
  province: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
});
export type ParsedAgency = z.infer<typeof ParsedAgencySchema>;

export const ParsedIndicatorSchema = z.object({
  /** The codebook year the code is read in: the report's fiscal year unless the CSV names another. */
  fiscalYear: z.number().int().nullable(),
  code: z.string(),
  /** The citation as written, e.g. "อ้างอิงจาก ๐๑๑"; null when the source had only the code. */
  raw: z.string().nullable(),
});
export type ParsedIndicator = z.infer<typeof ParsedIndicatorSchema>;

export const ParsedEvidenceLinkSchema = z.object({ url: z.string(), label: z.string() });
export type ParsedEvidenceLink = z.infer<typeof ParsedEvidenceLinkSchema>;

export const ParsedMeasureSchema = z.object({
  sequence: z.number().int(),
  title: z.string(),
  actions: z.array(z.string()),
  indicators: z.array(ParsedIndicatorSchema),
  outcome: OutcomeSchema,
  outcomeReason: z.string().nullable(),
  resultText: z.string().nullable(),
  summary: z.string().nullable(),
  responsible: z.string().nullable(),
  carriedOut: PartialDateSchema.nullable(),
  /** The period cell as written ("ดำเนินการเมื่อวันที่ มีนาคม ๒๕๖๖"), kept for review. */
  carriedOutRaw: z.string().nullable(),
  evidence: z.array(ParsedEvidenceLinkSchema),
  /** Planned period (CE dates), when the source has it (the CSV export does; reports do not). */
  plannedStart: z.string().nullable().optional(),
  plannedEnd: z.string().nullable().optional(),
  /** Read by OCR from a scan: the preview marks every field of it for checking. */
  readByOcr: z.boolean().optional(),
});
export type ParsedMeasure = z.infer<typeof ParsedMeasureSchema>;

export const ParsedReportSchema = z.object({
  agency: ParsedAgencySchema,
  /** Buddhist-era fiscal year, or null when the source never names it. */
  fiscalYear: z.number().int().nullable(),
  introText: z.string().nullable(),
  measures: z.array(ParsedMeasureSchema),
  warnings: z.array(QualityWarningSchema),
  /** The whole report was read by OCR (a scanned PDF or a photo). */
  readByOcr: z.boolean().optional(),
});
export type ParsedReport = z.infer<typeof ParsedReportSchema>;

/** What the quality checks need to know about the agency whose measures they read. */
export const QualityCheckContextSchema = z.object({
  agencyNameTh: z.string(),
  website: z.string().nullable(),
  /** BE fiscal year; null skips the fiscal-year date check. */
  fiscalYear: z.number().int().nullable(),
});
export type QualityCheckContext = z.infer<typeof QualityCheckContextSchema>;

/** The plain shape both imported and stored measures are mapped to before the quality checks. */
export const CheckableMeasureSchema = z.object({
  sequence: z.number().int(),
  title: z.string(),
  actions: z.array(z.string()),
  resultText: z.string().nullable(),
  summary: z.string().nullable(),
  outcome: OutcomeSchema,
  carriedOut: z.object({ date: z.string(), precision: DatePrecisionSchema }).nullable(),
  carriedOutRaw: z.string().nullable(),
  evidence: z.array(ParsedEvidenceLinkSchema),
});
export type CheckableMeasure = z.infer<typeof CheckableMeasureSchema>;
