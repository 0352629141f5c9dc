import {
  toArabicDigits,
  type ParsedMeasure,
  type ParsedReport,
  type ParseProblemKind,
  type QualityWarning,
  type QualityWarningParams,
} from '@prongsai/shared';
import { cleanCellText, toSingleLine } from '../../quality-checks/clean-text';
import { checkMeasures } from '../../quality-checks/quality-checks';
import { readMeasureRow, type ColumnMap } from './read-measure-row';
import { readReportHeader } from './read-report-header';
import { placeParams, placeTh, type ReportItem, type ReportSource, type SourcePlace } from './report-source';

interface RawMeasure {
  sequence: number;
  cells: string[];
}

// No two `\s*` side by side (a run of spaces split two ways is quadratic): the optional mark takes its spaces with it.
const SEQUENCE_CELL = /^\s*([0-9๐-๙]{1,3})(?:\s*[.)])?\s*$/;
const SEQUENCE_WITH_TEXT = /^\s*([0-9๐-๙]{1,3})(?:\s*[.)])?\s+(\S[\s\S]*)$/;
const HEADER_CELL_MAX_LENGTH = 80;
// Stray text longer than this inside the table is reported; shorter lines are page numbers, signatures.
const STRAY_TEXT_MIN_LENGTH = 40;
const SNIPPET_LENGTH = 60;
// "ลงชื่อ ........" or "(ลงชื่อ) ____" after the table starts the signature block: its lines (name, position, date)
// are not measures. The dotted line is required: "ลงชื่อเข้าร่วมโครงการ" (signing up) may continue a cell.
const SIGNATURE_START = /^\(?\s*ลงชื่อ\s*\)?\s*[.…_]{3}/;

const HEADER_KEYWORDS: [keyof ColumnMap, RegExp][] = [
  ['sequence', /^ลำดับ/],
  ['notCarriedOut', /ไม่สามารถ|ไม่ได้ดำเนินการ|ยังไม่ดำเนินการ/],
  ['completed', /แล้วเสร็จ|ดำเนินการแล้ว/],
  ['summary', /สรุป/],
  ['result', /ผลลัพธ์|ความสำเร็จ|ผลการดำเนินการ/],
  ['period', /ระยะเวลา|ช่วงเวลา|ห้วงเวลา|วันที่ดำเนินการ|วัน\/เดือน\/ปี/],
  ['responsible', /ผู้รับผิดชอบ|หน่วยงานที่รับผิดชอบ/],
  ['evidence', /หลักฐาน|เอกสารอ้างอิง|ลิงก์|^link|^url/i],
  ['measure', /มาตรการ|โครงการ|กิจกรรม/],
];

const compact = (cell: string) => cleanCellText(cell).replace(/\s+/g, '');

