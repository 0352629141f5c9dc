import zlib from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildManyMeasures, buildReportData } from './report-fixture';
import { renderReportDocx } from './render-docx';

/** One file of a zip (the .docx package), read through its central directory. */
function readZipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + skip;
  }
  throw new Error(`${name} is not in the package`);
}

describe('renderReportDocx', () => {
  it('when the report is rendered, then mammoth opens it and finds the agency, Thai digits and the cover period', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const docx = await renderReportDocx(data);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });

    // Assert
    expect(text).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(text).toContain('องค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(text).toContain('รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ ถึง เดือนกันยายน ๒๕๖๖)');
    expect(text).toContain('โทร. ๐๔๒-๖๓๙๐๒๖');
    expect(text).not.toMatch(/2566/);
  });

  it("when the report is rendered, then every measure's text is in the document", async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(data) });

    // Assert
    for (const measure of data.plan.measures) {
      const texts = [
        ...measure.actions,
        measure.resultText,
        measure.outcomeReason,
        ...(measure.summary?.split('\n') ?? []),
        ...(measure.actions.length ? [] : [measure.title]),
      ];
      for (const expected of texts.filter((item): item is string => Boolean(item))) expect(text).toContain(expected);
    }
    expect(text).toContain('อยู่ระหว่างดำเนินการ');
    expect(text).toContain('อ้างอิงตัวชี้วัด ITA ปี ๒๕๖๖ O๒๗');
  });

  it('when a date is known only to the month, then the document shows the month and no invented day', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(data) });

    // Assert
    expect(text).toContain('ดำเนินการเมื่อ มีนาคม ๒๕๖๖');
    expect(text).not.toContain('๑ มีนาคม ๒๕๖๖');
    expect(text).toContain('ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖');
  });

  it('when the report is rendered, then the page is A4 landscape and both header rows repeat on each page', async () => {
    // Arrange
    const data = buildReportData();

    // Act
    const document = readZipEntry(await renderReportDocx(data), 'word/document.xml');

    // Assert
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(document).toContain('<w:gridSpan w:val="2"/>');
    expect(document).toContain('ไม่สามารถดำเนินการได้');
  });

  it('when the report is rendered, then the footer numbers pages "หน้า ๒ / ๖" in Thai digits in Word (field switches and the section format)', async () => {
    // Arrange
    const docx = await renderReportDocx(buildReportData());

    // Act
    const document = readZipEntry(docx, 'word/document.xml');
    const footers = [readZipEntry(docx, 'word/footer1.xml'), readZipEntry(docx, 'word/footer2.xml')].join('');

    // Assert: NUMPAGES ignores the section's format in Word, so both fields carry the switch
    expect(footers).toContain('<w:instrText xml:space="preserve">PAGE \\* THAIARABIC</w:instrText>');
    expect(footers).toContain('<w:instrText xml:space="preserve">NUMPAGES \\* THAIARABIC</w:instrText>');
    expect(footers).not.toMatch(/>(PAGE|NUMPAGES)<\/w:instrText>/);
    expect(document).toContain('<w:pgNumType w:start="1" w:fmt="thaiNumbers"/>');
  });

  it('when the report is rendered, then TH Sarabun New is the font, with Sarabun named as its substitute', async () => {
    // Arrange
    const docx = await renderReportDocx(buildReportData());

    // Act
    const styles = readZipEntry(docx, 'word/styles.xml');
    const fontTable = readZipEntry(docx, 'word/fontTable.xml');

    // Assert
    expect(styles).toContain('w:cs="TH Sarabun New"');
    expect(styles).toContain('w:bidi="th-TH"');
    expect(fontTable).toContain('<w:font w:name="TH Sarabun New"><w:altName w:val="Sarabun"/>');
  });

  it('when stored text holds markup or a control character, then it is written as text and the package stays valid', async () => {
    // Arrange
    const [first, ...rest] = buildReportData().plan.measures;
    const data = buildReportData({ measures: [{ ...first!, summary: 'ก่อน\u0001หลัง <b>ตัวหนา</b> & อื่น ๆ' }, ...rest] });

    // Act
    const { value: text, messages } = await mammoth.extractRawText({ buffer: await renderReportDocx(data) });

    // Assert
    expect(messages.filter((message) => message.type === 'error')).toEqual([]);
    expect(text).toContain('ก่อนหลัง <b>ตัวหนา</b> & อื่น ๆ');
  });

  it('when the plan has no measures, then the table says so instead of being empty', async () => {
    // Arrange
    const data = buildReportData({ measures: [] });

    // Act
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx(data) });

    // Assert
    expect(text).toContain('ยังไม่มีมาตรการในแผนนี้');
  });

  it('when the plan has 10 measures, then the .docx is small, and twice the measures make less than twice the file', async () => {
    // Arrange (no wall-clock limit: a loaded CI machine must not fail it; `pnpm bench` times renders)
    const ten = buildReportData({ measures: buildManyMeasures(10) });
    const twenty = buildReportData({ measures: buildManyMeasures(20) });

    // Act
    const [small, large] = await Promise.all([renderReportDocx(ten), renderReportDocx(twenty)]);

    // Assert
    expect(small.length).toBeLessThan(100_000);
    expect(large.length).toBeGreaterThan(small.length);
    expect(large.length).toBeLessThan(2 * small.length);
  });
});
