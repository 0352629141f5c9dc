import {
  ImportCommitInputSchema,
  type ImportCommitInput,
  type ImportPreview,
  type ParsedMeasure,
  type QualityWarning,
} from '@prongsai/shared';

/** One measure of the preview as the editor has confirmed (and maybe changed) it. */
export interface ImportRow extends ParsedMeasure {
  key: string;
  warnings: QualityWarning[];
}

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url.trim());

/** The preview's measures as editable rows, each with the quality warnings about it. */
export function rowsFromPreview(preview: ImportPreview): ImportRow[] {
  return preview.report.measures.map((measure, index) => ({
    ...measure,
    key: `${index}-${measure.sequence}`,
    warnings: preview.report.warnings.filter((warning) => warning.sequence === measure.sequence),
  }));
}

/** Warnings about the report as a whole (not about one measure). */
export function reportWarnings(preview: ImportPreview): QualityWarning[] {
  const sequences = new Set(preview.report.measures.map((measure) => measure.sequence));
  return preview.report.warnings.filter((warning) => warning.sequence == null || !sequences.has(warning.sequence));
}

/** Evidence the API can store: only http(s) links with a label. */
export const storableEvidence = (row: Pick<ImportRow, 'evidence'>) =>
  row.evidence.filter((link) => isHttpUrl(link.url)).map((link) => ({ url: link.url.trim(), label: link.label.trim() || link.url.trim() }));

/**
 * The commit body: each kept row; indicators without a codebook year are read in the plan's fiscal year.
 * Warnings are not sent: the server runs the quality checks itself when it saves (and refuses any sent).
 * Checked with the shared schema, so what fails here never reaches the API.
 */
export function toCommitInput(rows: ImportRow[], fiscalYear: number, introText: string | null) {
  const input: ImportCommitInput = {
    introText: introText ?? undefined,
    measures: rows.map((row) => ({
      title: row.title,
      actions: row.actions.filter((action) => action.trim() !== ''),
      indicators: row.indicators.map((indicator) => ({
        fiscalYear: indicator.fiscalYear ?? fiscalYear,
        code: indicator.code,
        raw: indicator.raw,
      })),
      responsible: row.responsible,
      plannedStart: row.plannedStart ?? null,
      plannedEnd: row.plannedEnd ?? null,
      outcome: row.outcome,
      outcomeReason: row.outcomeReason,
      resultText: row.resultText,
      summary: row.summary,
      carriedOut: row.carriedOut,
      carriedOutRaw: row.carriedOutRaw,
      evidence: storableEvidence(row),
    })),
  };
  return ImportCommitInputSchema.safeParse(input);
}
