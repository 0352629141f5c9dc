/**
 * A report as read from any source, before interpretation: text lines and table rows in document
 * order. Text input gives a row per tab-separated line; .docx input gives a row per table row.
 * `where` names the place for messages ("บรรทัดที่ 31", "ตารางแถวที่ 4").
 */
export type ReportItem = { kind: 'line'; text: string; where: string } | { kind: 'row'; cells: string[]; where: string };

export interface ReportSource {
  items: ReportItem[];
}
