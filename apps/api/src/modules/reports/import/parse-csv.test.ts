import { readFileSync } from 'node:fs';
import { MEASURE_CSV_COLUMNS, ParsedReportSchema, csvLine, type ParsedMeasure, type ParsedReport } from '@prongsai/shared';
import { describe, expect, it } from 'vitest';
import { parseMeasuresCsv } from './parse-csv';
import { parseReportText } from './parse-report-text';

const SAMPLE = readFileSync(new URL('./fixtures/report-2566-bangsainoi.txt', import.meta.url), 'utf8');
const HEADER = csvLine([...MEASURE_CSV_COLUMNS]);

/** The export's format, written here only to feed the importer (the exporter lives elsewhere). */
function writeMeasuresCsv(report: ParsedReport): string {
  const cells = (measure: ParsedMeasure) => [
    measure.sequence,
    measure.title,
    measure.actions.join('\n'),
    measure.indicators.map((indicator) => `${indicator.fiscalYear ?? report.fiscalYear}:${indicator.code}`).join('|'),
    measure.outcome,
    measure.outcomeReason,
    measure.resultText,
    measure.summary,
    measure.carriedOut?.date,
    measure.carriedOut?.precision,
    measure.responsible,
    measure.evidence.map((link) => `${link.url}|${link.label}`).join('\n'),
  ];
  return HEADER + report.measures.map((measure) => csvLine(cells(measure))).join('');
}

const row = (values: Partial<Record<(typeof MEASURE_CSV_COLUMNS)[number], string>>) =>
  csvLine(MEASURE_CSV_COLUMNS.map((column) => values[column] ?? ''));

describe('parseMeasuresCsv', () => {
  it("when the parser's own output is written as CSV and read back, then the measures come back the same", () => {
    // Arrange
    const parsed = parseReportText(SAMPLE);
    const csv = writeMeasuresCsv(parsed);

    // Act
    const reread = parseMeasuresCsv(csv, 2566);

    // Assert
    const comparable = (measure: ParsedMeasure) => ({
      ...measure,
      indicators: measure.indicators.map(({ fiscalYear, code }) => ({ fiscalYear, code })),
      carriedOutRaw: null,
    });
    expect(reread.measures.map(comparable)).toEqual(parsed.measures.map(comparable));
    expect(reread.fiscalYear).toBe(2566);
    expect(reread.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    expect(() => ParsedReportSchema.parse(reread)).not.toThrow();
  });

  it('when read without an agency, then only agency-free checks run (duplicates, evidence, dates)', () => {
    const reread = parseMeasuresCsv(writeMeasuresCsv(parseReportText(SAMPLE)), 2566);

    const codes = new Set(reread.warnings.map((warning) => warning.code));

    expect(codes).toEqual(new Set(['DUPLICATE_TEXT', 'NO_EVIDENCE']));
  });

  it('when columns come in another order with Thai outcomes, Thai digits, evidence and formula-guarded cells, then they are read', () => {
    const csv =
      'title,sequence,outcome,indicators,carried_out_date,carried_out_precision,evidence,result_text\r\n' +
      '"\'=จัดทำคู่มือ, ฉบับที่ ""2""",๓,ดำเนินการแล้วเสร็จ,2566:๐๑๑|O27,2023-03-15,month,"https://x.go.th/a|ประกาศ\nwww.x.go.th/b",ทำแล้ว\r\n';

    const [measure] = parseMeasuresCsv(csv, 2566).measures;

    expect(measure).toMatchObject({
      sequence: 3,
      title: '=จัดทำคู่มือ, ฉบับที่ "2"',
      outcome: 'completed',
      indicators: [
        { fiscalYear: 2566, code: 'O11', raw: null },
        { fiscalYear: 2566, code: 'O27', raw: null },
      ],
      carriedOut: { date: '2023-03-01', precision: 'month' },
      evidence: [
        { url: 'https://x.go.th/a', label: 'ประกาศ' },
        { url: 'https://www.x.go.th/b', label: 'www.x.go.th/b' },
      ],
    });
  });

  it('when a date is written in BE, then it is converted to CE with a PARSE_PROBLEM saying so', () => {
    const csv = HEADER + row({ sequence: '1', title: 'จัดทำคู่มือ', carried_out_date: '2566-03-07', carried_out_precision: 'day' });

    const report = parseMeasuresCsv(csv, 2566);

    expect(report.measures[0]!.carriedOut).toEqual({ date: '2023-03-07', precision: 'day' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'PARSE_PROBLEM', sequence: 1 }));
  });

  it('when a row has a bad sequence, outcome, indicator, date or link, then each becomes a PARSE_PROBLEM and the rest still imports', () => {
    const csv =
      HEADER +
      row({ sequence: 'x', title: 'ไม่มีลำดับ' }) +
      row({
        sequence: '2',
        title: 'จัดทำคู่มือ',
        outcome: 'done?',
        indicators: 'Q9',
        carried_out_date: '2023-02-30',
        evidence: 'javascript:alert(1)|x',
      });

    const report = parseMeasuresCsv(csv, 2566);

    expect(report.measures).toHaveLength(1);
    expect(report.measures[0]).toMatchObject({ sequence: 2, outcome: 'planned', indicators: [], carriedOut: null, evidence: [] });
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toHaveLength(5);
  });

  it('when a date is outside the fiscal year, then the CSV import flags it too', () => {
    const csv = HEADER + row({ sequence: '1', title: 'จัดทำคู่มือ', carried_out_date: '2023-10-01', carried_out_precision: 'day' });

    expect(parseMeasuresCsv(csv, 2566).warnings.map((warning) => warning.code)).toEqual(['DATE_OUTSIDE_FISCAL_YEAR']);
  });

  it.each([
    ['an empty file', ''],
    ['a file without the header row', '1,จัดทำคู่มือ\n'],
    ['text that is not CSV', '"unterminated\n\u0000\u0001'],
  ])('when given %s, then it does not throw and reports a PARSE_PROBLEM', (_label, text) => {
    const report = parseMeasuresCsv(text, 2566);

    expect(report.measures).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'PARSE_PROBLEM' })]);
  });
});
