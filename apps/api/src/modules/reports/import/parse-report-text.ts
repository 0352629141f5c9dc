import type { ParsedReport } from '@prongsai/shared';
import { buildParsedReport, buildUnreadableReport } from './build-parsed-report';
import { normaliseWhitespace } from '../../quality-checks/clean-text';
import type { ReportItem, ReportSource, SourcePlace } from './report-source';

// A quoted cell may run over several lines (Word and Excel copy multi-paragraph cells that way).
const MAX_QUOTED_LINES = 200;
// `[^\S\t]` is white space other than a tab: the tab that ends the cell is never ambiguous.
const ROW_START = /^\s*[0-9๐-๙]{1,3}(?:[^\S\t]*[.)])?[^\S\t]*\t/;
// Both are matched against a trimmed line. Every `\s*` below sits between two required tokens, so
// no run of white space can be split two ways: matching stays linear (a line of 200,000 spaces or
// tabs took 47 s with the old `^\s*\|?\s*` prefix).
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/** The closing quote of a quoted cell opened at (line, index): the text and where reading resumes. */
function readQuotedCell(lines: string[], line: number, index: number): { text: string; line: number; index: number } | null {
  let text = '';
  for (let at = line, i = index; at < lines.length && at - line < MAX_QUOTED_LINES; at++, i = 0) {
    const current = lines[at]!;
    if (at > line && ROW_START.test(current)) return null;
    for (; i < current.length; i++) {
      const char = current[i]!;
      if (char !== '"') {
        text += char;
      } else if (current[i + 1] === '"') {
        text += '"';
        i++;
      } else if (i + 1 === current.length || current[i + 1] === '\t') {
        return { text, line: at, index: i + 1 };
      } else {
        text += char;
      }
    }
    text += '\n';
  }
  return null;
}

/** One tab-separated record starting at `start`; quoted cells may span lines. */
function readRecord(lines: string[], start: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let cell = '';
  let line = start;
  let index = 0;
  let atCellStart = true;
  for (;;) {
    const current = lines[line]!;
    if (index >= current.length) {
      cells.push(cell);
      return { cells, next: line + 1 };
    }
    const char = current[index]!;
    if (char === '\t') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      index++;
      continue;
    }
    const quoted = char === '"' && atCellStart ? readQuotedCell(lines, line, index + 1) : null;
    if (quoted) {
      cell = quoted.text;
      line = quoted.line;
      index = quoted.index;
    } else {
      cell += char;
      index++;
    }
    atCellStart = false;
  }
}

/** The cells of a Markdown table row (`| a | b |`), or null when the line is not one. */
const readMarkdownCells = (trimmed: string): string[] | null =>
  trimmed.length >= 2 && trimmed.startsWith('|') && trimmed.endsWith('|')
    ? trimmed
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim())
    : null;

/** Lines and tab-separated rows (also Markdown table rows) of a report's text. */
export function splitReportText(text: string): ReportSource {
  const lines = normaliseWhitespace(text).split('\n');
  const items: ReportItem[] = [];
  for (let line = 0; line < lines.length;) {
    const current = lines[line]!;
    const where: SourcePlace = { place: 'line', line: line + 1 };
    const trimmed = current.trim();
    if (trimmed.includes('-') && MARKDOWN_RULE.test(trimmed)) {
      line++;
      continue;
    }
    const markdown = readMarkdownCells(trimmed);
    if (markdown) {
      items.push({ kind: 'row', cells: markdown, where });
      line++;
    } else if (current.includes('\t')) {
      const record = readRecord(lines, line);
      items.push({ kind: 'row', cells: record.cells, where });
      line = record.next;
    } else {
      items.push({ kind: 'line', text: current, where });
      line++;
    }
  }
  return { items };
}

/**
 * A report from its text as extracted from Word or PDF, or pasted from a table: the header, one
 * measure per table row, parse problems and quality warnings. Never throws.
 */
export function parseReportText(text: string): ParsedReport {
  try {
    return buildParsedReport(splitReportText(text));
  } catch (error) {
    const detail = (error as Error).message;
    return buildUnreadableReport(`อ่านรายงานไม่ได้: ${detail}`, null, { kind: 'reportUnreadable', detail });
  }
}
