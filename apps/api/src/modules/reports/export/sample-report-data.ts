// Test data: the seeded plan of the real sample report (องค์การบริหารส่วนตำบลบางทรายน้อย, FY2566, full
// texts from src/db/seed-data) as ReportData, for the renderers' layout checks. Used by tests only.
import { BANGSAINOI_2566, BANGSAINOI_2566_INTRO } from '../../../db/seed-data/bangsainoi-2566';
import { buildMeasure, buildReportData } from './report-fixture';
import type { ReportData } from './report-model';

export function buildSampleReportData(): ReportData {
  const measures = BANGSAINOI_2566.map((measure, index) =>
    buildMeasure(index + 1, {
      title: measure.title,
      actions: measure.actions,
      indicators: measure.indicators.map((ref) => ({ fiscalYear: 2566, code: ref.code, raw: ref.raw, titleTh: null, group: null })),
      outcome: measure.outcome,
      resultText: measure.resultText,
      summary: measure.summary,
      carriedOut: measure.carriedOut ? { date: measure.carriedOut.date, precision: measure.carriedOut.precision } : null,
      carriedOutRaw: measure.carriedOut?.raw ?? null,
    }),
  );
  return buildReportData({ measures, introText: BANGSAINOI_2566_INTRO });
}
