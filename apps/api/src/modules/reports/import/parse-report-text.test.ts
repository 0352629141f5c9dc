import { readFileSync } from 'node:fs';
import { ParsedReportSchema, type ParsedReport } from '@prongsai/shared';
import { describe, expect, it } from 'vitest';
import { parseReportText } from './parse-report-text';

const SAMPLE = readFileSync(new URL('./fixtures/report-2566-bangsainoi.txt', import.meta.url), 'utf8');

const measureOf = (report: ParsedReport, sequence: number) => {
  const measure = report.measures.find((candidate) => candidate.sequence === sequence);
  if (!measure) throw new Error(`measure ${sequence} missing`);
  return measure;
};
const sequencesWith = (report: ParsedReport, code: string) => [
  ...new Set(report.warnings.filter((warning) => warning.code === code).map((warning) => warning.sequence)),
];

const TABLE_HEADER = [
  'ลำดับที่\tมาตรการ / โครงการ / กิจกรรม\tผลลัพธ์หรือความสำเร็จของการดำเนินการ\t\tสรุปผลการดำเนินการ\tระยะเวลาในการดำเนินการ',
  '\t\tไม่สามารถ ดำเนินการได้\tดำเนินการ แล้วเสร็จ\t\t',
];

/** A small report in the sample's layout: an SAO in FY2567 with the given table rows. */
const buildReport = (rows: string[], fiscalYear = '2567') =>
  [
    `รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
    '',
    'องค์การบริหารส่วนตำบลทดสอบ',
    'อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000',
    'เว็บไซต์ https://www.thodsob.go.th',
    '',
    ...TABLE_HEADER,
    ...rows,
  ].join('\n');

describe('parseReportText on the Bang Sai Noi sample (FY2566)', () => {
  const report = parseReportText(SAMPLE);

  it('when the sample is imported, then the header is read', () => {
    // Arrange: the sample report, parsed once above

    // Act
    const { agency, fiscalYear } = report;

    // Assert
    expect(agency).toEqual({
      name: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
      district: 'ห้วยใหญ่',
      province: 'มุกดาหาร',
      postcode: '49150',
      phone: '042-639026',
      website: 'www.bangsainoi.go.th',
    });
    expect(fiscalYear).toBe(2566);
    expect(report.introText).toMatch(/^ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน/);
  });

  it('when the sample is imported, then its 8 measures come in order, all completed, and match the schema', () => {
    expect(report.measures.map((measure) => measure.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(report.measures.every((measure) => measure.outcome === 'completed')).toBe(true);
    expect(() => ParsedReportSchema.parse(report)).not.toThrow();
  });

  it('when measures cite ITA items, then the codes are read and the citation is kept as written', () => {
    expect(measureOf(report, 1).indicators).toEqual([{ fiscalYear: 2566, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }]);
    expect(measureOf(report, 8).indicators.map((indicator) => indicator.code)).toEqual(['O27', 'O28']);
    expect(measureOf(report, 8).indicators.map((indicator) => indicator.raw)).toEqual(['อ้างอิงจาก ๐๒๗', 'อ้างอิงจาก ๐๒๘']);
    expect([2, 3, 4, 5, 6, 7].every((sequence) => measureOf(report, sequence).indicators.length === 0)).toBe(true);
  });

  it('when dates are written with or without a day, then date and precision follow what was written', () => {
    const dates = report.measures.map((measure) => [measure.sequence, measure.carriedOut]);

    expect(dates).toEqual([
      [1, { date: '2023-03-07', precision: 'day' }],
      [2, { date: '2023-03-07', precision: 'day' }],
      [3, { date: '2023-03-01', precision: 'month' }],
      [4, { date: '2023-03-01', precision: 'month' }],
      [5, { date: '2023-01-01', precision: 'month' }],
      [6, { date: '2023-01-01', precision: 'month' }],
      [7, { date: '2023-04-01', precision: 'month' }],
      [8, { date: '2023-01-01', precision: 'month' }],
    ]);
    expect(measureOf(report, 4).carriedOutRaw).toBe('ดำเนินการเมื่อวันที่ มีนาคม ๒๕๖๖');
  });

  it('when a measure has numbered sub-actions, then the title is the first and the actions are all of them, unnumbered', () => {
    const first = measureOf(report, 1);

    expect(first.actions).toEqual([
      expect.stringMatching(/^จัดให้บุคลากรภายในหน่วยงานได้มีส่วนร่วม.*ตามวัตถุประสงค์ที่ตั้งไว้$/),
      'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด',
      'กำชับให้บุคลากรภายในหน่วยงานมีการขออนุญาตในการยืมทรัพย์สินอย่างถูกต้อง',
    ]);
    expect(first.title).toBe(first.actions[0]);
    expect(measureOf(report, 7).actions).toHaveLength(1);
  });

  it('when cells hold <p> fragments, then no tag is left in any text', () => {
    const texts = report.measures.flatMap((measure) => [measure.title, ...measure.actions, measure.resultText, measure.summary]);

    expect(texts.filter((text) => /<\/?p>/.test(text ?? ''))).toEqual([]);
    expect(measureOf(report, 6).actions[1]).toBe('เผยแพร่ช่องทางดังกล่าวในจุดที่บุคคลภายนอกสามารถสังเกตเห็นได้ง่ายและสะดวกในการใช้งาน');
  });

  it('when a result has PDF spacing artefacts, then the Thai fragments are joined', () => {
    expect(measureOf(report, 4).resultText).toContain('มีแนวทางในการกำกับ');
    expect(measureOf(report, 6).resultText).toContain('ต่าง ๆ เช่น ช่องทางออนไลน์ (Line, Facebook)');
  });

  it('when header rows repeat at page breaks, then they are skipped without parse problems', () => {
    expect(sequencesWith(report, 'PARSE_PROBLEM')).toEqual([]);
  });

  it('when the text names another SAO, then only that measure gets OTHER_AGENCY_MENTION', () => {
    const warning = report.warnings.find((candidate) => candidate.code === 'OTHER_AGENCY_MENTION');

    expect(sequencesWith(report, 'OTHER_AGENCY_MENTION')).toEqual([2]);
    expect(warning?.message).toContain('องค์การบริหารส่วนตำบลบ้านซ่ง');
  });

  it("when another agency's web address is cited, then only that measure gets OTHER_WEBSITE", () => {
    expect(sequencesWith(report, 'OTHER_WEBSITE')).toEqual([3]);
    expect(report.warnings.find((warning) => warning.code === 'OTHER_WEBSITE')?.message).toContain('www.banshong.go.th');
  });

  it('when "วันที่" is followed straight by a month, then DAY_LEFT_BLANK is raised, not for deliberate month-only dates', () => {
    expect(sequencesWith(report, 'DAY_LEFT_BLANK')).toEqual([4, 5]);
  });

  it('when result and summary repeat each other or sub-actions are pasted between measures, then DUPLICATE_TEXT is raised', () => {
    const duplicates = report.warnings.filter((warning) => warning.code === 'DUPLICATE_TEXT');

    expect(sequencesWith(report, 'DUPLICATE_TEXT')).toEqual([1, 3, 6, 7]);
    expect(duplicates.filter((warning) => warning.message.includes('ผลลัพธ์และสรุปผล')).map((warning) => warning.sequence)).toEqual([6, 7]);
    expect(duplicates.find((warning) => warning.sequence === 1)?.message).toContain('ซ้ำกับมาตรการที่ 3');
    expect(duplicates.find((warning) => warning.sequence === 3)?.message).toContain('ซ้ำกับมาตรการที่ 1');
  });

  it('when a completed measure names no link or document, then NO_EVIDENCE is raised (measure 5 cites its own website)', () => {
    expect(sequencesWith(report, 'NO_EVIDENCE')).toEqual([1, 2, 3, 4, 6, 7, 8]);
  });

  it('when all dates fall in the fiscal year, then no DATE_OUTSIDE_FISCAL_YEAR is raised', () => {
    expect(sequencesWith(report, 'DATE_OUTSIDE_FISCAL_YEAR')).toEqual([]);
  });
});

describe('parseReportText on synthetic reports', () => {
  it('when sequences, sub-actions, citations and dates use Arabic digits, then they are read the same way', () => {
    // Arrange
    const text = buildReport([
      '1.\t1. จัดทำคู่มือการปฏิบัติงาน (อ้างอิงจาก O13) 2. เผยแพร่คู่มือให้บุคลากร\t\tจัดทำคู่มือแล้ว\tเผยแพร่คู่มือที่ https://www.thodsob.go.th/manual\tวันที่ 15 ธันวาคม 2566',
      '2\t1) ประชุมชี้แจง 2) ติดตามผล\t\tประชุมแล้ว\tประชุมตามคำสั่งที่ 12/2567\t7/3/2567',
    ]);

    // Act
    const report = parseReportText(text);

    // Assert
    expect(report.fiscalYear).toBe(2567);
    expect(report.agency.postcode).toBe('40000');
    expect(report.agency.website).toBe('https://www.thodsob.go.th');
    expect(report.measures.map((measure) => measure.sequence)).toEqual([1, 2]);
    expect(report.measures[0]!.actions).toEqual(['จัดทำคู่มือการปฏิบัติงาน (อ้างอิงจาก O13)', 'เผยแพร่คู่มือให้บุคลากร']);
    expect(report.measures[0]!.indicators).toEqual([{ fiscalYear: 2567, code: 'O13', raw: 'อ้างอิงจาก O13' }]);
    expect(report.measures[0]!.carriedOut).toEqual({ date: '2023-12-15', precision: 'day' });
    expect(report.measures[1]!.actions).toEqual(['ประชุมชี้แจง', 'ติดตามผล']);
    expect(report.measures[1]!.carriedOut).toEqual({ date: '2024-03-07', precision: 'day' });
    expect(report.warnings).toEqual([]);
  });

  it('when the result stands in the "not carried out" column, then the outcome is not_carried_out with the reason kept', () => {
    const text = buildReport(['๑\t๑. จัดอบรมจริยธรรมให้บุคลากร\tไม่สามารถจัดอบรมได้เนื่องจากงบประมาณไม่เพียงพอ\t\t\tมีนาคม ๒๕๖๗']);

    const [measure] = parseReportText(text).measures;

    expect(measure).toMatchObject({
      outcome: 'not_carried_out',
      resultText: 'ไม่สามารถจัดอบรมได้เนื่องจากงบประมาณไม่เพียงพอ',
      outcomeReason: 'ไม่สามารถจัดอบรมได้เนื่องจากงบประมาณไม่เพียงพอ',
      carriedOut: { date: '2024-03-01', precision: 'month' },
    });
  });

  it('when both result columns are empty, then the measure is planned and gets no NO_EVIDENCE', () => {
    const report = parseReportText(buildReport(['๑\t๑. จัดอบรมจริยธรรมให้บุคลากร\t\t\t\t']));

    expect(report.measures[0]).toMatchObject({ outcome: 'planned', resultText: null, summary: null, carriedOut: null });
    expect(report.warnings).toEqual([]);
  });

  it('when a carried-out date is outside the fiscal year, then DATE_OUTSIDE_FISCAL_YEAR is raised for it', () => {
    const text = buildReport([
      '๑\t๑. จัดทำคู่มือ\t\tจัดทำคู่มือแล้ว\tเผยแพร่ที่ www.thodsob.go.th/manual\tดำเนินการเมื่อวันที่ ๕ พฤศจิกายน ๒๕๖๕',
      '๒\t๑. จัดประชุม\t\tประชุมแล้ว\tเผยแพร่ที่ www.thodsob.go.th/meeting\tดำเนินการเมื่อ ตุลาคม ๒๕๖๖',
    ]);

    const report = parseReportText(text);

    expect(sequencesWith(report, 'DATE_OUTSIDE_FISCAL_YEAR')).toEqual([1]);
    expect(report.warnings.find((warning) => warning.code === 'DATE_OUTSIDE_FISCAL_YEAR')?.message).toContain('2567');
  });

  it('when an impossible date is written, then the date is null and a PARSE_PROBLEM names it', () => {
    const report = parseReportText(buildReport(['๑\t๑. จัดทำคู่มือ\t\t\t\t๓๑ กุมภาพันธ์ ๒๕๖๗']));

    expect(report.measures[0]!.carriedOut).toBeNull();
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'PARSE_PROBLEM', sequence: 1 })]);
  });

  it('when a measure text has a heading before its numbered steps, then the heading is the title', () => {
    const report = parseReportText(buildReport(['๑\tมาตรการเผยแพร่ข้อมูล ๑. จัดทำประกาศ ๒. เผยแพร่ประกาศ\t\t\t\t']));

    expect(report.measures[0]).toMatchObject({ title: 'มาตรการเผยแพร่ข้อมูล', actions: ['จัดทำประกาศ', 'เผยแพร่ประกาศ'] });
  });

  it('when a measure is not numbered, then the whole text is the title and there are no actions', () => {
    const report = parseReportText(buildReport(['๑\tจัดทำประกาศเจตจำนงสุจริตของผู้บริหาร ปี 2567\t\t\t\t']));

    expect(report.measures[0]).toMatchObject({ title: 'จัดทำประกาศเจตจำนงสุจริตของผู้บริหาร ปี 2567', actions: [] });
  });

  it('when a quoted cell spans lines, or a row continues under a merged sequence cell, then the text joins its measure', () => {
    const text = buildReport([
      '๑\t"๑. จัดทำคู่มือ',
      '๒. เผยแพร่คู่มือ ""ฉบับใหม่"""\t\tจัดทำแล้ว\t\tมกราคม ๒๕๖๗',
      '\t๓. ติดตามการใช้คู่มือ\t\t\tมีการติดตามทุกไตรมาส\t',
      '๒\t๑. จัดประชุม\t\t\t\t',
    ]);

    const report = parseReportText(text);

    expect(report.measures.map((measure) => measure.sequence)).toEqual([1, 2]);
    expect(report.measures[0]!.actions).toEqual(['จัดทำคู่มือ', 'เผยแพร่คู่มือ "ฉบับใหม่"', 'ติดตามการใช้คู่มือ']);
    expect(report.measures[0]!.summary).toBe('มีการติดตามทุกไตรมาส');
    expect(sequencesWith(report, 'PARSE_PROBLEM')).toEqual([]);
  });

  it('when the table is pasted as Markdown, then its rows are read like tab-separated ones', () => {
    const text = [
      'ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
      '| ลำดับที่ | มาตรการ | ไม่สามารถดำเนินการได้ | ดำเนินการแล้วเสร็จ | สรุปผล | ระยะเวลา |',
      '|---|---|---|---|---|---|',
      '| ๑ | ๑. จัดทำคู่มือ | | จัดทำแล้ว | จัดทำคู่มือ | มกราคม ๒๕๖๗ |',
    ].join('\n');

    const report = parseReportText(text);

    expect(report.measures).toHaveLength(1);
    expect(report.measures[0]).toMatchObject({ outcome: 'completed', resultText: 'จัดทำแล้ว', actions: ['จัดทำคู่มือ'] });
  });

  it('when a row in the table has no sequence, then a PARSE_PROBLEM names its line and the other rows still import', () => {
    const text = buildReport(['ไม่มีลำดับ\tข้อความ\tอื่น ๆ\t\t\t', '๑\t๑. จัดทำคู่มือ\t\t\t\t']);

    const report = parseReportText(text);

    expect(report.measures).toHaveLength(1);
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'PARSE_PROBLEM', sequence: null, message: expect.stringContaining('บรรทัดที่ 9') }),
    ]);
    // ADR 026: the row's start quoted as written, its place as params, for the web to word in either language.
    expect(report.warnings[0]!.params).toEqual({ kind: 'rowWithoutSequence', value: 'ไม่มีลำดับ ข้อความ อื่น ๆ', place: 'line', line: 9 });
  });

  it.each([
    ['an empty string', ''],
    ['only whitespace and tabs', ' \t\t\n\t\n   '],
    ['random bytes', Buffer.from(Array.from({ length: 2000 }, (_, index) => (index * 7919) % 256)).toString('latin1')],
    ['unbalanced quotes and tags', '๑\t"<p>๑. ไม่ปิด\t<b\t\n"\t"\n๒\t<<<>>>\t&#xFFFFFFFF;\t&bogus;'],
    ['a huge single line', 'มี แนว ทาง '.repeat(50_000)],
    ['a table header with no rows', TABLE_HEADER.join('\n')],
  ])('when the input is %s, then it does not throw and reports the problem', (_label, text) => {
    const report = parseReportText(text);

    expect(() => ParsedReportSchema.parse(report)).not.toThrow();
    expect(report.warnings.some((warning) => warning.code === 'PARSE_PROBLEM')).toBe(true);
  });

  it('when the input is not a string at all, then a PARSE_PROBLEM comes back instead of an exception', () => {
    const report = parseReportText(undefined as unknown as string);

    expect(report.measures).toEqual([]);
    expect(report.warnings[0]?.code).toBe('PARSE_PROBLEM');
  });
});

describe('parseReportText: the signature block after the table', () => {
  it('when a report ends with a signature block, then its lines are not measures and raise no parse problem', () => {
    // Arrange: the position line is long enough to count as stray text without the rule
    const text = buildReport([
      '1\tจัดทำคู่มือการปฏิบัติงาน\t\tจัดทำคู่มือแล้ว\tเผยแพร่คู่มือบนเว็บไซต์\tมีนาคม 2567',
      '',
      '(ลงชื่อ) ........................................ ผู้รายงาน',
      '(นายสมชาย ใจดี)',
      'ตำแหน่ง ปลัดองค์การบริหารส่วนตำบลทดสอบ รักษาราชการแทนนายกองค์การบริหารส่วนตำบลทดสอบ',
      'วันที่ ........ เดือน .................... พ.ศ. ..........',
    ]);

    // Act
    const report = parseReportText(text);

    // Assert
    expect(report.measures.map((measure) => measure.sequence)).toEqual([1]);
    expect(measureOf(report, 1).summary).toBe('เผยแพร่คู่มือบนเว็บไซต์');
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM')).toEqual([]);
  });

  it('when long text after the table is no signature ("ลงชื่อเข้าร่วม…" has no dotted line), then it is still reported', () => {
    // Arrange
    const text = buildReport([
      '1\tจัดทำคู่มือการปฏิบัติงาน\t\tจัดทำคู่มือแล้ว\tเผยแพร่คู่มือบนเว็บไซต์\tมีนาคม 2567',
      'ลงชื่อเข้าร่วมโครงการอบรมคุณธรรมจริยธรรมทั้งหมดสี่สิบห้าคนจากทุกส่วนราชการ',
    ]);

    // Act
    const report = parseReportText(text);

    // Assert
    expect(report.warnings.filter((warning) => warning.code === 'PARSE_PROBLEM').map((warning) => warning.message)).toEqual([
      expect.stringContaining('ข้อความนอกตาราง'),
    ]);
  });
});
