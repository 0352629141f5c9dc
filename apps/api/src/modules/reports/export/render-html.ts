import fs from 'node:fs';
import { createRequire } from 'node:module';
import { REPORT_COLUMNS, buildReportView, isHttpUrl, type ReportData, type ReportRowView, type ReportView } from './report-model';

export interface RenderHtmlOptions {
  /** @font-face rules put in the page; defaults to the inlined Sarabun of sarabunFontFaceCss(). */
  fontCss?: string;
}

// The unicode ranges of @fontsource/sarabun's own CSS: the browser picks the subset per character.
const SARABUN_SUBSETS = [
  { subset: 'thai', unicodeRange: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' },
  {
    subset: 'latin',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
] as const;
const SARABUN_WEIGHTS = [400, 700] as const;

let sarabunCss: string | undefined;

/**
 * @font-face rules for Sarabun 400 and 700 (Thai and Latin subsets) with the woff2 files inlined as
 * base64 data: URLs, so the page renders the same offline and in headless Chromium. About 56 kB.
 */
export function sarabunFontFaceCss(): string {
  sarabunCss ??= buildSarabunFontFaceCss();
  return sarabunCss;
}

function buildSarabunFontFaceCss(): string {
  const require = createRequire(import.meta.url);
  return SARABUN_WEIGHTS.flatMap((weight) =>
    SARABUN_SUBSETS.map(({ subset, unicodeRange }) => {
      const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
      const base64 = fs.readFileSync(file).toString('base64');
      return (
        `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${base64}) format('woff2');unicode-range:${unicodeRange};}`
      );
    }),
  ).join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

// A closing tag in the font CSS would end the <style> element early.
const escapeStyle = (css: string): string => css.replace(/<\/(style)/gi, '<\\/$1');

/** A CSS string literal: quotes, backslashes and line ends escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

/**
 * Running footer of every page but the cover: the agency and fiscal year on the left, "หน้า ๒ / ๖" in
 * Thai digits on the right (CSS page-margin boxes and the `thai` counter style; Chromium prints them).
 */
function pageMarginCss(view: ReportView): string {
  const box = "font-family: 'Sarabun', 'TH Sarabun New', sans-serif; font-size: 9pt; color: #333;";
  return [
    '@page {',
    `  @bottom-left { content: ${cssString(`${view.agencyName} · ${view.fiscalYearLine}`)}; ${box} }`,
    `  @bottom-right { content: "หน้า " counter(page, thai) " / " counter(pages, thai); ${box} }`,
    '}',
    '@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }',
  ].join('\n');
}

const REPORT_CSS = `
@page { size: A4 landscape; margin: 14mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: 'Sarabun', 'TH Sarabun New', 'TH SarabunPSK', sans-serif; font-size: 11.5pt; line-height: 1.45; color: #000; }
body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { max-width: 297mm; margin: 0 auto; padding: 12mm; } }
p { margin: 0; }
.cover { break-after: page; min-height: 178mm; display: flex; flex-direction: column; align-items: center; justify-content: space-between; text-align: center; padding: 8mm 0; }
.cover h1 { font-size: 22pt; line-height: 1.35; margin: 0 0 4mm; font-weight: 700; }
.cover .year { font-size: 18pt; font-weight: 700; }
.cover .period { font-size: 15pt; margin-top: 3mm; }
.cover .agency { font-size: 18pt; font-weight: 700; }
.cover .location { font-size: 15pt; }
.cover .contact { font-size: 13pt; font-style: normal; }
.report h2 { font-size: 14pt; text-align: center; margin: 0 0 3mm; font-weight: 700; }
.intro { text-indent: 2.5em; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; }
thead { display: table-header-group; }
th, td { border: 0.6pt solid #000; padding: 1.5mm 2mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #ececec; font-weight: 700; text-align: center; vertical-align: middle; }
tr { break-inside: auto; }
td p { orphans: 2; widows: 2; }
td.seq { text-align: center; }
td.period { text-align: center; }
.label { font-weight: 700; }
.ref { font-size: 9.5pt; color: #333; margin-top: 1mm; }
.meta { font-size: 9.5pt; margin-top: 1mm; }
a { color: #0645ad; overflow-wrap: anywhere; }
.signature { break-inside: avoid; margin: 10mm 0 0 50%; text-align: center; font-size: 13pt; line-height: 1.6; }
`;

// No script, no remote resource: the page is a document, also when Chromium prints it.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** The official report as one self-contained, print-ready HTML page (A4 landscape). All user text is escaped. */
export function renderReportHtml(data: ReportData, options: RenderHtmlOptions = {}): string {
  const view = buildReportView(data);
  const fontCss = options.fontCss ?? sarabunFontFaceCss();

  const cover = [
    '<section class="cover">',
    `<div><h1>${escapeHtml(view.title)}</h1>`,
    `<p class="year">${escapeHtml(view.fiscalYearLine)}</p>`,
    `<p class="period">${escapeHtml(view.periodLine)}</p></div>`,
    `<div><p class="agency">${escapeHtml(view.agencyName)}</p>`,
    view.agencyLocationLine ? `<p class="location">${escapeHtml(view.agencyLocationLine)}</p>` : '',
    '</div>',
    `<address class="contact">${paragraphs(view.contactLines)}</address>`,
    '</section>',
  ].join('');

  const report = [
    '<section class="report">',
    `<h2>${view.introHeading.map(escapeHtml).join('<br>')}</h2>`,
    paragraphs(view.introParagraphs, 'intro'),
    renderTable(view.rows),
    view.signatureLines.length ? `<section class="signature" aria-label="ลงนาม">${paragraphs(view.signatureLines)}</section>` : '',
    '</section>',
  ].join('');

  return [
    '<!doctype html>',
    '<html lang="th">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.documentTitle)}</title>`,
    `<style>${escapeStyle(fontCss)}\n${REPORT_CSS}\n${escapeStyle(pageMarginCss(view))}</style>`,
    '</head>',
    `<body>${cover}${report}</body>`,
    '</html>',
    '',
  ].join('\n');
}

function paragraphs(items: string[], className?: string): string {
  const open = className ? `<p class="${className}">` : '<p>';
  return items.map((item) => `${open}${escapeHtml(item)}</p>`).join('');
}

function renderTable(rows: ReportRowView[]): string {
  const head = [
    '<thead>',
    '<tr>',
    `<th scope="col" rowspan="2">${escapeHtml(REPORT_COLUMNS.sequence)}</th>`,
    `<th scope="col" rowspan="2">${escapeHtml(REPORT_COLUMNS.measure)}</th>`,
    `<th scope="colgroup" colspan="2">${escapeHtml(REPORT_COLUMNS.result)}</th>`,
    `<th scope="col" rowspan="2">${escapeHtml(REPORT_COLUMNS.summary)}</th>`,
    `<th scope="col" rowspan="2">${escapeHtml(REPORT_COLUMNS.period)}</th>`,
    '</tr>',
    '<tr>',
    `<th scope="col">${escapeHtml(REPORT_COLUMNS.notCarriedOut)}</th>`,
    `<th scope="col">${escapeHtml(REPORT_COLUMNS.completed)}</th>`,
    '</tr>',
    '</thead>',
  ].join('');
  const columns =
    '<colgroup><col style="width:5%"><col style="width:29%"><col style="width:13%"><col style="width:16%">' +
    '<col style="width:24%"><col style="width:13%"></colgroup>';
  const body = rows.length ? rows.map(renderRow).join('') : '<tr><td colspan="6" class="seq">ยังไม่มีมาตรการในแผนนี้</td></tr>';
  return `<table>${columns}${head}<tbody>${body}</tbody></table>`;
}

function renderRow(row: ReportRowView): string {
  const measure = paragraphs(row.measureLines) + paragraphs(row.indicatorLines, 'ref');
  const result = (row.resultLabel ? `<p class="label">${escapeHtml(row.resultLabel)}</p>` : '') + paragraphs(row.resultLines);
  const resultCells =
    row.resultColumn === 'both'
      ? `<td colspan="2">${result}</td>`
      : row.resultColumn === 'completed'
        ? `<td></td><td>${result}</td>`
        : `<td>${result}</td><td></td>`;
  const summary =
    paragraphs(row.summaryLines) +
    (row.responsible ? `<p class="meta">ผู้รับผิดชอบ: ${escapeHtml(row.responsible)}</p>` : '') +
    row.evidence.map(renderEvidence).join('');
  return (
    `<tr><td class="seq">${escapeHtml(row.sequence)}</td><td>${measure}</td>${resultCells}` +
    `<td>${summary}</td><td class="period">${escapeHtml(row.period)}</td></tr>`
  );
}

function renderEvidence(link: { url: string; label: string }): string {
  const label = escapeHtml(link.label || link.url);
  const target = isHttpUrl(link.url) ? `<a href="${escapeHtml(link.url)}">${label}</a>` : label;
  return `<p class="meta">หลักฐาน: ${target}</p>`;
}
