import { ParsedReportSchema } from '@prongsai/shared';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseReportDocx, readHtmlDocument } from './parse-docx';

const cell = (paragraphs: string | string[], span: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: (Array.isArray(paragraphs) ? paragraphs : [paragraphs]).map((text) => new Paragraph(text)), ...span });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

/** A report laid out as agencies write them in Word: merged header cells, one paragraph per sub-action. */
async function buildReportDocx(): Promise<Buffer> {
  const header = () => [
    row(
      cell('ลำดับที่', { rowSpan: 2 }),
      cell('มาตรการ / โครงการ / กิจกรรม ที่ดำเนินการ', { rowSpan: 2 }),
      cell('ผลลัพธ์หรือความสำเร็จของการดำเนินการ', { columnSpan: 2 }),
      cell('สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', { rowSpan: 2 }),
      cell('ระยะเวลาในการดำเนินการ', { rowSpan: 2 }),
    ),
    row(cell('ไม่สามารถดำเนินการได้'), cell('ดำเนินการแล้วเสร็จ')),
  ];
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'),
          new Paragraph('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'),
          new Paragraph('องค์การบริหารส่วนตำบลบางทรายน้อย'),
          new Paragraph('อำเภอห้วยใหญ่ จังหวัดมุกดาหาร ๔๙๑๕๐'),
          new Paragraph('เว็บไซต์ www.bangsainoi.go.th'),
          new Table({
            rows: [
              ...header(),
              row(
                cell('๑'),
                cell(['๑. จัดให้บุคลากรมีส่วนร่วมในการจัดทำแผนการดำเนินงาน (อ้างอิงจาก ๐๑๑)', '๒. ติดตามแผนการใช้จ่ายงบประมาณ']),
                cell(''),
                cell('มีแผนการดำเนินงาน & แผนการใช้จ่ายงบประมาณรายไตรมาส'),
                cell('เผยแพร่ที่ www.bangsainoi.go.th/plan'),
                cell('ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖'),
              ),
              // Measure 2 runs over two table rows under one merged sequence cell.
              row(
                cell('๒.', { rowSpan: 2 }),
                cell('๑. จัดอบรมจริยธรรมให้บุคลากร'),
                cell('ไม่สามารถจัดอบรมได้เนื่องจากงบประมาณไม่เพียงพอ'),
                cell(''),
                cell(''),
                cell('ดำเนินการเมื่อ มีนาคม ๒๕๖๖'),
              ),
              row(cell('๒. จัดทำสื่อเผยแพร่ประมวลจริยธรรม'), cell(''), cell(''), cell('เลื่อนไปปีงบประมาณถัดไป'), cell('')),
            ],
          }),
          new Paragraph('ลงชื่อ ผู้รายงาน'),
          new Table({ rows: [...header(), row(cell('๓'), cell('๑. จัดทำคู่มือ'), cell(''), cell(''), cell(''), cell(''))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('parseReportDocx', () => {
  it('when a .docx report is built and parsed back, then header, measures, outcomes and dates are read', async () => {
    // Arrange
    const buffer = await buildReportDocx();

    // Act
    const report = await parseReportDocx(buffer);

    // Assert
    expect(report.agency).toMatchObject({
      name: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
      district: 'ห้วยใหญ่',
      province: 'มุกดาหาร',
      postcode: '49150',
      website: 'www.bangsainoi.go.th',
    });
    expect(report.fiscalYear).toBe(2566);
    expect(report.measures.map((measure) => measure.sequence)).toEqual([1, 2, 3]);
    expect(report.measures[0]).toMatchObject({
      title: 'จัดให้บุคลากรมีส่วนร่วมในการจัดทำแผนการดำเนินงาน (อ้างอิงจาก ๐๑๑)',
      actions: ['จัดให้บุคลากรมีส่วนร่วมในการจัดทำแผนการดำเนินงาน (อ้างอิงจาก ๐๑๑)', 'ติดตามแผนการใช้จ่ายงบประมาณ'],
      indicators: [{ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }],
      outcome: 'completed',
      resultText: 'มีแผนการดำเนินงาน & แผนการใช้จ่ายงบประมาณรายไตรมาส',
      carriedOut: { date: '2023-03-07', precision: 'day' },
    });
    expect(report.measures[1]).toMatchObject({
      actions: ['จัดอบรมจริยธรรมให้บุคลากร', 'จัดทำสื่อเผยแพร่ประมวลจริยธรรม'],
      outcome: 'not_carried_out',
      summary: 'เลื่อนไปปีงบประมาณถัดไป',
      carriedOut: { date: '2023-03-01', precision: 'month' },
    });
    expect(report.measures[2]).toMatchObject({ title: 'จัดทำคู่มือ', outcome: 'planned' });
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
    expect(() => ParsedReportSchema.parse(report)).not.toThrow();
  });

  it('when the buffer is not a .docx, then a PARSE_PROBLEM comes back instead of an exception', async () => {
    const report = await parseReportDocx(Buffer.from('this is not a zip file'));

    expect(report.measures).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'PARSE_PROBLEM', sequence: null })]);
  });
});

