import { toArabicDigits } from '@prongsai/shared';
import type { ReportItem, ReportSource, SourcePlace } from './report-source';

/**
 * Text placed on pages, as a PDF's text layer (pdfjs) or OCR (Tesseract's TSV) gives it, rebuilt into
 * the lines and table rows the report reader understands (report-source.ts). Coordinates are in page
 * units with y growing downwards; `x`/`y` are the left and the baseline (or top) of a piece.
 */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size (PDF) or the word's height (OCR). */
  size: number;
  /** The text block the reader put it in (pdftotext's blocks follow table cells): pieces of two blocks never join. */
  block?: number;
}

export interface PlacedPage {
  items: PlacedText[];
  height: number;
}

/** A run of text on one line: pieces that touch, joined. */
interface Fragment {
  block?: number;
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

interface Line {
  y: number;
  fragments: Fragment[];
  /** The pieces in reading order, for splitting the line at column edges. */
  items: PlacedText[];
}

// "๑", "12.", "๓)": a measure's number alone in the first column.
const SEQUENCE = /^[0-9๐-๙]{1,3}[.)]?$/;
const HEADER_START = /^ลำดั/;
const THAI = /[\u0E01-\u0E4E]/;
const LIST_NUMBER = /^[0-9๐-๙]{1,2}[.)]/;

/**
 * Thai as fonts draw it, back into the order and code points text uses: TH Sarabun New and Laksaman
 * draw sara am (ำ) as nikhahit + sara aa and some PDF writers map both glyphs (ำ + า, or ํ + า); a
 * tone mark placed before an upper vowel goes after it; a mark read one letter late goes back.
 */
export function normaliseThai(text: string): string {
  return (
    text
      .replace(/\u0E33\s*\u0E32/g, '\u0E33')
      .replace(/\u0E4D\s*\u0E32/g, '\u0E33')
      .replace(/([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E37\u0E47])/g, '$2$1')
      // A mark drawn at the end of its consonant but read after the next letter: a leading vowel (เ แ โ ใ ไ)
      // never carries one, and after mai han-akat (ั) the tone sits on the first consonant ("ตัง้" → "ตั้ง").
      .replace(/([\u0E40-\u0E44])([\u0E48-\u0E4C])/g, '$2$1')
      .replace(/\u0E31([\u0E01-\u0E2E])([\u0E48-\u0E4B])/g, '\u0E31$2$1')
      .replace(/ (?=[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])/g, '')
      .normalize('NFC')
  );
}

const COMBINING_ONLY = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+$/;

/**
 * Pieces on one line in reading order. A piece holding only Thai marks (drawn with no width at the
 * end of its consonant) sorts just before a piece starting at the same place, so "ข" "ั" "้" "น" keep
 * their order even when the next piece starts a hair to the left.
 */
const readingKey = (item: PlacedText) => (COMBINING_ONLY.test(item.text.trim()) ? item.x - 0.5 : item.x);

/** Pieces grouped into lines (same height on the page), top to bottom. */
function groupLines(items: PlacedText[]): PlacedText[][] {
  const sorted = items.filter((item) => item.text.trim() !== '').sort((a, b) => a.y - b.y);
  const lines: { y: number; items: PlacedText[] }[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(item.y - line.y) <= item.size * 0.3) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines.map((line) => line.items.sort((a, b) => readingKey(a) - readingKey(b)));
}

/** Joins the pieces of a line that touch into fragments; a gap wider than a fifth of the size is a space, wider than 0.45 of it (a cell border and its padding) a new fragment. */
function toFragments(items: PlacedText[]): Fragment[] {
  const fragments: Fragment[] = [];
  let current: Fragment | null = null;
  for (const item of items) {
    const gap = current ? item.x - current.end : 0;
    if (current && gap < current.size * 0.45 && current.block === item.block) {
      current.text += gap > current.size * 0.2 ? ` ${item.text}` : item.text;
      current.end = Math.max(current.end, item.x + item.width);
      continue;
    }
    current = { text: item.text, x: item.x, end: item.x + item.width, y: item.y, size: item.size, block: item.block };
    fragments.push(current);
  }
  return fragments
    .map((fragment) => ({ ...fragment, text: normaliseThai(fragment.text).trim() }))
    .filter((fragment) => fragment.text !== '');
}

