import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseReportDocx } from '../import/parse-docx';
import { buildReportData } from './report-fixture';
import { renderReportDocx } from './render-docx';
import { renderReportHtml } from './render-html';
import { findChromiumPath, renderReportPdf } from './render-pdf';
import type { ReportData } from './report-model';

/** The agency's signature block (ADR 022) at the end of the .docx, the print HTML and the PDF, and only when set. */

const run = promisify(execFile);
const SIGNED = { name: 'นายสมชาย ใจดี', position: 'นายกองค์การบริหารส่วนตำบลบางทรายน้อย', signedOn: '2024-03-07' };
const withSignature = (signature: ReportData['signature']): ReportData => ({ ...buildReportData(), signature });
/** The block's lines as a reader sees them, white space aside (pdftotext and mammoth space Thai differently). */
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'prongsai-signature-'));
  try {
    await writeFile(path.join(dir, 'report.pdf'), pdf);
    return (await run('pdftotext', [path.join(dir, 'report.pdf'), '-'])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the signature block of the official report', () => {
  it('when the agency set a block with a day, then the .docx ends with ลงชื่อ, the name in brackets, the position and the Thai date', async () => {
    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(withSignature(SIGNED)) });

    // Assert: after the last measure's row
    const tail = text.slice(text.lastIndexOf('ดำเนินการเมื่อ'));
    expect(tail).toContain('ลงชื่อ ........................................');
    expect(tail).toContain('(นายสมชาย ใจดี)');
    expect(tail).toContain('ตำแหน่ง นายกองค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(tail).toContain('วันที่ ๗ มีนาคม ๒๕๖๗');
  });

  it('when the block has no day, then the date is left as dotted blanks to write by hand', async () => {
    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(withSignature({ ...SIGNED, signedOn: null })) });

    // Assert
    expect(text).toContain('วันที่ ........ เดือน .................... พ.ศ. ..........');
    expect(text).not.toContain('๒๕๖๗');
  });

  it('when the agency has no block, then neither the .docx nor the HTML has one', async () => {
    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(withSignature(null)) });
    const html = renderReportHtml(withSignature(null), { fontCss: '' });

    // Assert
    expect(text).not.toContain('ลงชื่อ');
    expect(html).not.toContain('ลงชื่อ');
    expect(html).not.toContain('class="signature"');
  });

  it('when the print HTML is rendered, then the block follows the table, its text escaped', () => {
    // Arrange
    const data = withSignature({ ...SIGNED, name: 'นาย <b>ก</b>' });

    // Act
    const html = renderReportHtml(data, { fontCss: '' });

    // Assert
    const block = html.slice(html.indexOf('</table>'));
    expect(block).toContain('<section class="signature" aria-label="ลงนาม"><p>ลงชื่อ ........................................</p>');
    expect(block).toContain('<p>(นาย &lt;b&gt;ก&lt;/b&gt;)</p>');
    expect(block).toContain('<p>ตำแหน่ง นายกองค์การบริหารส่วนตำบลบางทรายน้อย</p><p>วันที่ ๗ มีนาคม ๒๕๖๗</p></section>');
  });

  it.skipIf(!findChromiumPath())(
    'when the PDF is printed, then its last page carries the block, and a PDF without a block has none',
    async () => {
      // Act
      const [signed, unsigned] = await Promise.all([renderReportPdf(withSignature(SIGNED)), renderReportPdf(withSignature(null))]);
      const [signedText, unsignedText] = [squeeze(await pdfText(signed)), squeeze(await pdfText(unsigned))];

      // Assert
      expect(signedText).toContain(squeeze('(นายสมชาย ใจดี)'));
      expect(signedText).toContain(squeeze('ตำแหน่ง นายกองค์การบริหารส่วนตำบลบางทรายน้อย'));
      expect(signedText).toContain(squeeze('วันที่ ๗ มีนาคม ๒๕๖๗'));
      expect(signedText).toContain('ลงชื่อ....');
      expect(unsignedText).not.toContain('ลงชื่อ');
    },
    90_000,
  );

  it('when a .docx with a block is imported again, then the plan comes back whole and the block is no parse problem', async () => {
    // Arrange
    const data = withSignature({ ...SIGNED, signedOn: null, position: 'ปลัดองค์การบริหารส่วนตำบลบางทรายน้อย รักษาราชการแทนนายก' });

    // Act
    const report = await parseReportDocx(await renderReportDocx(data));

    // Assert
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    expect(report.measures.map((measure) => measure.title)).toEqual(data.plan.measures.map((measure) => measure.title));
    expect(report.measures.map((measure) => measure.summary)).toEqual(data.plan.measures.map((measure) => measure.summary));
    expect(report.introText).toBe(data.plan.introText ?? null);
  });
});
