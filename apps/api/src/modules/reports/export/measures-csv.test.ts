import fs from 'node:fs';
import { parseCsv } from '@prongsai/shared';
import { describe, expect, it } from 'vitest';
import { MEASURE_EXPORT_COLUMNS, measuresCsvStream } from './measures-csv';
import { buildReportData, iterate, toExportRows } from './report-fixture';
import type { MeasureExportRow } from './report-model';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const columnIndex = (id: string) => MEASURE_EXPORT_COLUMNS.findIndex((column) => column.id === id);

describe('measuresCsvStream', () => {
  it('when measures are exported, then the CSV starts with the UTF-8 BOM and the header of column ids', async () => {
    // Arrange
    const rows = iterate(toExportRows(buildReportData()));

    // Act
    const csv = await collect(measuresCsvStream(rows));

    // Assert
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(MEASURE_EXPORT_COLUMNS.map((column) => column.id).join(','));
    expect(parseCsv(csv)).toHaveLength(1 + 5);
  });

  it('when a cell starts with "=", then it is neutralised so a spreadsheet shows it as text', async () => {
    // Arrange
    const rows = iterate(toExportRows(buildReportData()));

    // Act
    const records = parseCsv(await collect(measuresCsvStream(rows)));

    // Assert
    expect(records[4]![columnIndex('result_text')]).toBe("'=cmd|' /C calc'!A0");
  });

  it('when a cell holds a newline, a comma and quotes, then it is quoted and reads back unchanged', async () => {
    // Arrange
    const rows = iterate(toExportRows(buildReportData()));

    // Act
    const csv = await collect(measuresCsvStream(rows));

    // Assert
    expect(csv).toContain('"บรรทัดแรกของสรุป\nบรรทัดที่สอง, มีจุลภาค และ ""อัญประกาศ"""');
    expect(parseCsv(csv)[4]![columnIndex('summary')]).toBe('บรรทัดแรกของสรุป\nบรรทัดที่สอง, มีจุลภาค และ "อัญประกาศ"');
  });

  it('when a date is known only to the month, then the CSV gives YYYY-MM and the precision, never a day', async () => {
    // Arrange
    const rows = iterate(toExportRows(buildReportData()));

    // Act
    const records = parseCsv(await collect(measuresCsvStream(rows)));

    // Assert
    const [date, precision] = [columnIndex('carried_out_date'), columnIndex('carried_out_precision')];
    expect([records[1]![date], records[1]![precision]]).toEqual(['2023-03-07', 'day']);
    expect([records[2]![date], records[2]![precision]]).toEqual(['2023-03', 'month']);
    expect([records[3]![date], records[3]![precision]]).toEqual(['', '']);
  });

  it('when a measure has sub-actions and indicators, then they are one per line and year:code joined by ";"', async () => {
    // Arrange
    const rows = iterate(toExportRows(buildReportData()));

    // Act
    const record = parseCsv(await collect(measuresCsvStream(rows)))[4]!;

    // Assert
    expect(record[columnIndex('actions')]).toBe('จัดทำแนวปฏิบัติสำหรับการจัดการเรื่องร้องเรียนการทุจริต\nเผยแพร่ช่องทางร้องเรียนให้สาธารณชนทราบ');
    expect(record[columnIndex('indicators')]).toBe('2566:O27;2566:O28');
    expect(record[columnIndex('outcome')]).toBe('in_progress');
    expect(record[columnIndex('fiscal_year')]).toBe('2566');
    expect(record[columnIndex('province_code')]).toBe('49');
  });

  it('when the route starts streaming, then the header comes before any row is read from the source', async () => {
    // Arrange
    let pulled = 0;
    const source: AsyncIterable<MeasureExportRow> = {
      async *[Symbol.asyncIterator]() {
        for (const row of toExportRows(buildReportData())) {
          pulled++;
          yield row;
        }
      },
    };

    // Act
    const iterator = measuresCsvStream(source)[Symbol.asyncIterator]();
    const first = await iterator.next();
    const pulledAfterHeader = pulled;
    const second = await iterator.next();

    // Assert
    expect(first.value).toMatch(/^\uFEFFagency_id,/);
    expect(pulledAfterHeader).toBe(0);
    expect(second.value).toContain('องค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(pulled).toBe(1);
  });
});

describe('MEASURE_EXPORT_COLUMNS', () => {
  it('when the column set is read, then every id is unique snake_case with Thai and English headers', () => {
    // Act
    const ids = MEASURE_EXPORT_COLUMNS.map((column) => column.id);

    // Assert
    expect(new Set(ids).size).toBe(ids.length);
    for (const column of MEASURE_EXPORT_COLUMNS) {
      expect(column.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(column.header_th).toMatch(/[\u0E00-\u0E7F]/);
      expect(column.header_en.length).toBeGreaterThan(0);
      expect(column.description.length).toBeGreaterThan(0);
    }
  });

  it('when docs/open-data.md is read, then it documents every column, in order', () => {
    // Arrange
    const doc = fs.readFileSync(new URL('../../../../../../docs/open-data.md', import.meta.url), 'utf8');

    // Act
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((match) => match[1]);

    // Assert
    expect(documented).toEqual(MEASURE_EXPORT_COLUMNS.map((column) => column.id));
  });
});