describe('readHtmlDocument', () => {
  it('when cells span rows and columns, then they are laid out on a grid like a tab-separated copy', () => {
    const html =
      '<table><tr><td rowspan="2">a</td><td colspan="2">b</td><td>c</td></tr>' + '<tr><td>d</td><td>e</td><td>f</td></tr></table>';

    const { items } = readHtmlDocument(html);

    expect(items).toEqual([
      { kind: 'row', cells: ['a', 'b', '', 'c'], where: { place: 'tableRow', table: 1, row: 1 } },
      { kind: 'row', cells: ['', 'd', 'e', 'f'], where: { place: 'tableRow', table: 1, row: 2 } },
    ]);
  });

  it('when paragraphs, entities and a nested table appear, then text is decoded and the nested table flattened into its cell', () => {
    const html =
      '<p>หัว &amp; ท้าย</p><table><tr><td><p>๑. ก</p><p>๒. ข</p></td>' +
      '<td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>';

    const { items } = readHtmlDocument(html);

    expect(items[0]).toEqual({ kind: 'line', text: 'หัว & ท้าย', where: { place: 'paragraph', paragraph: 1 } });
    expect(items[2]).toMatchObject({ kind: 'row', cells: ['๑. ก\n๒. ข', 'x y'] });
  });
});

describe('an exported report edited in Word (its rows no longer match the copy inside)', () => {
  it('when a row carries the printed indicator line, then the line becomes the indicator, not the end of the last sub-action', async () => {
    // Arrange: the layout Prongsai prints, without the embedded copy
    const { readHtmlDocument: read } = await import('./parse-docx');
    const { buildParsedReport } = await import('./build-parsed-report');
    const html =
      '<p>ประจำปีงบประมาณ พ.ศ. ๒๕๖๖</p><table><tr><td>ลำดับที่</td><td>มาตรการ / โครงการ / กิจกรรม ที่ดำเนินการ</td><td>ไม่สามารถดำเนินการได้</td><td>ดำเนินการแล้วเสร็จ</td></tr>' +
      '<tr><td>๑</td><td><p>๑. จัดทำแผน</p><p>๒. เผยแพร่แผน</p><p>อ้างอิงตัวชี้วัด ITA ปี ๒๕๖๕ O๑๑ การเปิดเผยแผน</p></td><td></td><td>ทำแล้ว</td></tr></table>';

    // Act
    const report = buildParsedReport(read(html));

    // Assert
    expect(report.measures[0]!.actions).toEqual(['จัดทำแผน', 'เผยแพร่แผน']);
    expect(report.measures[0]!.indicators).toEqual([{ fiscalYear: 2565, code: 'O11', raw: null }]);
  });
});
