import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OutcomeSchema, PartialDateSchema, type Measure, type ParsedMeasure } from '@prongsai/shared';

/**
 * The plan's own data, carried inside the exported .docx as a custom XML part (Word keeps such parts
 * when the file is edited and saved; a reader never sees them). Importing the file again gives the
 * plan back field for field, where the visible table alone cannot (the short title is not printed when
 * a measure has sub-actions; the indicator line and the result labels are layout). Each measure carries
 * a fingerprint of its visible row: a row edited in Word no longer matches and is read from its text.
 */
export const REPORT_COPY_PATH = 'customXml/prongsai-report.xml';
export const REPORT_COPY_NAMESPACE = 'https://prongsai.go.th/schemas/report-copy/1';

const CopiedMeasureSchema = z.object({
  fingerprint: z.string(),
  title: z.string(),
  actions: z.array(z.string()),
  indicators: z.array(z.object({ fiscalYear: z.number().int(), code: z.string(), raw: z.string().nullable() })),
  responsible: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  outcome: OutcomeSchema,
  outcomeReason: z.string().nullable(),
  resultText: z.string().nullable(),
  summary: z.string().nullable(),
  carriedOut: PartialDateSchema.nullable(),
  carriedOutRaw: z.string().nullable(),
  evidence: z.array(z.object({ url: z.string(), label: z.string() })),
});

export const ReportCopySchema = z.object({
  version: z.literal(1),
  fiscalYear: z.number().int(),
  introText: z.string().nullable(),
  /** A fingerprint of the introduction as printed: an edited introduction is read from the text. */
  introFingerprint: z.string(),
  measures: z.array(CopiedMeasureSchema).max(500),
});
export type ReportCopy = z.infer<typeof ReportCopySchema>;

/** The visible text of a table row or paragraph, without white space (layout and wrapping do not count). */
export const fingerprint = (texts: string[]): string =>
  createHash('sha256').update(texts.join('').replace(/\s+/g, '')).digest('hex').slice(0, 24);

export function copyMeasure(measure: Measure, rowTexts: string[]): ReportCopy['measures'][number] {
  return {
    fingerprint: fingerprint(rowTexts),
    title: measure.title,
    actions: measure.actions,
    indicators: measure.indicators.map(({ fiscalYear, code, raw }) => ({ fiscalYear, code, raw })),
    responsible: measure.responsible,
    plannedStart: measure.plannedStart,
    plannedEnd: measure.plannedEnd,
    outcome: measure.outcome,
    outcomeReason: measure.outcomeReason,
    resultText: measure.resultText,
    summary: measure.summary,
    carriedOut: measure.carriedOut,
    carriedOutRaw: measure.carriedOutRaw,
    evidence: measure.evidence,
  };
}

/** The custom XML part: the copy as base64 JSON in one element (no escaping questions). */
export const reportCopyXml = (copy: ReportCopy): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<report-copy xmlns="${REPORT_COPY_NAMESPACE}">${Buffer.from(JSON.stringify(copy), 'utf8').toString('base64')}</report-copy>`;

/** The copy in a custom XML part, or null when absent or not ours or not valid (then the text is read as usual). */
export function readReportCopyXml(xml: string): ReportCopy | null {
  if (!xml.includes(REPORT_COPY_NAMESPACE)) return null;
  const body = /<report-copy[^>]*>([A-Za-z0-9+/=\s]*)<\/report-copy>/.exec(xml)?.[1];
  if (!body) return null;
  try {
    const parsed = ReportCopySchema.safeParse(JSON.parse(Buffer.from(body, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A measure of the copy as an imported measure, numbered as its row. */
export const restoreMeasure = (sequence: number, copied: ReportCopy['measures'][number]): ParsedMeasure => {
  const { fingerprint: _fingerprint, ...fields } = copied;
  return { sequence, ...fields };
};
