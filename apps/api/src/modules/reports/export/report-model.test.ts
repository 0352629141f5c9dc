import { describe, expect, it } from 'vitest';
import { BANGSAINOI_MEASURES, buildReportData } from './report-fixture';
import { buildDefaultIntro, buildReportView, cleanText, formatFiscalPeriodLine, splitLines } from './report-model';

describe('buildReportView', () => {
  it('when the plan is FY2566, then the cover gives the year and the 12-month period in Thai digits', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const view = buildReportView(data);

    // Assert
    expect(view.fiscalYearLine).toBe('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(view.periodLine).toBe('รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ ถึง เดือนกันยายน ๒๕๖๖)');
    expect(view.agencyName).toBe('องค์การบริหารส่วนตำบลบางทรายน้อย');
  });

  it('when the agency has an address and contacts, then the cover lists them with Thai digits in phone and postcode', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const view = buildReportView(data);

    // Assert
    expect(view.agencyLocationLine).toBe('อำเภอหว้านใหญ่ จังหวัดมุกดาหาร');
    expect(view.contactLines).toEqual([
      'ที่ทำการองค์การบริหารส่วนตำบลบางทรายน้อย ตำบลบางทรายน้อย',
      'อำเภอหว้านใหญ่ จังหวัดมุกดาหาร ๔๙๑๕๐',
      'โทร. ๐๔๒-๖๓๙๐๒๖',
      'เว็บไซต์ www.bangsainoi.go.th',
      'Facebook : องค์การบริหารส่วนตำบลบางทรายน้อย',
    ]);
  });

  it('when the agency has no contacts, then the cover shows only what is known', () => {
    // Arrange
    const data = buildReportData();
    const agency = { ...data.agency, address: null, postcode: null, phone: null, website: null, facebook: null };

    // Act
    const view = buildReportView({ ...data, agency });

    // Assert
    expect(view.contactLines).toEqual(['อำเภอหว้านใหญ่ จังหวัดมุกดาหาร']);
  });

  it('when the plan has no intro text, then a default names the agency, the assessed year and the plan year', () => {
    // Arrange
    const data = buildReportData({ introText: null });

    // Act
    const view = buildReportView(data);

    // Assert
    expect(view.introParagraphs).toEqual([buildDefaultIntro('องค์การบริหารส่วนตำบลบางทรายน้อย', 2566)]);
    expect(view.introParagraphs[0]).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕');
    expect(view.introParagraphs[0]).toContain('ในปีงบประมาณ พ.ศ. ๒๕๖๖');
  });

  it('when the plan has an intro text, then its lines become the paragraphs', () => {
    // Arrange
    const data = buildReportData({ introText: 'ย่อหน้าแรก\r\n\r\nย่อหน้าที่สอง' });

    // Act
    const view = buildReportView(data);

    // Assert
    expect(view.introParagraphs).toEqual(['ย่อหน้าแรก', 'ย่อหน้าที่สอง']);
  });

  it('when measures arrive out of order, then rows follow the sequence', () => {
    // Arrange
    const data = buildReportData({ measures: [...BANGSAINOI_MEASURES].reverse() });

    // Act
    const view = buildReportView(data);

    // Assert
    expect(view.rows.map((row) => row.sequence)).toEqual(['๑', '๒', '๓', '๔', '๕']);
  });

  it('when a measure has sub-actions and an indicator, then they are numbered in Thai and the citation names its year', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const [first] = buildReportView(data).rows;

    // Assert
    expect(first!.measureLines[0]).toMatch(/^๑\. จัดให้บุคลากร/);
    expect(first!.measureLines[2]).toMatch(/^๓\. กำชับ/);
    expect(first!.indicatorLines).toEqual(['อ้างอิงตัวชี้วัด ITA ปี ๒๕๖๖ O๑๑ แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี']);
  });

  it('when a measure has no sub-actions, then its title stands in the measure column', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const fifth = buildReportView(data).rows[4]!;

    // Assert
    expect(fifth.measureLines).toEqual(['ประเมินความเสี่ยงการทุจริตประจำปี']);
  });

  it('when a date is known to the day, then the period gives the day', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const first = buildReportView(data).rows[0]!;

    // Assert
    expect(first.period).toBe('ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖');
  });

  it('when a date is known only to the month, then the period gives the month without inventing a day', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const second = buildReportView(data).rows[1]!;

    // Assert
    expect(second.period).toBe('ดำเนินการเมื่อ มีนาคม ๒๕๖๖');
  });

  it('when a measure was not carried out, then its reason stands in the ไม่สามารถดำเนินการได้ column', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const third = buildReportView(data).rows[2]!;

    // Assert
    expect(third.resultColumn).toBe('not_carried_out');
    expect(third.resultLines).toEqual(['เหตุผล: งบประมาณไม่เพียงพอ เนื่องจากต้องโอนงบไปใช้แก้ปัญหาภัยแล้ง']);
    expect(third.period).toBe('กำหนดการ ๑ เมษายน ๒๕๖๖ ถึง ๓๐ มิถุนายน ๒๕๖๖');
  });

  it('when a measure is completed, then its result text stands in the ดำเนินการแล้วเสร็จ column', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const first = buildReportView(data).rows[0]!;

    // Assert
    expect(first.resultColumn).toBe('completed');
    expect(first.resultLines[0]).toMatch(/^ให้เจ้าหน้าที่แต่ละส่วน/);
  });

  it('when a measure is in progress or planned, then its Thai outcome label spans both result columns', () => {
    // Arrange
    const data = buildReportData();

    // Act
    const [, , , fourth, fifth] = buildReportView(data).rows;

    // Assert
    expect(fourth).toMatchObject({ resultColumn: 'both', resultLabel: 'อยู่ระหว่างดำเนินการ' });
    expect(fifth).toMatchObject({ resultColumn: 'both', resultLabel: 'ยังไม่เริ่มดำเนินการ', period: '-' });
  });
});

describe('formatFiscalPeriodLine', () => {
  it('when the year is 2569, then the period runs October 2568 to September 2569', () => {
    expect(formatFiscalPeriodLine(2569)).toBe('รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๘ ถึง เดือนกันยายน ๒๕๖๙)');
  });
});

describe('cleanText and splitLines', () => {
  it('when a stored text holds control characters XML cannot carry, then they are dropped and line ends unified', () => {
    // Arrange
    const text = 'ก\u0000ข\u000Bค\r\nง\rจ\tฉ';

    // Act
    const result = cleanText(text);

    // Assert
    expect(result).toBe('กขค\nง\nจ\tฉ');
  });

  it('when a text has blank lines and padding, then only the non-empty trimmed lines remain', () => {
    expect(splitLines('  หนึ่ง \n\n สอง\n')).toEqual(['หนึ่ง', 'สอง']);
    expect(splitLines(null)).toEqual([]);
  });
});
