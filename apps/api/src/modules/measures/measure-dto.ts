import type { Measure, QualityWarning } from '@prongsai/shared';
import type { Prisma, Tx } from '../../lib/prisma';

export const MEASURE_INCLUDE = {
  indicators: { orderBy: { id: 'asc' } },
  evidence: { orderBy: { position: 'asc' } },
} satisfies Prisma.MeasureInclude;

export type MeasureRow = Prisma.MeasureGetPayload<{ include: typeof MEASURE_INCLUDE }>;

export const isoDate = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);
export const toDbDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

/** Titles of the codebook items the measures cite: key `${fiscalYear}:${code}`. */
export async function loadIndicatorTitles(db: Tx, measures: MeasureRow[]): Promise<Map<string, { titleTh: string; group: string }>> {
  const refs = measures.flatMap((measure) => measure.indicators);
  if (refs.length === 0) return new Map();
  const items = await db.indicatorItem.findMany({
    where: {
      OR: [...new Set(refs.map((ref) => `${ref.fiscalYear}:${ref.code}`))].map((key) => {
        const [fiscalYear, code] = key.split(':');
        return { fiscalYear: Number(fiscalYear), code: code! };
      }),
    },
    select: { fiscalYear: true, code: true, titleTh: true, group: true },
  });
  return new Map(items.map((item) => [`${item.fiscalYear}:${item.code}`, { titleTh: item.titleTh, group: item.group }]));
}

/**
 * A measure as the API shows it. `planWarnings` are the live quality checks of its plan; the ones
 * about this measure are attached, plus what only the import could know (PARSE_PROBLEM), kept from
 * the time it was imported.
 */
export function toMeasure(
  row: MeasureRow,
  titles: Map<string, { titleTh: string; group: string }>,
  planWarnings: QualityWarning[] = [],
): Measure {
  const stored = (Array.isArray(row.importWarnings) ? (row.importWarnings as QualityWarning[]) : []).filter(
    (warning) => warning.code === 'PARSE_PROBLEM',
  );
  const warnings = row.deletedAt ? [] : planWarnings.filter((warning) => warning.sequence === row.sequence);
  return {
    id: row.id,
    planId: row.planId,
    agencyId: row.agencyId,
    sequence: row.sequence,
    title: row.title,
    actions: row.actions,
    indicators: row.indicators.map((ref) => {
      const item = titles.get(`${ref.fiscalYear}:${ref.code}`);
      return { fiscalYear: ref.fiscalYear, code: ref.code, raw: ref.raw, titleTh: item?.titleTh ?? null, group: item?.group ?? null };
    }),
    responsible: row.responsible,
    plannedStart: isoDate(row.plannedStart),
    plannedEnd: isoDate(row.plannedEnd),
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    resultText: row.resultText,
    summary: row.summary,
    carriedOut:
      row.carriedOutDate && row.carriedOutPrecision ? { date: isoDate(row.carriedOutDate)!, precision: row.carriedOutPrecision } : null,
    carriedOutRaw: row.carriedOutRaw,
    evidence: row.evidence.map((link) => ({ url: link.url, label: link.label })),
    warnings: [...stored, ...warnings],
    sourceMeasureId: row.sourceMeasureId,
    version: row.version,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadMeasure(db: Tx, measureId: string, planWarnings: QualityWarning[] = []): Promise<Measure> {
  const row = await db.measure.findUniqueOrThrow({ where: { id: measureId }, include: MEASURE_INCLUDE });
  return toMeasure(row, await loadIndicatorTitles(db, [row]), planWarnings);
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
