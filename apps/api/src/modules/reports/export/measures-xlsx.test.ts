import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MEASURE_EXPORT_COLUMNS } from './measures-csv';
import { findSheetZipInput, writeMeasuresXlsx } from './measures-xlsx';
import { buildReportData, iterate, toExportRows } from './report-fixture';
import type { MeasureExportRow } from './report-model';

async function writeToBuffer(rows: AsyncIterable<MeasureExportRow>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeMeasuresXlsx(rows, out);
  return Buffer.concat(chunks);
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const columnNumber = (id: string) => MEASURE_EXPORT_COLUMNS.findIndex((column) => column.id === id) + 1;

describe('writeMeasuresXlsx', () => {
  it('when measures are written, then exceljs reads back a Thai header row and one row per measure', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(data))));

    // Assert
    const sheet = workbook.getWorksheet('measures')!;
    expect(sheet.rowCount).toBe(1 + data.plan.measures.length);
    expect(sheet.getRow(1).getCell(1).value).toBe(MEASURE_EXPORT_COLUMNS[0]!.header_th);
    expect(sheet.getRow(2).getCell(columnNumber('agency_name_th')).value).toBe('องค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(sheet.getRow(3).getCell(columnNumber('carried_out_date')).value).toBe('2023-03');
    expect(sheet.getRow(4).getCell(columnNumber('outcome_reason')).value).toMatch(/^งบประมาณไม่เพียงพอ/);
  });

  it('when the sheet is printed, then it is A4 landscape one page wide, repeats its header row, and wraps Sarabun text', async () => {
    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(buildReportData()))));

    // Assert
    const sheet = workbook.getWorksheet('measures')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    const summary = sheet.getRow(2).getCell(columnNumber('summary'));
    expect(summary.font).toMatchObject({ name: 'Sarabun' });
    expect(summary.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('when people read the Thai sheet, then status, type, date precision and indicators come as words, the codes in their own columns', async () => {
    // Act: read back with the library the export writes with
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(buildReportData()))));

    // Assert
    const sheet = workbook.getWorksheet('measures')!;
    const cell = (row: number, id: string) => sheet.getRow(row).getCell(columnNumber(id)).value;
    expect(sheet.getRow(1).getCell(columnNumber('plan_status_th')).value).toBe('สถานะแผน (คำ)');
    expect([cell(2, 'agency_type'), cell(2, 'agency_type_th')]).toEqual(['sao', 'องค์การบริหารส่วนตำบล']);
    expect([cell(2, 'plan_status'), cell(2, 'plan_status_th')]).toEqual(['published', 'เผยแพร่แล้ว']);
    expect([cell(2, 'outcome'), cell(2, 'outcome_th')]).toEqual(['completed', 'ดำเนินการแล้วเสร็จ']);
    expect([cell(2, 'carried_out_precision'), cell(2, 'carried_out_precision_th')]).toEqual(['day', 'ระบุวัน']);
    expect([cell(3, 'carried_out_precision'), cell(3, 'carried_out_precision_th')]).toEqual(['month', 'ระบุเพียงเดือน']);
    expect(cell(2, 'indicators')).toBe('2566:O11');
    expect(cell(2, 'indicators_th')).toBe('2566 O11 แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี');
    // A code the codebook has no title for stays a code (no word exists).
    expect(cell(5, 'indicators_th')).toBe('2566 O27 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต\n2566 O28');
    expect(cell(6, 'carried_out_precision_th')).toBeNull();
  });

  it('when a cell starts with "=", then it is written as neutralised text, not a formula', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(data))));

    // Assert
    const cell = workbook.getWorksheet('measures')!.getRow(5).getCell(columnNumber('result_text'));
    expect(cell.value).toBe("'=cmd|' /C calc'!A0");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('when a column is numeric, then the cell is a number', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(data))));

    // Assert
    const row = workbook.getWorksheet('measures')!.getRow(2);
    expect(row.getCell(columnNumber('fiscal_year')).value).toBe(2566);
    expect(row.getCell(columnNumber('sequence')).value).toBe(1);
  });

  it('when the workbook is written, then a "columns" sheet documents every column id', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate(toExportRows(data))));

    // Assert
    const legend = workbook.getWorksheet('columns')!;
    const ids = legend.getColumn(1).values.slice(2);
    expect(ids).toEqual(MEASURE_EXPORT_COLUMNS.map((column) => column.id));
  });

  it('when there are no measures, then the workbook still opens with its header row', async () => {
    // Act
    const workbook = await readWorkbook(await writeToBuffer(iterate([])));

    // Assert
    expect(workbook.getWorksheet('measures')!.rowCount).toBe(1);
  });

  it('when the client goes away mid-export, then the writer stops with an error instead of waiting forever', async () => {
    // Arrange
    const [row] = toExportRows(buildReportData());
    const out = new PassThrough({ highWaterMark: 1024 }); // never read: the zip backs up into the sheet stream
    async function* endless(): AsyncIterable<MeasureExportRow> {
      for (let index = 0; ; index++) {
        if (index === 3000) out.destroy();
        yield row!;
      }
    }

    // Act
    const result = writeMeasuresXlsx(endless(), out);

    // Assert
    await expect(result).rejects.toThrow('The output closed before the export finished');
  });
});

describe('findSheetZipInput', () => {
  it('when exceljs has opened a sheet, then the stream into the zip is found (fails if an exceljs upgrade moves it)', async () => {
    // Arrange
    const out = new PassThrough();
    out.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
    const sheet = workbook.addWorksheet('probe');
    sheet.addRow(['x']).commit();

    // Act
    const input = findSheetZipInput(sheet);

    // Assert
    expect(input).toBeDefined();
    sheet.commit();
    await workbook.commit();
  });
});