const toPageLines = (page: PlacedPage): Line[] =>
  groupLines(page.items)
    .map((items) => ({ items, fragments: toFragments(items) }))
    .filter((line) => line.fragments.length > 0)
    .map((line) => ({ ...line, y: line.fragments[0]!.y }));

/** A line cut at the column edges: the text of each column on it ('' where none). */
function splitAtColumns(line: Line, columns: number[]): string[] {
  const tolerance = (line.items[0]?.size ?? 10) * 0.3;
  const pieces = columns.map((): PlacedText[] => []);
  for (const item of line.items) pieces[columnOf(columns, item.x + Math.min(item.width / 2, tolerance), 0)]!.push(item);
  return pieces.map((items) =>
    toFragments(items)
      .map((fragment) => fragment.text)
      .join(' '),
  );
}

const compact = (text: string) => text.replace(/\s+/g, '');
const lineText = (line: Line) => line.fragments.map((fragment) => fragment.text).join(' ');

/** Running headers and footers: a line whose text (digits aside) comes back at the same height on several pages. */
const marginKey = (line: Line) => `${Math.round(line.y / 4)}|${compact(toArabicDigits(lineText(line))).replace(/[0-9]/g, '#')}`;

function findRepeatedMargins(pages: Line[][]): Set<string> {
  const key = marginKey;
  const counts = new Map<string, number>();
  for (const lines of pages) for (const item of new Set(lines.map(key))) counts.set(item, (counts.get(item) ?? 0) + 1);
  const repeated = new Set<string>();
  if (pages.length < 3) return repeated;
  for (const lines of pages) {
    for (const line of lines) {
      const text = lineText(line);
      // Only short lines can be margins; a repeated table header is handled as a header.
      if ((counts.get(key(line)) ?? 0) >= Math.max(3, pages.length / 2) && text.length <= 80 && !HEADER_START.test(compact(text)))
        repeated.add(key(line));
    }
  }
  return repeated;
}