function findHeaderField(cell: string): keyof ColumnMap | null {
  const text = compact(cell);
  if (text === '' || text.length > HEADER_CELL_MAX_LENGTH) return null;
  return HEADER_KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

function isHeaderRow(cells: string[]): boolean {
  if (SEQUENCE_CELL.test(cells[0] ?? '')) return false;
  const filled = cells.filter((cell) => compact(cell) !== '');
  const fields = filled.filter((cell) => findHeaderField(cell) !== null);
  return fields.length >= 2 || (fields.length === 1 && filled.length === 1);
}

function applyHeaderRow(columns: ColumnMap, cells: string[]): ColumnMap {
  const next = { ...columns };
  const seen = new Set<keyof ColumnMap>();
  cells.forEach((cell, index) => {
    const field = findHeaderField(cell);
    if (field && !seen.has(field)) {
      seen.add(field);
      next[field] = index;
    }
  });
  return next;
}

/** The usual layouts when a table comes without a header row. */
function guessColumns(width: number): ColumnMap {
  const none = { notCarriedOut: null, completed: null, result: null, summary: null, period: null, responsible: null, evidence: null };
  if (width >= 6) return { ...none, sequence: 0, measure: 1, notCarriedOut: 2, completed: 3, summary: 4, period: 5 };
  if (width === 5) return { ...none, sequence: 0, measure: 1, result: 2, summary: 3, period: 4 };
  if (width === 4) return { ...none, sequence: 0, measure: 1, result: 2, period: 3 };
  return { ...none, sequence: 0, measure: 1, result: width >= 3 ? 2 : null };
}

const readSequence = (cell: string) => Number(toArabicDigits(cell).replace(/[^0-9]/g, ''));

const snippet = (text: string) => {
  const line = toSingleLine(cleanCellText(text));
  return line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH)}…` : line;
};

const appendText = (existing: string | undefined, addition: string) =>
  existing && existing.trim() !== '' ? `${existing}\n${addition}` : addition;

/** Walks the items: header text before the table, then header rows, measure rows and their continuations. */
function collectTable(items: ReportItem[]) {
  const headerLines: string[] = [];
  const measures: RawMeasure[] = [];
  const problems: QualityWarning[] = [];
  let columns: ColumnMap | null = null;
  let headerWidth = 0;
  let inTable = false;
  let inSignature = false;
  let open: RawMeasure | null = null;
  // What the reader skipped, quoted (its start) with its place: the web writes the sentence around them in the reader's language.
  const skipped = (kind: 'textOutsideTable' | 'rowWithoutSequence', where: SourcePlace, value: string, message: string) =>
    problems.push({
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: `${placeTh(where)}: ${message}`,
      params: { kind, value, ...placeParams(where) },
    });
  const expectedWidth = () => headerWidth || Math.max(0, ...measures.map((measure) => measure.cells.length));
  const startMeasure = (sequence: number, cells: string[]): RawMeasure => {
    const measure = { sequence, cells };
    measures.push(measure);
    return measure;
  };

  for (const item of items) {
    if (item.kind === 'line') {
      const text = item.text.trim();
      if (!inTable) headerLines.push(item.text);
      else if (text === '' || inSignature) continue;
      else if (SIGNATURE_START.test(text)) inSignature = true;
      else if (open && open.cells.length < expectedWidth()) {
        const last = open.cells.length - 1;
        open.cells[last] = appendText(open.cells[last], text);
      } else if (text.length >= STRAY_TEXT_MIN_LENGTH) {
        const value = snippet(text);
        skipped('textOutsideTable', item.where, value, `ข้อความนอกตาราง ("${value}") ไม่ได้นำเข้า`);
      }
      continue;
    }

    const cells = item.cells;
    inSignature = false;
    if (isHeaderRow(cells)) {
      inTable = true;
      columns = applyHeaderRow(columns ?? guessColumns(cells.length), cells);
      headerWidth = Math.max(headerWidth, cells.length);
      open = null;
      continue;
    }
    const first = cells[0] ?? '';
    if (SEQUENCE_CELL.test(first)) {
      inTable = true;
      open = startMeasure(readSequence(first), cells.slice());
    } else if (!inTable) {
      headerLines.push(cells.join(' '));
    } else if (open && open.cells.length < expectedWidth()) {
      // A cell broken over several lines: the first fragment continues the open cell.
      const [head = '', ...rest] = cells;
      const last = open.cells.length - 1;
      open.cells[last] = appendText(open.cells[last], head);
      open.cells.push(...rest);
    } else if (open && compact(first) === '') {
      // A row under a vertically merged sequence cell belongs to the same measure.
      const merged = open;
      cells.forEach((cell, index) => {
        if (compact(cell) !== '') merged.cells[index] = appendText(merged.cells[index], cell);
      });
    } else {
      const joined = SEQUENCE_WITH_TEXT.exec(first);
      const previous = measures[measures.length - 1]?.sequence ?? 0;
      if (joined && readSequence(joined[1]!) === previous + 1 && cells.length < expectedWidth()) {
        open = startMeasure(previous + 1, [joined[1]!, joined[2]!, ...cells.slice(1)]);
      } else {
        const value = snippet(cells.join(' '));
        skipped('rowWithoutSequence', item.where, value, `อ่านแถวนี้ไม่ออก ไม่พบลำดับที่ของมาตรการ ("${value}")`);
      }
    }
  }
  return { headerLines, measures, problems, columns: columns ?? guessColumns(expectedWidth()) };
}

function checkSequences(measures: RawMeasure[]): QualityWarning[] {
  const seen = new Set<number>();
  const problems: QualityWarning[] = [];
  for (const measure of measures) {
    if (seen.has(measure.sequence)) {
      problems.push({
        code: 'PARSE_PROBLEM',
        sequence: measure.sequence,
        message: `ลำดับที่ ${measure.sequence} ซ้ำกันมากกว่าหนึ่งแถว`,
        params: { kind: 'duplicateSequence', sequence: measure.sequence },
      });
    }
    seen.add(measure.sequence);
  }
  return problems;
}

/**
 * What a source may know beyond its visible text (a .docx exported by Prongsai carries the plan's own
 * data, report-copy.ts): a measure for a row, or the introduction, when they were not edited.
 */
export interface SourceCopy {
  restoreRow(sequence: number, cells: string[]): ParsedMeasure | null;
  restoreIntro(headerLines: string[]): { introText: string | null } | null;
}

/** Interpret a read report: header, measures, parse problems, then the quality checks. */
export function buildParsedReport(source: ReportSource, copy?: SourceCopy): ParsedReport {
  const table = collectTable(source.items);
  const header = readReportHeader(table.headerLines);
  const intro = copy?.restoreIntro(table.headerLines);
  if (intro) header.introText = intro.introText;
  const rows = table.measures.map((raw) => {
    const restored = copy?.restoreRow(raw.sequence, raw.cells);
    return restored ? { measure: restored, problems: [] } : readMeasureRow(raw.sequence, raw.cells, table.columns, header.fiscalYear);
  });
  const measures = rows.map((row) => row.measure);
  const problems: QualityWarning[] = [...table.problems, ...checkSequences(table.measures), ...rows.flatMap((row) => row.problems)];
  if (measures.length === 0) {
    problems.unshift({
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: 'ไม่พบตารางมาตรการ (แถวที่ขึ้นต้นด้วยลำดับที่ และคั่นช่องด้วยแท็บ)',
      params: { kind: 'noMeasureTable' },
    });
  }
  if (header.fiscalYear === null) {
    problems.unshift({
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: 'ไม่พบปีงบประมาณในหัวรายงาน จึงไม่ได้ตรวจว่าวันที่อยู่ในปีงบประมาณหรือไม่',
      params: { kind: 'noFiscalYear' },
    });
  }
  const checks = checkMeasures(
    { agencyNameTh: header.agency.name ?? '', website: header.agency.website, fiscalYear: header.fiscalYear },
    measures,
  );
  return { ...header, measures, warnings: sortBySequence([...problems, ...checks]) };
}

/** Report-wide warnings first, then by measure sequence; the order within a measure is kept. */
function sortBySequence(warnings: QualityWarning[]): QualityWarning[] {
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => (a.warning.sequence ?? -1) - (b.warning.sequence ?? -1) || a.index - b.index)
    .map(({ warning }) => warning);
}

/** The result for input that could not be read at all: one PARSE_PROBLEM, with the kind the screens word it from. */
export function buildUnreadableReport(
  message: string,
  fiscalYear: number | null,
  params: { kind: ParseProblemKind } & QualityWarningParams,
): ParsedReport {
  return {
    agency: { name: null, district: null, province: null, postcode: null, phone: null, website: null },
    fiscalYear,
    introText: null,
    measures: [],
    warnings: [{ code: 'PARSE_PROBLEM', sequence: null, message, params }],
  };
}
