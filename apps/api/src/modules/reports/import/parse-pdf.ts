import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedReport } from '@prongsai/shared';
import { buildParsedReport, buildUnreadableReport } from './build-parsed-report';
import { decodeHtmlEntities } from '../../quality-checks/clean-text';
import { OCR_LIMITS, readImageByOcr, toolMissingReport } from './ocr';
import { buildSourceFromPages, type PlacedPage } from './page-layout';
import { runTool, ToolFailedError, ToolMissingError } from './run-tool';

/** What a PDF may ask of the tools (inside the parse job's own time limit). */
export const PDF_LIMITS = { maxPages: 60, timeoutMs: 8_000, memoryMb: 512, maxOutputBytes: 32 * 1024 * 1024 };

const PAGE =
  /<page width="([0-9.]+)" height="([0-9.]+)">|(<block )|<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/g;

/** pdftotext's -bbox-layout XHTML: pages of words with their boxes (y from the top). */
export function readBboxXhtml(xhtml: string): PlacedPage[] {
  const pages: PlacedPage[] = [];
  let block = 0;
  for (const match of xhtml.matchAll(PAGE)) {
    if (match[1] !== undefined) {
      pages.push({ items: [], height: Number(match[2]) });
      continue;
    }
    if (match[3] !== undefined) {
      block++;
      continue;
    }
    const [xMin, yMin, xMax, yMax] = [match[4], match[5], match[6], match[7]].map(Number) as [number, number, number, number];
    const text = decodeHtmlEntities(match[8] ?? '');
    pages[pages.length - 1]?.items.push({ text, x: xMin, y: yMin, width: xMax - xMin, size: yMax - yMin, block });
  }
  return pages;
}

/** Enough text on the pages to read them (a scan has none, or a stamp and a page number). */
export const hasTextLayer = (pages: PlacedPage[]) =>
  pages.reduce((sum, page) => sum + page.items.reduce((count, item) => count + item.text.trim().length, 0), 0) >= 200;

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'prongsai-import-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF the tools could not read, in their own words. */
const pdfUnreadable = (error: Error) =>
  buildUnreadableReport(`อ่านไฟล์ PDF ไม่ได้ (${error.message})`, null, { kind: 'pdfUnreadable', detail: error.message });

/**
 * A report from a PDF. Its text layer is read with poppler's pdftotext, which keeps the words' boxes and
 * honours the /ActualText that Word and LibreOffice write for Thai glyph clusters (pdfjs-dist drops it and
 * turns "คู่มือ" into "ค่่มือ": ADR 016). A PDF without a text layer (a scan) is read by OCR, and every
 * measure read that way is marked. Missing tools give a report whose warning says so, not a failure.
 */
export async function parseReportPdf(bytes: Uint8Array): Promise<ParsedReport> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, bytes);
    let pages: PlacedPage[];
    try {
      const xhtml = await runTool('pdftotext', ['-bbox-layout', '-l', String(PDF_LIMITS.maxPages), '-enc', 'UTF-8', file, '-'], PDF_LIMITS);
      pages = readBboxXhtml(xhtml.toString('utf8'));
    } catch (error) {
      if (error instanceof ToolMissingError) return toolMissingReport(error.tool);
      if (error instanceof ToolFailedError) return pdfUnreadable(error);
      throw error;
    }
    if (hasTextLayer(pages)) return buildParsedReport(buildSourceFromPages(pages, (page, line) => ({ place: 'pageLine', page, line })));
    return readScannedPdf(file, dir);
  });
}

/** A scanned PDF: each page as an image (pdftoppm), then OCR. */
async function readScannedPdf(file: string, dir: string): Promise<ParsedReport> {
  try {
    await runTool(
      'pdftoppm',
      ['-r', String(OCR_LIMITS.dpi), '-gray', '-png', '-l', String(OCR_LIMITS.maxPages), file, path.join(dir, 'page')],
      { ...PDF_LIMITS, timeoutMs: OCR_LIMITS.timeoutMs },
    );
  } catch (error) {
    if (error instanceof ToolMissingError) return toolMissingReport(error.tool);
    if (error instanceof ToolFailedError) return pdfUnreadable(error);
    throw error;
  }
  const images = (await readdir(dir)).filter((name) => /^page.*\.png$/.test(name)).sort();
  if (images.length === 0) return buildUnreadableReport('ไฟล์ PDF ไม่มีหน้าที่อ่านได้', null, { kind: 'pdfNoPages' });
  return readImageByOcr(images.map((name) => path.join(dir, name)));
}
