import { describe, expect, it } from 'vitest';
import type { Measure } from '@prongsai/shared';
import { measuresCsvStream, type MeasureExportRow } from './export';
import { buildMeasure } from './export/report-fixture';
import { parseMeasuresCsv } from './import';

const agency = {
  id: 'a1',
  code: '6490601',
  nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  type: 'sao' as const,
  provinceId: 49,
  provinceNameTh: 'มุกดาหาร',
  districtId: 4906,
  districtNameTh: 'หว้านใหญ่',
};

const measure = (fields: Partial<Measure>): Measure => buildMeasure(fields.sequence ?? 1, fields);

async function* rowsOf(measures: Measure[]): AsyncIterable<MeasureExportRow> {
  for (const item of measures) yield { agency, plan: { fiscalYear: 2566, status: 'published' }, measure: item };
}

describe('CSV export → import round trip', () => {
  it('when a plan is exported and the CSV imported again, then every field of every measure comes back', async () => {
    const measures = [
      measure({
        sequence: 1,
        title: 'จัดทำแผน "การใช้จ่าย", รายไตรมาส',
        actions: ['ขั้นที่ ๑ มี, จุลภาค', 'ขั้นที่ ๒ =SUM(A1)'],
        indicators: [
          { fiscalYear: 2566, code: 'O11', raw: null, titleTh: null, group: null },
          { fiscalYear: 2565, code: 'O27', raw: null, titleTh: null, group: null },
        ],
        responsible: 'สำนักปลัด',
        plannedStart: '2022-10-01',
        plannedEnd: '2023-09-30',
        outcome: 'completed',
        resultText: 'บรรทัดแรก\nบรรทัดสอง',
        summary: '-ลบนำหน้า',
        carriedOut: { date: '2023-03-01', precision: 'month' },
        evidence: [{ url: 'https://example.go.th/a?x=1', label: 'ประกาศ | ฉบับที่ 1' }],
      }),
      measure({
        sequence: 2,
        title: 'ไม่ได้ทำ',
        outcome: 'not_carried_out',
        outcomeReason: 'ไม่ได้รับงบประมาณ',
        carriedOut: { date: '2023-07-15', precision: 'day' },
      }),
    ];
    let csv = '';
    for await (const chunk of measuresCsvStream(rowsOf(measures))) csv += chunk;

    const parsed = parseMeasuresCsv(csv, 2566);

    expect(parsed.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    expect(parsed.measures).toHaveLength(2);
    const [first, second] = parsed.measures;
    expect(first).toMatchObject({
      sequence: 1,
      title: measures[0]!.title,
      actions: measures[0]!.actions,
      outcome: 'completed',
      responsible: 'สำนักปลัด',
      resultText: 'บรรทัดแรก\nบรรทัดสอง',
      summary: '-ลบนำหน้า',
      carriedOut: { date: '2023-03-01', precision: 'month' },
      plannedStart: '2022-10-01',
      plannedEnd: '2023-09-30',
      evidence: [{ url: 'https://example.go.th/a?x=1', label: 'ประกาศ | ฉบับที่ 1' }],
    });
    expect(first!.indicators.map((ref) => `${ref.fiscalYear}:${ref.code}`)).toEqual(['2566:O11', '2565:O27']);
    expect(second).toMatchObject({
      outcome: 'not_carried_out',
      outcomeReason: 'ไม่ได้รับงบประมาณ',
      carriedOut: { date: '2023-07-15', precision: 'day' },
    });
  });
});
