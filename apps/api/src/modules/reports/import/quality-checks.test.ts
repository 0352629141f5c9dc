import { CheckableMeasureSchema, QualityWarningSchema, type CheckableMeasure, type QualityCheckContext } from '@prongsai/shared';
import { describe, expect, it } from 'vitest';
import { checkMeasures } from './quality-checks';

const CONTEXT: QualityCheckContext = {
  agencyNameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  website: 'www.bangsainoi.go.th',
  fiscalYear: 2566,
};

/** A clean, completed measure as entered by hand; each test spoils one thing. */
const aMeasure = (overrides: Partial<CheckableMeasure> = {}): CheckableMeasure => ({
  sequence: 1,
  title: 'จัดทำคู่มือการใช้ทรัพย์สินของราชการ',
  actions: ['จัดทำคู่มือการใช้ทรัพย์สินของราชการ', 'เผยแพร่คู่มือให้บุคลากรถือปฏิบัติ'],
  resultText: 'มีคู่มือการใช้ทรัพย์สินของราชการ',
  summary: 'งานพัสดุจัดทำคู่มือและเวียนแจ้งบุคลากรทุกคนให้ถือปฏิบัติ',
  outcome: 'completed',
  carriedOut: { date: '2023-03-07', precision: 'day' },
  carriedOutRaw: '๗ มีนาคม ๒๕๖๖',
  evidence: [{ url: 'https://www.bangsainoi.go.th/manual.pdf', label: 'คู่มือ' }],
  ...overrides,
});

const codesOf = (measure: CheckableMeasure, context: QualityCheckContext = CONTEXT) =>
  checkMeasures(context, [measure]).map((warning) => warning.code);

