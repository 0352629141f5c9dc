import type { Response } from 'express';
import { csvLine, neutraliseFormula, type ProvinceOverviewQuery, type ProvinceOverviewRow } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { getProvinceOverview, queryOverview, toOverviewRow } from './review.service';

const COLUMNS: { header: string; value: (row: ProvinceOverviewRow) => string | number | null }[] = [
  { header: 'หน่วยงาน', value: (row) => row.nameTh },
  { header: 'ประเภท', value: (row) => row.type },
  { header: 'อำเภอ', value: (row) => row.districtNameTh },
  { header: 'สถานะแผน', value: (row) => row.planStatus ?? 'none' },
  { header: 'จำนวนมาตรการ', value: (row) => row.measures },
  { header: 'ดำเนินการแล้วเสร็จ (%)', value: (row) => row.completedPercent },
  { header: 'ไม่สามารถดำเนินการได้ (%)', value: (row) => row.notCarriedOutPercent },
  { header: 'ตัวชี้วัดที่ครอบคลุม', value: (row) => row.indicatorsCovered },
  { header: 'คำเตือน', value: (row) => row.warnings },
  { header: 'ปรับปรุงล่าสุด', value: (row) => row.lastUpdate },
  { header: 'คะแนน ITA', value: (row) => row.itaScore },
  { header: 'ระดับ ITA', value: (row) => row.itaBand },
];

function fileName(provinceId: number, query: ProvinceOverviewQuery, extension: string) {
  return `prongsai-overview-${provinceId}-${query.fiscalYear}.${extension}`;
}

/** The whole filtered overview (every page), as CSV with a BOM so Excel reads Thai. */
export async function writeOverviewCsv(actor: Actor, provinceId: number, query: ProvinceOverviewQuery, res: Response): Promise<void> {
  await getProvinceOverview(actor, provinceId, { ...query, pageSize: 1 }); // scope and 404/403 first
  const rows = (await queryOverview(provinceId, query, null)).map(toOverviewRow);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName(provinceId, query, 'csv')}"`);
  res.write(`\uFEFF${csvLine(COLUMNS.map((column) => column.header))}`);
  for (const row of rows) res.write(csvLine(COLUMNS.map((column) => column.value(row))));
  res.end();
}

export async function writeOverviewXlsx(actor: Actor, provinceId: number, query: ProvinceOverviewQuery, res: Response): Promise<void> {
  await getProvinceOverview(actor, provinceId, { ...query, pageSize: 1 });
  const rows = (await queryOverview(provinceId, query, null)).map(toOverviewRow);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName(provinceId, query, 'xlsx')}"`);
  // Loaded on first use: exceljs is ~15 MB of the API's memory otherwise (docs/performance.md F9).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const sheet = workbook.addWorksheet('overview');
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, width: 20 }));
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
}
