import { MeasureSchema, type Measure, type QualityWarning } from '@prongsai/shared';
import type { MeasureRow } from './plans.queries';

/** A `date` column's value as the API writes it ("2024-01-31"). */
export const isoDate = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);
/** An API date ("2024-01-31") as a `date` column's value; undefined stays undefined (not given). */
export const toDbDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

/** The API fields a measure row carries under the same name and type (a new plain column needs no code here). */
const SAME_AS_COLUMN = Object.keys(MeasureSchema.shape).filter(
  (key) => !['indicators', 'plannedStart', 'plannedEnd', 'carriedOut', 'evidence', 'warnings', 'deletedAt', 'updatedAt'].includes(key),
);

/**
 * A measure as the API shows it. `planWarnings` are the live quality checks of its plan; the ones
 * about this measure are attached, plus what only the import could know (PARSE_PROBLEM), kept from
 * the time it was imported.
 */
export function toMeasure(row: MeasureRow, planWarnings: QualityWarning[] = []): Measure {
  // One object built field by field: copying the plain columns through Object.fromEntries and a spread took
  // ~18 µs a measure against ~2 µs (micro-benchmark; docs/performance.md, eighth session).
  const measure: Record<string, unknown> = {};
  for (const key of SAME_AS_COLUMN) measure[key] = row[key as keyof MeasureRow];
  measure.indicators = row.indicators.map((ref) => ({
    fiscalYear: ref.fiscalYear,
    code: ref.code,
    raw: ref.raw,
    titleTh: ref.titleTh,
    group: ref.group,
  }));
  measure.plannedStart = isoDate(row.plannedStart);
  measure.plannedEnd = isoDate(row.plannedEnd);
  measure.carriedOut =
    row.carriedOutDate && row.carriedOutPrecision ? { date: isoDate(row.carriedOutDate)!, precision: row.carriedOutPrecision } : null;
  measure.evidence = row.evidence.map((link) => ({ url: link.url, label: link.label }));
  const warnings: QualityWarning[] = [];
  if (Array.isArray(row.importWarnings)) {
    for (const warning of row.importWarnings as QualityWarning[]) if (warning.code === 'PARSE_PROBLEM') warnings.push(warning);
  }
  if (!row.deletedAt) for (const warning of planWarnings) if (warning.sequence === row.sequence) warnings.push(warning);
  measure.warnings = warnings;
  measure.deletedAt = row.deletedAt?.toISOString() ?? null;
  measure.updatedAt = row.updatedAt.toISOString();
  return measure as unknown as Measure;
}

/** The plain shape the quality checks read (shared with the report import). */
export function toCheckable(row: MeasureRow) {
  return {
    sequence: row.sequence,
    title: row.title,
    actions: row.actions,
    resultText: row.resultText,
    summary: row.summary,
    outcome: row.outcome,
    carriedOut:
      row.carriedOutDate && row.carriedOutPrecision ? { date: isoDate(row.carriedOutDate)!, precision: row.carriedOutPrecision } : null,
    carriedOutRaw: row.carriedOutRaw,
    evidence: row.evidence.map((link) => ({ url: link.url, label: link.label })),
  };
}
