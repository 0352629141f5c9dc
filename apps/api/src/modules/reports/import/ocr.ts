import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedReport } from '@prongsai/shared';
import { buildParsedReport, buildUnreadableReport } from './build-parsed-report';
import { buildSourceFromPages, type PlacedPage } from './page-layout';
import { runTool, ToolFailedError, ToolMissingError } from './run-tool';

/** OCR limits: pages read, resolution, time per page (a Thai A4 page takes a few seconds per core). */
export const OCR_LIMITS = { maxPages: 10, dpi: 200, timeoutMs: 60_000, memoryMb: 1024, maxOutputBytes: 16 * 1024 * 1024 };

/** Tesseract's TSV: words (level 5) with boxes; words of one Tesseract line share its top. */
export function readTesseractTsv(tsv: string): PlacedPage {
  const items: PlacedPage['items'] = [];
  let height = 0;
  const lineTops = new Map<string, { top: number; height: number }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, boxHeight, confidence] = cells.map(Number) as number[];
    // Table borders come back as "|", "!", "[" or "]" stuck to words: they are not text, and the word's
    // box shrinks by their share of it (a border must not look like text running across a column gap).
    const raw = cells.slice(11).join('\t').trim();
    const lead = /^[|![\]]*/.exec(raw)![0].length;
    const trail = /[|![\]]*$/.exec(raw)![0].length;
    const text = raw.slice(lead, raw.length - trail);
    const share = raw.length > 0 ? width! / raw.length : 0;
    const key = `${block}.${paragraph}.${line}`;
    if (level === 1) height = boxHeight!;
    if (level === 4) lineTops.set(key, { top: top!, height: boxHeight! });
    if (level !== 5 || text === '' || confidence! < 0) continue;
    const lineBox = lineTops.get(key) ?? { top: top!, height: boxHeight! };
    items.push({ text, x: left! + lead * share, y: lineBox.top, width: text.length * share, size: Math.max(lineBox.height, 1) });
  }
  return { items, height };
}

/** Marks every measure of a report as read by OCR: the preview shows it on each field, and a warning asks for a check. */
function markReadByOcr(report: ParsedReport): ParsedReport {
  return {
    ...report,
    readByOcr: true,
    measures: report.measures.map((measure) => ({ ...measure, readByOcr: true })),
    warnings: [
      {
        code: 'OCR_TEXT',
        sequence: null,
        params: {},
        message: 'ไฟล์นี้เป็นภาพสแกน ข้อความทุกช่องอ่านด้วย OCR อาจผิดพลาด กรุณาตรวจทุกช่องก่อนบันทึก (every field was read by OCR: check each one)',
      },
      ...report.warnings,
    ],
  };
}

/** Reads page images (PNG/JPEG/TIFF files) with Tesseract's Thai and English models, page by page. */
export async function readImageByOcr(files: string[]): Promise<ParsedReport> {
  const pages: PlacedPage[] = [];
  for (const file of files.slice(0, OCR_LIMITS.maxPages)) {
    try {
      const tsv = await runTool('tesseract', [file, 'stdout', '-l', 'tha+eng', '--psm', '4', 'tsv'], OCR_LIMITS);
      pages.push(readTesseractTsv(tsv.toString('utf8')));
    } catch (error) {
      if (error instanceof ToolMissingError) return toolMissingReport(error.tool);
      if (error instanceof ToolFailedError) {
        const seconds = OCR_LIMITS.timeoutMs / 1000;
        return error.reason === 'timeout'
          ? buildUnreadableReport(`อ่านภาพด้วย OCR ไม่เสร็จภายใน ${seconds} วินาทีต่อหน้า`, null, { kind: 'ocrTimeout', seconds })
          : buildUnreadableReport(`อ่านภาพด้วย OCR ไม่ได้ (${error.message})`, null, { kind: 'ocrUnreadable', detail: error.message });
      }
      throw error;
    }
  }
  return markReadByOcr(buildParsedReport(buildSourceFromPages(pages, (page, line) => ({ place: 'imageLine', page, line }))));
}

/** A photo or scan of a report page (PNG, JPEG or TIFF bytes). */
export async function parseReportImage(bytes: Uint8Array): Promise<ParsedReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'prongsai-ocr-'));
  try {
    const file = path.join(dir, 'page');
    await writeFile(file, bytes);
    return await readImageByOcr([file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The report when a tool the file needs is not installed: the preview says which, and how to continue. */
export function toolMissingReport(tool: string): ParsedReport {
  const report = buildUnreadableReport(
    `เครื่องแม่ข่ายนี้ไม่ได้ติดตั้ง ${tool} จึงอ่านไฟล์นี้ไม่ได้ กรุณาแนบไฟล์ .docx หรือวางข้อความแทน หรือแจ้งผู้ดูแลระบบ (${tool} is not installed on this server)`,
    null,
    { kind: 'toolMissing', tool },
  );
  report.warnings = report.warnings.map((warning) => ({
    ...warning,
    ...(tool === 'tesseract' ? { code: 'OCR_UNAVAILABLE', params: {} } : { code: 'PARSE_PROBLEM' }),
  }));
  return report;
}
