import type { Readable } from 'node:stream';
import { csvLine, neutraliseFormula, type ProvinceOverviewQuery, type ProvinceOverviewRow } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import type { FileResponse } from '../../lib/file-response';
import { AGENCY_TYPE_LABEL_TH, PLAN_STATUS_LABEL_TH } from '../reports/export';
import { listOverviewRows } from './review.service';

const COLUMNS: { header: string; value: (row: ProvinceOverviewRow) => string | number | null }[] = [
  { header: 'หน่วยงาน', value: (row) => row.nameTh },
  // Words for people (issue 16); the codes keep their own columns at the end.
  { header: 'ประเภท', value: (row) => AGENCY_TYPE_LABEL_TH[row.type] },
  { header: 'อำเภอ', value: (row) => row.districtNameTh },
  { header: 'สถานะแผน', value: (row) => (row.planStatus ? PLAN_STATUS_LABEL_TH[row.planStatus] : 'ยังไม่มีแผน') },
  { header: 'จำนวนมาตรการ', value: (row) => row.measures },
  { header: 'ดำเนินการแล้วเสร็จ (%)', value: (row) => row.completedPercent },
  { header: 'ไม่สามารถดำเนินการได้ (%)', value: (row) => row.notCarriedOutPercent },
  { header: 'ตัวชี้วัดที่ครอบคลุม', value: (row) => row.indicatorsCovered },
  { header: 'คำเตือน', value: (row) => row.warnings },
  { header: 'ปรับปรุงล่าสุด', value: (row) => row.lastUpdate },
  { header: 'คะแนน ITA', value: (row) => row.itaScore },
  { header: 'ระดับ ITA', value: (row) => row.itaBand },
  { header: 'รหัสประเภท (type)', value: (row) => row.type },
  { header: 'รหัสสถานะแผน (plan_status)', value: (row) => row.planStatus ?? 'none' },
];

function fileName(provinceId: number, query: ProvinceOverviewQuery, extension: string) {
  return `prongsai-overview-${provinceId}-${query.fiscalYear}.${extension}`;
}

/** The whole filtered overview (every page), as CSV with a BOM so Excel reads Thai. */
export async function exportOverviewCsv(actor: Actor, provinceId: number, query: ProvinceOverviewQuery): Promise<FileResponse> {
  const rows = await listOverviewRows(actor, provinceId, query); // scope and 404/403 first
  async function* lines() {
    yield `\uFEFF${csvLine(COLUMNS.map((column) => column.header))}`;
    for (const row of rows) yield csvLine(COLUMNS.map((column) => column.value(row)));
  }
  return { fileName: fileName(provinceId, query, 'csv'), contentType: 'text/csv; charset=utf-8', body: lines() };
}

/** The same as an Excel workbook: text cells that look like formulas are neutralised. */
export async function exportOverviewXlsx(actor: Actor, provinceId: number, query: ProvinceOverviewQuery): Promise<FileResponse> {
  const rows = await listOverviewRows(actor, provinceId, query);
  // Loaded on first use: exceljs is ~15 MB of the API's memory otherwise (docs/performance.md F9).
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const body = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: body, useStyles: true });
  // Printable as it opens, like the measures export: A4 landscape, one page wide, the header row on every page, Sarabun, wrapped.
  const sheet = workbook.addWorksheet('overview', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const font = { name: 'Sarabun', size: 11 };
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header,
    width: 20,
    style: { font, alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { ...font, bold: true };
  void (async () => {
    for (const row of rows) {
      sheet
        .addRow(
          COLUMNS.map((column) => {
            const value = column.value(row);
            return typeof value === 'string' ? neutraliseFormula(value) : value;
          }),
        )
        .commit();
    }
    await workbook.commit();
  })().catch((error: Error) => body.destroy(error));
  return {
    fileName: fileName(provinceId, query, 'xlsx'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: body as Readable,
  };
}