describe('checkMeasures', () => {
  it('when a measure is clean, then there is no warning', () => {
    // Arrange
    const measure = aMeasure();

    // Act
    const warnings = checkMeasures(CONTEXT, [measure]);

    // Assert
    expect(warnings).toEqual([]);
  });

  it('when a warning is raised, then it has a stable code, the measure sequence and a Thai message', () => {
    const warnings = checkMeasures(CONTEXT, [aMeasure({ sequence: 4, evidence: [] })]);

    expect(warnings).toEqual([{ code: 'NO_EVIDENCE', sequence: 4, message: expect.stringContaining('มาตรการที่ 4') }]);
    expect(() => QualityWarningSchema.array().parse(warnings)).not.toThrow();
  });

  it('when a stored measure is mapped to the plain shape, then the schema accepts it and the checks run on it', () => {
    const stored = { ...aMeasure(), id: 'm-1', version: 3, indicators: [] };

    const checkable = CheckableMeasureSchema.parse(stored);

    expect(checkMeasures(CONTEXT, [checkable])).toEqual([]);
  });

  describe('OTHER_AGENCY_MENTION', () => {
    it.each([
      ['the full name of another SAO', 'รายงานผลต่อองค์การบริหารส่วนตำบลบ้านซ่งโดยปรับปรุง', 'องค์การบริหารส่วนตำบลบ้านซ่ง'],
      ['an abbreviated SAO', 'ตามแนวทางของ อบต.บ้านซ่ง', 'อบต.บ้านซ่ง'],
      ['a municipality', 'ร่วมกับเทศบาลตำบลคำชะอี', 'เทศบาลตำบลคำชะอี'],
      ['a provincial organisation', 'ตามหนังสือองค์การบริหารส่วนจังหวัดมุกดาหาร', 'องค์การบริหารส่วนจังหวัดมุกดาหาร'],
    ])('when the text names %s, then it is flagged with that name', (_label, text, name) => {
      const warnings = checkMeasures(CONTEXT, [aMeasure({ resultText: text })]);

      expect(warnings).toEqual([expect.objectContaining({ code: 'OTHER_AGENCY_MENTION', message: expect.stringContaining(name) })]);
    });

    it.each([
      ['its own full name', 'องค์การบริหารส่วนตำบลบางทรายน้อยได้จัดทำคู่มือ'],
      ['its own name with PDF spacing', 'องค์การบริหารส่วนตำบล บาง ทราย น้อย ได้จัดทำคู่มือ'],
      ['its own abbreviated name', 'อบต.บางทรายน้อยจัดทำคู่มือ'],
      ['its own name under a newer type (upgraded to municipality)', 'เทศบาลตำบลบางทรายน้อยจัดทำคู่มือ'],
      ['a generic mention', 'เผยแพร่แก่เทศบาลและองค์การบริหารส่วนตำบลทุกแห่ง'],
    ])('when the text names %s, then it is not flagged', (_label, text) => {
      expect(codesOf(aMeasure({ summary: text }))).toEqual([]);
    });

    it('when the agency name is unknown, then the check is skipped', () => {
      expect(codesOf(aMeasure({ summary: 'อบต.บ้านซ่ง' }), { ...CONTEXT, agencyNameTh: '' })).toEqual([]);
    });
  });

  describe('OTHER_WEBSITE', () => {
    it("when a text cites another agency's website, then it is flagged once per site", () => {
      const measure = aMeasure({ summary: 'เผยแพร่ทาง www.banshong.go.th และ http://banshong.go.th/news' });

      const warnings = checkMeasures(CONTEXT, [measure]);

      expect(warnings).toEqual([
        expect.objectContaining({ code: 'OTHER_WEBSITE', message: expect.stringContaining('www.banshong.go.th') }),
      ]);
    });

    it("when an evidence link points to another agency's site, then it is flagged", () => {
      expect(codesOf(aMeasure({ evidence: [{ url: 'https://www.banshong.go.th/manual.pdf', label: 'คู่มือ' }] }))).toEqual(['OTHER_WEBSITE']);
    });

    it.each([
      ['its own site without www', 'bangsainoi.go.th/facebook'],
      ['a subdomain of its own site', 'https://itas.bangsainoi.go.th/o11'],
      ['the NACC', 'https://itas.nacc.go.th'],
      ['social media', 'https://www.facebook.com/bangsainoi'],
      ['an e-mail address', 'saraban@banshong.go.th'],
    ])('when the text cites %s, then it is not flagged', (_label, address) => {
      expect(codesOf(aMeasure({ summary: `ดูได้ที่ ${address}` }))).toEqual([]);
    });

    it.each([
      ['a look-alike name that ends with its own', 'www.evilbangsainoi.go.th'],
      ['a look-alike without www', 'https://notbangsainoi.go.th/o11'],
      ['its own name under another domain', 'https://bangsainoi.go.th.evil.com/o11'],
    ])('when the text cites %s (%s), then it is flagged as another site', (_label, address) => {
      expect(codesOf(aMeasure({ summary: `ดูได้ที่ ${address}` }))).toEqual(['OTHER_WEBSITE']);
    });

    it("when the agency's website is unknown, then the check is skipped", () => {
      expect(codesOf(aMeasure({ summary: 'www.banshong.go.th' }), { ...CONTEXT, website: null })).toEqual([]);
    });
  });

  describe('DATE_OUTSIDE_FISCAL_YEAR', () => {
    it.each([
      ['2022-09-30', 'day', true],
      ['2022-10-01', 'day', false],
      ['2023-09-30', 'day', false],
      ['2023-10-01', 'day', true],
      ['2022-10-01', 'month', false],
      ['2023-10-01', 'month', true],
    ] as const)('when carried out on %s (%s precision), then flagged is %s for FY2566', (date, precision, flagged) => {
      const codes = codesOf(aMeasure({ carriedOut: { date, precision } }));

      expect(codes.includes('DATE_OUTSIDE_FISCAL_YEAR')).toBe(flagged);
    });

    it('when the fiscal year is unknown or no date is given, then nothing is flagged', () => {
      expect(codesOf(aMeasure({ carriedOut: { date: '2020-01-01', precision: 'day' } }), { ...CONTEXT, fiscalYear: null })).toEqual([]);
      expect(codesOf(aMeasure({ carriedOut: null }))).toEqual([]);
    });
  });

  describe('DAY_LEFT_BLANK', () => {
    it.each([
      ['ดำเนินการเมื่อวันที่ มีนาคม ๒๕๖๖', true],
      ['วันที่......มี.ค. 66', true],
      ['วันที่ เดือนมีนาคม ๒๕๖๖', true],
      ['ดำเนินการเมื่อ มีนาคม ๒๕๖๖', false],
      ['ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖', false],
    ])('when the date reads "%s", then flagged is %s', (raw, flagged) => {
      expect(codesOf(aMeasure({ carriedOutRaw: raw })).includes('DAY_LEFT_BLANK')).toBe(flagged);
    });

    it('when the summary leaves a day blank, then it is flagged too, once per measure', () => {
      const measure = aMeasure({ carriedOutRaw: 'วันที่ มีนาคม ๒๕๖๖', summary: 'ประชุมเมื่อวันที่ มีนาคม ๒๕๖๖' });

      expect(codesOf(measure)).toEqual(['DAY_LEFT_BLANK']);
    });
  });

  describe('DUPLICATE_TEXT', () => {
    it('when result and summary differ only in spacing, tags and digits, then they are flagged as the same text', () => {
      const measure = aMeasure({
        resultText: '<p>จัดประชุมชี้แจงแผนการใช้จ่ายงบประมาณ ประจำปี ๒๕๖๖ ให้แก่บุคลากร</p>',
        summary: 'จัดประชุม ชี้แจงแผนการใช้จ่ายงบประมาณประจำปี 2566 ให้แก่บุคลากร',
      });

      expect(codesOf(measure)).toEqual(['DUPLICATE_TEXT']);
    });

    it('when the summary adds real content to the result, then it is not flagged', () => {
      const measure = aMeasure({
        resultText: 'มีแผนการใช้จ่ายงบประมาณรายไตรมาส',
        summary: 'ทุกส่วนงานเสนอแผนการใช้จ่ายงบประมาณรายไตรมาส และงานการเงินสรุปผลรายงานผู้บริหารทุกเดือน',
      });

      expect(codesOf(measure)).toEqual([]);
    });

    it('when a sub-action is copied verbatim into another measure, then both measures are flagged naming each other', () => {
      const copied = 'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด';
      const measures = [
        aMeasure({ sequence: 1, actions: ['จัดทำแผนการดำเนินงาน', copied] }),
        aMeasure({ sequence: 2, actions: ['จัดทำคู่มือการยืมทรัพย์สิน', ` ${copied} `] }),
      ];

      const warnings = checkMeasures(CONTEXT, measures);

      expect(warnings).toEqual([
        expect.objectContaining({ code: 'DUPLICATE_TEXT', sequence: 1, message: expect.stringContaining('ซ้ำกับมาตรการที่ 2') }),
        expect.objectContaining({ code: 'DUPLICATE_TEXT', sequence: 2, message: expect.stringContaining('ซ้ำกับมาตรการที่ 1') }),
      ]);
    });

    it('when a short generic sub-action repeats, then it is not flagged', () => {
      const measures = [aMeasure({ sequence: 1, actions: ['ประชาสัมพันธ์'] }), aMeasure({ sequence: 2, actions: ['ประชาสัมพันธ์'] })];

      expect(checkMeasures(CONTEXT, measures)).toEqual([]);
    });
  });

  describe('NO_EVIDENCE', () => {
    it.each([
      ['a link in the evidence list', {}],
      ['its own website in the summary', { evidence: [], summary: 'เผยแพร่ที่ www.bangsainoi.go.th/news/12' }],
      ['an order by number', { evidence: [], summary: 'แต่งตั้งคณะทำงานตามคำสั่งที่ ๑๒๓/๒๕๖๖' }],
      ['an attached file', { evidence: [], resultText: 'รายงานการประชุม (ไฟล์ meeting-2566.pdf)' }],
    ])('when a completed measure names %s, then it is not flagged', (_label, overrides) => {
      expect(codesOf(aMeasure(overrides))).toEqual([]);
    });

    it("when a completed measure only cites another agency's website, then it is flagged as well", () => {
      expect(codesOf(aMeasure({ evidence: [], summary: 'เผยแพร่ที่ www.banshong.go.th' }))).toEqual(['OTHER_WEBSITE', 'NO_EVIDENCE']);
    });

    it.each(['planned', 'in_progress', 'not_carried_out'] as const)(
      'when the measure is %s, then missing evidence is not flagged',
      (outcome) => {
        expect(codesOf(aMeasure({ outcome, evidence: [] }))).toEqual([]);
      },
    );
  });

  it('when several measures have problems, then the warnings come in measure order', () => {
    const measures = [
      aMeasure({ sequence: 3, actions: [], evidence: [] }),
      aMeasure({ sequence: 1, actions: [], carriedOutRaw: 'วันที่ มีนาคม ๒๕๖๖' }),
      aMeasure({ sequence: 2, actions: [], summary: 'อบต.บ้านซ่ง' }),
    ];

    const sequences = checkMeasures(CONTEXT, measures).map((warning) => warning.sequence);

    expect(sequences).toEqual([3, 1, 2]);
  });
});
