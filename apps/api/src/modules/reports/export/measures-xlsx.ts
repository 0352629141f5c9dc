import { once } from 'node:events';
import type { Stream } from 'node:stream';
import { neutraliseFormula } from '@prongsai/shared';
import { MEASURE_EXPORT_COLUMNS, toMeasureExportCells, type ExportCellValue } from './measures-csv';
import { cleanText, type MeasureExportRow } from './report-model';

// The same formula-injection rule as CSV cells (one implementation, in @prongsai/shared).
export { neutraliseFormula };

const toXlsxCell = (value: ExportCellValue): string | number | null =>
  typeof value === 'string' ? neutraliseFormula(cleanText(value)) : value;

const XLSX_FONT = { name: 'Sarabun', size: 11 };

const WIDE_COLUMNS = new Set(['title', 'actions', 'result_text', 'summary', 'outcome_reason']);

/** Rows between two looks at the output's backpressure. */
const DRAIN_CHECK_EVERY = 200;

/**
 * The measures as .xlsx, written with exceljs' streaming WorkbookWriter: each row is committed as it arrives.
 * Sheet "measures" has a Thai header row (the people's format; CSV carries the column ids), sheet "columns"
 * maps each column to its id, English header and description.
 */
export async function writeMeasuresXlsx(rows: AsyncIterable<MeasureExportRow>, out: NodeJS.WritableStream): Promise<void> {
  // exceljs types its output as a Stream; every NodeJS.WritableStream in practice (response, file, PassThrough) is one.
  const stream = out as NodeJS.WritableStream & Stream;
  // exceljs is about 25 MB resident: loaded on the first spreadsheet, not when the API starts (F9).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Prongsai';
  // Printable as it opens: A4 landscape, one page wide, the header row on every page, Sarabun, wrapped text.
  const sheet = workbook.addWorksheet('measures', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = MEASURE_EXPORT_COLUMNS.map((column) => ({
    header: column.header_th,
    key: column.id,
    width: WIDE_COLUMNS.has(column.id) ? 60 : Math.max(12, column.header_th.length + 4),
    style: { font: XLSX_FONT, alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { ...XLSX_FONT, bold: true };
  sheet.getRow(1).commit();

  // A client that goes away mid-export must not leave the writer waiting for a drain that never comes.
  const closed = new AbortController();
  const abort = () => closed.abort(new Error('The output closed before the export finished'));
  out.once('close', abort);
  out.once('error', abort);
  try {
    let count = 0;
    for await (const row of rows) {
      sheet.addRow(toMeasureExportCells(row).map(toXlsxCell)).commit();
      if (++count % DRAIN_CHECK_EVERY === 0) await waitForDrain(findSheetZipInput(sheet), closed.signal);
    }
  } finally {
    out.off('close', abort);
    out.off('error', abort);
  }
  sheet.commit();

  const legend = workbook.addWorksheet('columns');
  legend.columns = [
    { header: 'id', key: 'id', width: 24 },
    { header: 'header_th', key: 'header_th', width: 32 },
    { header: 'header_en', key: 'header_en', width: 28 },
    { header: 'description', key: 'description', width: 100 },
  ];
  legend.getRow(1).font = { bold: true };
  for (const column of MEASURE_EXPORT_COLUMNS) {
    legend.addRow([column.id, column.header_th, column.header_en, column.description].map(toXlsxCell)).commit();
  }
  legend.commit();
  await workbook.commit();
}

type DrainableStream = NodeJS.EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };

/**
 * exceljs 4 pipes each sheet's XML into the zip through a PassThrough and ignores its backpressure
 * (exceljs#2916): committed rows pile up there, about 3 kB each, while the zip deflates and the client
 * reads. This finds that PassThrough (exceljs internals, hence the defensive lookup) so the writer can
 * wait for it; a slow client then slows the writer down through the zip instead of filling memory.
 */
export function findSheetZipInput(sheet: unknown): DrainableStream | undefined {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  return first && typeof (first as DrainableStream).once === 'function' ? (first as DrainableStream) : undefined;
}

async function waitForDrain(input: DrainableStream | undefined, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (input && (input.writableNeedDrain ?? input._writableState?.needDrain)) {
    await once(input, 'drain', { signal }).catch((error: unknown) => {
      throw signal.aborted ? signal.reason : error;
    });
  } else await new Promise<void>((resolve) => setImmediate(resolve));
}
