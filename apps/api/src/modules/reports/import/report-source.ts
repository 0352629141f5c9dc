import type { ImportPlace } from '@prongsai/shared';

/**
 * Where an item stands in its source, for the problems found there: sent as `params` of a
 * PARSE_PROBLEM (`place` names one of IMPORT_PLACES, the numbers stand beside it) and written in
 * Thai into its message by `placeTh`.
 */
export type SourcePlace =
  | { place: 'paragraph'; paragraph: number }
  | { place: 'tableRow'; table: number; row: number }
  | { place: 'line'; line: number }
  | { place: 'pageLine' | 'imageLine'; page: number; line: number };

/** The place as the Thai message names it ("หน้า 2 บรรทัดที่ 14"). */
export function placeTh(where: SourcePlace): string {
  switch (where.place) {
    case 'paragraph':
      return `ย่อหน้าที่ ${where.paragraph}`;
    case 'tableRow':
      return `ตารางที่ ${where.table} แถวที่ ${where.row}`;
    case 'line':
      return `บรรทัดที่ ${where.line}`;
    case 'pageLine':
      return `หน้า ${where.page} บรรทัดที่ ${where.line}`;
    case 'imageLine':
      return `ภาพหน้า ${where.page} บรรทัดที่ ${where.line}`;
  }
}

/** The place as warning params (the type checks that every place is one the catalogues know). */
export const placeParams = (where: SourcePlace): { place: ImportPlace } & Record<string, string | number> => ({ ...where });

/**
 * A report as read from any source, before interpretation: text lines and table rows in document
 * order. Text input gives a row per tab-separated line; .docx input gives a row per table row.
 * `where` is the place problems name.
 */
export type ReportItem = { kind: 'line'; text: string; where: SourcePlace } | { kind: 'row'; cells: string[]; where: SourcePlace };

export interface ReportSource {
  items: ReportItem[];
}