/** Joins the lines of one cell: Thai wrapped inside a word run joins without a space; a new numbered item starts a new line. */
function appendCellLine(cell: string, addition: string): string {
  if (cell === '') return addition;
  if (LIST_NUMBER.test(addition)) return `${cell}\n${addition}`;
  // A web address broken at the cell edge ("www.banshong.go.t" / "h") continues without a space.
  if (/(?:https?:\/\/|www\.)\S*$/i.test(cell) && /^[a-z0-9/._~%?#=&-]/i.test(addition)) return `${cell}${addition}`;
  const last = cell[cell.length - 1] ?? '';
  const first = addition[0] ?? '';
  return THAI.test(last) && THAI.test(first) ? `${cell}${addition}` : `${cell} ${addition}`;
}

interface TableShape {
  /** Left edges of the columns, in order. */
  columns: number[];
  /** The header's first line (compacted) and its height, to recognise it where it repeats. */
  headerKey: string;
  headerHeight: number;
}

const columnOf = (columns: number[], x: number, tolerance: number) => {
  let index = 0;
  for (let column = 0; column < columns.length; column++) if (x >= columns[column]! - tolerance) index = column;
  return index;
};

/**
 * Columns from the white space that runs down the table: an x covered by text on almost no line is a gap
 * between cells (a header cell spanning two columns covers it on a line or two only). Works alike for
 * a PDF's text layer and for OCR, where borders are not drawn as text.
 */
function findColumns(lines: Line[]): number[] {
  // Words, not fragments: a space inside a cell falls anywhere, a column gap at the same x on every line.
  const width = Math.ceil(Math.max(0, ...lines.flatMap((line) => line.items.map((item) => item.x + item.width)))) + 2;
  const coverage = new Array<number>(width).fill(0);
  for (const line of lines) {
    const covered = new Uint8Array(width);
    for (const item of line.items) for (let x = Math.max(0, Math.floor(item.x)); x < Math.ceil(item.x + item.width); x++) covered[x] = 1;
    covered.forEach((value, x) => {
      coverage[x]! += value;
    });
  }
  const threshold = Math.max(1, lines.length * 0.04);
  const minWidth = (lines[0]?.fragments[0]?.size ?? 10) * 0.25;
  const columns: number[] = [];
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const busy = x < width && coverage[x]! > threshold;
    if (busy && start < 0) start = x;
    if (!busy && start >= 0) {
      if (x - start >= minWidth) columns.push(start);
      start = -1;
    }
  }
  return columns;
}

/** The header band: from a line starting with "ลำดับ" down to the first line numbered like a measure. */
function readTableShape(lines: Line[], start: number, following: Line[]): { shape: TableShape; cells: string[]; end: number } | null {
  let end = start;
  while (end < lines.length && !SEQUENCE.test(lines[end]!.fragments[0]!.text)) end++;
  if (end === start || end - start > 12 || end >= lines.length) return null;
  const band = lines.slice(start, end);
  const columns = findColumns([...lines.slice(start), ...following]);
  if (columns.length < 2) return null;
  // The first column starts where the header and the first measure number do (paragraphs after the table start further left).
  columns[0] = Math.min(...[...band, lines[end]!].map((line) => line.items[0]!.x));
  const cells = columns.map(() => '');
  for (const line of band) {
    splitAtColumns(line, columns).forEach((text, column) => {
      if (text !== '') cells[column] = appendCellLine(cells[column]!, text);
    });
  }
  const headerHeight = lines[end - 1]!.y - lines[start]!.y;
  return { shape: { columns, headerKey: compact(lineText(band[0]!)), headerHeight }, cells, end };
}

/**
 * Pages of placed text into a report source: lines before the table, the header row once (repeats on
 * later pages dropped), one row per measure with its cells joined across lines and pages, and lines
 * after the table. Running headers and footers (the same short line on most pages) are left out.
 */
export function buildSourceFromPages(pages: PlacedPage[], where: (page: number, line: number) => SourcePlace): ReportSource {
  const pageLines = pages.map(toPageLines);
  const margins = findRepeatedMargins(pageLines);
  const items: ReportItem[] = [];
  let shape: TableShape | null = null;
  let row: { cells: string[]; where: SourcePlace } | null = null;
  const closeRow = () => {
    if (row) items.push({ kind: 'row', cells: row.cells, where: row.where });
    row = null;
  };

  const bodies = pageLines.map((allLines) => allLines.filter((line) => !margins.has(marginKey(line))));
  bodies.forEach((lines, pageIndex) => {
    let index = 0;
    while (index < lines.length) {
      const line = lines[index]!;
      const text = lineText(line);
      const place = where(pageIndex + 1, index + 1);
      const firstWords = compact(`${line.fragments[0]!.text}${lines[index + 1]?.fragments[0]?.text ?? ''}`);
      if (HEADER_START.test(compact(text)) || /^ลำดับ/.test(firstWords)) {
        if (shape && compact(text) === shape.headerKey) {
          // The header repeated on a new page: skip its band.
          const top = line.y;
          while (index < lines.length && lines[index]!.y <= top + shape.headerHeight + 1) index++;
          continue;
        }
        const read = readTableShape(lines, index, bodies.slice(pageIndex + 1).flat());
        if (read) {
          closeRow();
          shape = read.shape;
          items.push({ kind: 'row', cells: read.cells, where: place });
          index = read.end;
          continue;
        }
      }
      const inTable =
        shape !== null &&
        // A paragraph after the table starts at the margin, left of the first cell's padding, or runs across a column edge.
        line.items[0]!.x >= shape.columns[0]! - line.items[0]!.size * 0.15 &&
        line.items.every((item) => {
          const column = columnOf(shape!.columns, item.x, item.size * 0.15);
          const next = shape!.columns[column + 1];
          return next === undefined || item.x + item.width <= next + item.size * 0.2;
        });
      if (!shape || !inTable) {
        closeRow();
        items.push({ kind: 'line', text, where: place });
        index++;
        continue;
      }
      const cells = splitAtColumns(line, shape.columns);
      if (SEQUENCE.test(cells[0]!.trim())) {
        closeRow();
        row = { cells: shape.columns.map(() => ''), where: place };
      }
      if (!row) row = { cells: shape.columns.map(() => ''), where: place };
      const open = row;
      cells.forEach((text, column) => {
        if (text !== '') open.cells[column] = appendCellLine(open.cells[column]!, text);
      });
      index++;
    }
  });
  closeRow();
  return { items };
}
