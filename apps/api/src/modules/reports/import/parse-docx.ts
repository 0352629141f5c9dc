import type { ParsedReport } from '@prongsai/shared';
import { AppError } from '../../../lib/app-error';
import { fingerprint, readReportCopyXml, REPORT_COPY_PATH, restoreMeasure, type ReportCopy } from '../report-copy';
import { buildParsedReport, buildUnreadableReport, type SourceCopy } from './build-parsed-report';
import { decodeHtmlEntities } from '../../quality-checks/clean-text';
import { assertDocxWithinLimits, DOCX_LIMITS, type DocxLimits } from './docx-limits';
import type { ReportItem, ReportSource } from './report-source';

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
const MAX_SPAN = 50;

interface OpenCell {
  text: string;
  colspan: number;
  rowspan: number;
}

interface OpenTable {
  rows: OpenCell[][];
  row: OpenCell[] | null;
  cell: OpenCell | null;
}

const readSpan = (attributes: string, name: string): number => {
  const match = new RegExp(`${name}\\s*=\\s*["']?([0-9]+)`, 'i').exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return Math.min(Math.max(value, 1), MAX_SPAN);
};

/**
 * Lay merged cells out on a grid, as a tab-separated copy would: a cell spanning columns is
 * followed by empty cells, and rows under a cell spanning rows get an empty cell in its place.
 */
function expandSpans(rows: OpenCell[][]): string[][] {
  const pending: number[] = [];
  return rows.map((row) => {
    const cells: string[] = [];
    const fillPending = () => {
      while ((pending[cells.length] ?? 0) > 0) {
        pending[cells.length]! -= 1;
        cells.push('');
      }
    };
    for (const cell of row) {
      fillPending();
      const column = cells.length;
      cells.push(cell.text.trim());
      for (let extra = 1; extra < cell.colspan; extra++) cells.push('');
      for (let span = 0; span < cell.colspan; span++) {
        if (cell.rowspan > 1) pending[column + span] = cell.rowspan - 1;
      }
    }
    while (pending.slice(cells.length).some((count) => count > 0)) {
      if ((pending[cells.length] ?? 0) > 0) fillPending();
      else cells.push('');
    }
    return cells;
  });
}

/**
 * Paragraphs and table rows of mammoth's HTML, in document order. Paragraphs inside a cell are
 * kept as lines of the cell; a table nested in a cell is flattened into that cell's text.
 */
export function readHtmlDocument(html: string): ReportSource {
  const items: ReportItem[] = [];
  const tables: OpenTable[] = [];
  let paragraph = '';
  let paragraphCount = 0;
  let tableCount = 0;
  const outerTable = () => tables[0];
  const appendText = (text: string) => {
    const table = tables[tables.length - 1];
    if (tables.length === 0) paragraph += text;
    else if (tables.length === 1 && table?.cell) table.cell.text += text;
    else if (tables.length > 1 && outerTable()?.cell) outerTable()!.cell!.text += text;
  };
  const flushParagraph = () => {
    if (paragraph.trim() !== '') {
      items.push({ kind: 'line', text: paragraph.trim(), where: { place: 'paragraph', paragraph: ++paragraphCount } });
    }
    paragraph = '';
  };

  for (const token of html.matchAll(TOKEN)) {
    const [, closing, rawName, attributes = '', text] = token;
    if (text !== undefined) {
      appendText(decodeHtmlEntities(text));
      continue;
    }
    const name = rawName!.toLowerCase();
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (!closing) {
        if (tables.length === 0) flushParagraph();
        tables.push({ rows: [], row: null, cell: null });
      } else if (tables.length > 0) {
        const done = tables.pop()!;
        if (tables.length === 0) {
          tableCount++;
          expandSpans(done.rows).forEach((cells, index) => {
            items.push({ kind: 'row', cells, where: { place: 'tableRow', table: tableCount, row: index + 1 } });
          });
        } else appendText('\n');
      }
    } else if (tables.length > 1) {
      // Nested table: rows become lines and cells are separated by spaces inside the outer cell.
      if (closing && name === 'tr') appendText('\n');
      else if (closing && (name === 'td' || name === 'th')) appendText(' ');
      else if (name === 'br' || (closing && BLOCK_TAGS.has(name))) appendText('\n');
    } else if (table && name === 'tr') {
      if (!closing) table.row = [];
      else if (table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (table && (name === 'td' || name === 'th')) {
      if (!closing) {
        table.cell = { text: '', colspan: readSpan(attributes, 'colspan'), rowspan: readSpan(attributes, 'rowspan') };
      } else if (table.cell) {
        (table.row ??= []).push(table.cell);
        table.cell = null;
      }
    } else if (name === 'br' || (closing && BLOCK_TAGS.has(name))) {
      if (tables.length === 0) flushParagraph();
      else appendText('\n');
    }
  }
  flushParagraph();
  // mammoth drops empty paragraphs, so a blank line after each keeps paragraphs apart as in text.
  return { items: items.flatMap((item): ReportItem[] => (item.kind === 'line' ? [item, { ...item, text: '' }] : [item])) };
}

/**
 * A report from a .docx file: mammoth's HTML, then the same interpretation as text. An unreadable file
 * gives a report with a PARSE_PROBLEM warning; an archive over the unpacking limits (a zip bomb) throws
 * AppError ARCHIVE_LIMIT_EXCEEDED (422) before mammoth inflates anything.
 */
export async function parseReportDocx(buffer: Buffer, limits: DocxLimits = DOCX_LIMITS): Promise<ParsedReport> {
  try {
    await assertDocxWithinLimits(buffer, limits);
    // mammoth is loaded on the first .docx import, not when the API starts (F9).
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    const copy = await readCopy(buffer);
    return buildParsedReport(readHtmlDocument(value), copy ? sourceCopy(copy) : undefined);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const detail = (error as Error).message;
    return buildUnreadableReport(`อ่านไฟล์ .docx ไม่ได้: ${detail}`, null, { kind: 'docxUnreadable', detail });
  }
}

/** The plan's own data in a .docx exported by Prongsai (report-copy.ts), if any. */
async function readCopy(buffer: Buffer): Promise<ReportCopy | null> {
  const { default: JSZip } = await import('jszip');
  const entry = (await JSZip.loadAsync(buffer)).file(REPORT_COPY_PATH);
  return entry ? readReportCopyXml(await entry.async('string')) : null;
}

/** Rows and the introduction printed as exported (same fingerprint) come back from the copy; edited ones from their text. */
function sourceCopy(copy: ReportCopy): SourceCopy {
  const unused = new Set(copy.measures.keys());
  return {
    restoreRow(sequence, cells) {
      const print = fingerprint(cells);
      const index = [...unused].find((candidate) => copy.measures[candidate]!.fingerprint === print);
      if (index === undefined) return null;
      unused.delete(index);
      return restoreMeasure(sequence, copy.measures[index]!);
    },
    restoreIntro(headerLines) {
      for (let start = 0; start < headerLines.length; start++) {
        for (let end = start + 1; end <= headerLines.length; end++) {
          if (fingerprint(headerLines.slice(start, end)) === copy.introFingerprint) return { introText: copy.introText };
        }
      }
      return null;
    },
  };
}
