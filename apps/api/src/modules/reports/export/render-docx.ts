import type { AlignmentType, Paragraph, ParagraphChild, Table, TableCell, TableRow, TextRun } from 'docx';
import { copyMeasure, fingerprint, REPORT_COPY_PATH, reportCopyXml, type ReportCopy } from '../report-copy';
import {
  EVIDENCE_PREFIX,
  REPORT_COLUMNS,
  RESPONSIBLE_PREFIX,
  buildReportView,
  isHttpUrl,
  reportRowTexts,
  type ReportData,
  type ReportRowView,
  type ReportView,
} from './report-model';

export const DOCX_FONT = 'TH Sarabun New';
export const DOCX_FALLBACK_FONT = 'Sarabun';

/** Half-points: TH Sarabun New 16 pt is the size of Thai official letters; 13 pt in the table keeps it as long as the PDF. */
const SIZE = { body: 32, table: 26, tableNote: 24, heading: 36, title: 44, coverLine: 36 } as const;
// Table text at exactly 1.2 lines: room for stacked Thai marks (checked with Laksaman in LibreOffice) and a report
// as long as its PDF (issue 16: 11 pages before, 7 now for the sample, PDF 6).
const TABLE_LINE = 1.2;

// A4 landscape in twentieths of a point, 2 cm margins.
const PAGE = { width: 16838, height: 11906, margin: 1134 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/**
 * ลำดับ | มาตรการ | ไม่สามารถ | แล้วเสร็จ | สรุปผล | ระยะเวลา, balanced on what the rows hold: a column's
 * share of the text columns grows with the square root of its text (long texts wrap, short ones need
 * little room), within floors; a result column no measure uses keeps only its header's width. The
 * sequence and period columns are fixed. Fewer, shorter rows split across fewer pages (issue 16).
 */
export function balanceColumnWidths(rows: ReportRowView[]): number[] {
  const sequence = Math.round(CONTENT_WIDTH * 0.05);
  const period = Math.round(CONTENT_WIDTH * 0.11);
  const free = CONTENT_WIDTH - sequence - period;
  const chars = (lines: (string | null)[]) => lines.reduce((sum, line) => sum + (line?.length ?? 0), 0);
  const inColumn = (column: 'not_carried_out' | 'completed') =>
    rows.reduce(
      (sum, row) =>
        sum + (row.resultColumn === column ? 1 : row.resultColumn === 'both' ? 0.5 : 0) * chars([row.resultLabel, ...row.resultLines]),
      0,
    );
  const texts = [
    rows.reduce((sum, row) => sum + chars([...row.measureLines, ...row.indicatorLines]), 0),
    inColumn('not_carried_out'),
    inColumn('completed'),
    rows.reduce((sum, row) => sum + chars([...row.summaryLines, row.responsible, ...row.evidence.map((link) => link.label)]), 0),
  ];
  const floors = [0.22, 0.1, 0.1, 0.16];
  const weights = texts.map((count) => Math.sqrt(count + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Floors first, then the rest of the room by weight.
  const spare = 1 - floors.reduce((sum, floor) => sum + floor, 0);
  const shares = weights.map((weight, index) => floors[index]! + (spare * weight) / total);
  const widths = shares.map((share) => Math.round(free * share));
  widths[3] = free - widths[0]! - widths[1]! - widths[2]!;
  return [sequence, widths[0]!, widths[1]!, widths[2]!, widths[3]!, period];
}

// OOXML has no font fallback list; the font table's altName is the only place to name one (a hint for Word).
// LibreOffice ignores it and substitutes through fontconfig (Laksaman, TLWG's TH Sarabun look-alike, on Debian).
// docx writes an empty font table, so this replaces it.
const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:font w:name="${DOCX_FONT}"><w:altName w:val="${DOCX_FALLBACK_FONT}"/><w:charset w:val="DE"/>` +
  '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
  `<w:font w:name="${DOCX_FALLBACK_FONT}"><w:charset w:val="DE"/><w:family w:val="swiss"/>` +
  '<w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

type Docx = typeof import('docx');
type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

let renderer: Promise<(data: ReportData) => Promise<Buffer>> | undefined;

/**
 * The official report as .docx: cover page, introduction, and the measures table with its header repeated per page.
 * The docx library (about 10 MB resident) is loaded on the first report, not when the API starts (F9).
 */
export async function renderReportDocx(data: ReportData): Promise<Buffer> {
  renderer ??= import('docx').then(createDocxRenderer);
  return (await renderer)(data);
}

/** The report's building blocks over the loaded library; the helpers close over its classes. */
function createDocxRenderer(docx: Docx): (data: ReportData) => Promise<Buffer> {
  const {
    AlignmentType,
    BorderStyle,
    Document,
    ExternalHyperlink,
    Footer,
    LineRuleType,
    NumberFormat,
    PageNumber,
    PageOrientation,
    Packer,
    Paragraph,
    ShadingType,
    TabStopType,
    Table,
    TableCell,
    TableLayoutType,
    TableRow,
    TextRun,
    VerticalAlign,
    WidthType,
  } = docx;

  /** Thai is complex script in Word: bold and size must be set for it too (w:bCs, w:szCs). */
  const run = (text: string, style: RunStyle = {}): TextRun =>
    new TextRun({
      text,
      bold: style.bold,
      boldComplexScript: style.bold,
      size: style.size,
      sizeComplexScript: style.size,
      color: style.color,
    });

  /**
   * Thai needs room above and below the line for stacked vowels and tone marks. "At least" 1.45 × the font
   * size keeps lines apart with substitutes whose metrics are tight (LibreOffice maps TH Sarabun New to
   * Laksaman, whose single spacing makes marks collide) and changes nothing where the font is roomier.
   */
  const lineSpacing = (size: number) =>
    size <= SIZE.table
      ? { line: Math.round(size * 10 * TABLE_LINE), lineRule: LineRuleType.EXACT }
      : { line: Math.round(size * 10 * 1.45), lineRule: LineRuleType.AT_LEAST };

  function paragraph(
    children: ParagraphChild[],
    options: { size?: number; alignment?: Alignment; before?: number; after?: number } = {},
  ): Paragraph {
    return new Paragraph({
      alignment: options.alignment,
      spacing: { ...lineSpacing(options.size ?? SIZE.body), before: options.before, after: options.after },
      children,
    });
  }

  const centered = (text: string, style: RunStyle, spacing: { before?: number; after?: number } = {}): Paragraph =>
    paragraph([run(text, style)], { size: style.size, alignment: AlignmentType.CENTER, ...spacing });

  async function render(data: ReportData): Promise<Buffer> {
    const view = buildReportView(data);
    const document = new Document({
      creator: 'Prongsai',
      title: view.documentTitle,
      description: view.title,
      styles: {
        default: {
          document: {
            run: { font: DOCX_FONT, size: SIZE.body, sizeComplexScript: SIZE.body, language: { value: 'th-TH', bidirectional: 'th-TH' } },
            paragraph: { spacing: { ...lineSpacing(SIZE.body), before: 0, after: 0 } },
          },
        },
      },
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              // docx expects the portrait size and swaps it for landscape.
              size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
              margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
              pageNumbers: { start: 1, formatType: NumberFormat.THAI_NUMBERS },
            },
          },
          footers: {
            first: new Footer({ children: [new Paragraph({})] }),
            // The agency and fiscal year, then "หน้า ๒ / ๖" at the right edge (a right tab stop).
            default: new Footer({
              children: [
                new Paragraph({
                  tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
                  spacing: lineSpacing(SIZE.tableNote),
                  children: [
                    new TextRun({
                      text: `${view.agencyName} · ${view.fiscalYearLine}`,
                      size: SIZE.tableNote,
                      sizeComplexScript: SIZE.tableNote,
                      color: '404040',
                    }),
                    new TextRun({
                      children: ['\tหน้า ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                      size: SIZE.tableNote,
                      sizeComplexScript: SIZE.tableNote,
                    }),
                  ],
                }),
              ],
            }),
          },
          children: [...buildCover(view), ...buildIntro(view), buildTable(view.rows), ...buildSignature(view.signatureLines)],
        },
      ],
    });
    const packed = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
    return finishPackage(packed, buildReportCopy(data, view));
  }

  function buildCover(view: ReportView): Paragraph[] {
    return [
      centered(view.title, { bold: true, size: SIZE.title }, { before: 400 }),
      centered(view.fiscalYearLine, { bold: true, size: SIZE.title }, { before: 120 }),
      centered(view.periodLine, { size: SIZE.coverLine }, { before: 240 }),
      centered(view.agencyName, { bold: true, size: SIZE.title }, { before: 900 }),
      ...(view.agencyLocationLine ? [centered(view.agencyLocationLine, { size: SIZE.coverLine })] : []),
      ...view.contactLines.map((line, index) => centered(line, { size: SIZE.body }, { before: index === 0 ? 600 : 0 })),
    ];
  }

  function buildIntro(view: ReportView): Paragraph[] {
    const [first, second] = view.introHeading;
    return [
      new Paragraph({
        pageBreakBefore: true,
        alignment: AlignmentType.CENTER,
        spacing: { ...lineSpacing(SIZE.heading), after: 200 },
        children: [
          run(first, { bold: true, size: SIZE.heading }),
          new TextRun({ break: 1 }),
          run(second, { bold: true, size: SIZE.heading }),
        ],
      }),
      ...view.introParagraphs.map(
        (text) =>
          new Paragraph({
            alignment: AlignmentType.THAI_DISTRIBUTE,
            indent: { firstLine: 720 },
            spacing: { ...lineSpacing(SIZE.body), after: 200 },
            children: [run(text)],
          }),
      ),
    ];
  }

  /**
   * The signature block under the table, centred in the right half of the page as in Thai official letters,
   * kept on one page. The importer stops reading at its "ลงชื่อ" line (build-parsed-report.ts).
   */
  function buildSignature(lines: string[]): Paragraph[] {
    return lines.map(
      (text, index) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          indent: { left: Math.round(CONTENT_WIDTH / 2) },
          keepNext: index < lines.length - 1,
          keepLines: true,
          spacing: { ...lineSpacing(SIZE.body), before: index === 0 ? 480 : 0 },
          children: [run(text)],
        }),
    );
  }

  const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 } as const;

  let COLUMN_WIDTHS: number[] = [];

  function cell(children: Paragraph[], options: { columns?: number[]; rowSpan?: number; header?: boolean } = {}): TableCell {
    const columns = options.columns ?? [];
    return new TableCell({
      children: children.length ? children : [paragraph([], { size: SIZE.table })],
      rowSpan: options.rowSpan,
      columnSpan: columns.length > 1 ? columns.length : undefined,
      width: { size: columns.reduce((sum, index) => sum + COLUMN_WIDTHS[index]!, 0), type: WidthType.DXA },
      verticalAlign: options.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
      margins: CELL_MARGINS,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    });
  }

  const headerCell = (text: string, columns: number[], rowSpan?: number): TableCell =>
    cell([centered(text, { bold: true, size: SIZE.tableNote })], { columns, rowSpan, header: true });

  const lines = (items: string[], style: RunStyle = { size: SIZE.table }, alignment?: Alignment): Paragraph[] =>
    items.map((text) => paragraph([run(text, style)], { size: style.size, alignment }));

  function buildTable(rows: ReportRowView[]): Table {
    COLUMN_WIDTHS = balanceColumnWidths(rows);
    // Both header rows are marked tableHeader so Word repeats them on every page.
    const header = [
      new TableRow({
        tableHeader: true,
        children: [
          headerCell(REPORT_COLUMNS.sequence, [0], 2),
          headerCell(REPORT_COLUMNS.measure, [1], 2),
          headerCell(REPORT_COLUMNS.result, [2, 3]),
          headerCell(REPORT_COLUMNS.summary, [4], 2),
          headerCell(REPORT_COLUMNS.period, [5], 2),
        ],
      }),
      new TableRow({
        tableHeader: true,
        children: [headerCell(REPORT_COLUMNS.notCarriedOut, [2]), headerCell(REPORT_COLUMNS.completed, [3])],
      }),
    ];
    const body = rows.length
      ? rows.map(buildRow)
      : [new TableRow({ children: [cell(lines(['ยังไม่มีมาตรการในแผนนี้']), { columns: [0, 1, 2, 3, 4, 5] })] })];
    return new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMN_WIDTHS,
      layout: TableLayoutType.FIXED,
      rows: [...header, ...body],
    });
  }

  function buildRow(row: ReportRowView): TableRow {
    const note = { size: SIZE.tableNote, color: '404040' };
    const measure = [...lines(row.measureLines), ...lines(row.indicatorLines, note)];
    const result = [...(row.resultLabel ? lines([row.resultLabel], { bold: true, size: SIZE.table }) : []), ...lines(row.resultLines)];
    const resultCells =
      row.resultColumn === 'both'
        ? [cell(result, { columns: [2, 3] })]
        : row.resultColumn === 'completed'
          ? [cell([], { columns: [2] }), cell(result, { columns: [3] })]
          : [cell(result, { columns: [2] }), cell([], { columns: [3] })];
    const summary = [
      ...lines(row.summaryLines),
      ...(row.responsible ? lines([`${RESPONSIBLE_PREFIX}${row.responsible}`], note) : []),
      ...row.evidence.map(buildEvidenceParagraph),
    ];
    return new TableRow({
      children: [
        cell(lines([row.sequence], { size: SIZE.table }, AlignmentType.CENTER), { columns: [0] }),
        cell(measure, { columns: [1] }),
        ...resultCells,
        cell(summary, { columns: [4] }),
        cell(lines([row.period], { size: SIZE.table }, AlignmentType.CENTER), { columns: [5] }),
      ],
    });
  }

  function buildEvidenceParagraph(link: { url: string; label: string }): Paragraph {
    const label = link.label || link.url;
    const target: ParagraphChild = isHttpUrl(link.url)
      ? new ExternalHyperlink({
          link: link.url,
          children: [new TextRun({ text: label, style: 'Hyperlink', size: SIZE.tableNote, sizeComplexScript: SIZE.tableNote })],
        })
      : run(label, { size: SIZE.tableNote });
    return paragraph([run(EVIDENCE_PREFIX, { size: SIZE.tableNote }), target], { size: SIZE.tableNote });
  }

  return render;
}

/** The plan's data for a lossless re-import, with a fingerprint of each printed row (report-copy.ts). */
function buildReportCopy(data: ReportData, view: ReportView): ReportCopy {
  const measures = [...data.plan.measures].sort((a, b) => a.sequence - b.sequence);
  return {
    version: 1,
    fiscalYear: data.plan.fiscalYear,
    introText: data.plan.introText ?? null,
    introFingerprint: fingerprint(view.introParagraphs),
    measures: measures.map((measure, index) => copyMeasure(measure, reportRowTexts(view.rows[index]!))),
  };
}

const CUSTOM_XML_RELATIONSHIP =
  '<Relationship Id="rIdProngsaiReportCopy" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" ' +
  `Target="../${REPORT_COPY_PATH}"/>`;

/**
 * "หน้า ๒ / ๖" in Word: the section's w:pgNumType w:fmt="thaiNumbers" formats PAGE, but NUMPAGES ignores
 * it, so both fields carry the Thai digits switch (ECMA-376 17.16.4.3, `\* ThaiArabic`); the section format
 * stays for page numbers a user inserts in Word. The switch is written THAIARABIC, as Word-writing
 * libraries write it (Word matches switch names regardless of case; no Word here to check it): LibreOffice 7.4 matches the name
 * case-sensitively and maps `ThaiArabic` to Thai LETTERS (ข / ฉ, a wrong page number), while it ignores
 * THAIARABIC and prints Arabic digits (2 / 6). LibreOffice cannot print Thai digits in a page field (ADR 022).
 */
export const THAI_PAGE_FIELDS = { page: 'PAGE \\* THAIARABIC', pages: 'NUMPAGES \\* THAIARABIC' } as const;

const withThaiPageFields = (footer: string): string =>
  footer
    .replace(/(<w:instrText[^>]*>)PAGE(<\/w:instrText>)/g, `$1${THAI_PAGE_FIELDS.page}$2`)
    .replace(/(<w:instrText[^>]*>)NUMPAGES(<\/w:instrText>)/g, `$1${THAI_PAGE_FIELDS.pages}$2`);

/**
 * The last touches docx cannot make: the Thai digit switch on the footers' page fields, and the copy as a
 * custom XML part of the main document (the package already maps .xml to application/xml).
 */
async function finishPackage(docx: Buffer, copy: ReportCopy): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  for (const footer of zip.file(/^word\/footer[0-9]*\.xml$/)) zip.file(footer.name, withThaiPageFields(await footer.async('string')));
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(relsPath, rels.replace('</Relationships>', `${CUSTOM_XML_RELATIONSHIP}</Relationships>`));
  zip.file(REPORT_COPY_PATH, reportCopyXml(copy));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
