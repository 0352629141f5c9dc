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

    expect(warnings).toEqual([
      { code: 'NO_EVIDENCE', sequence: 4, message: expect.stringContaining('มาตรการที่ 4'), params: { sequence: 4 } },
    ]);
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

    it('when another agency is named in the title or a sub-action, then it is flagged too', () => {
      expect(codesOf(aMeasure({ title: 'จัดทำคู่มือตามแบบของเทศบาลตำบลคำชะอี' }))).toEqual(['OTHER_AGENCY_MENTION']);
      expect(codesOf(aMeasure({ actions: ['ส่งคู่มือให้ อบต.บ้านซ่ง'] }))).toEqual(['OTHER_AGENCY_MENTION']);
    });

    it('when the same other agency is named twice in different forms, then one warning quotes the first form', () => {
      const measure = aMeasure({ resultText: 'ตามแนวทางของ อบต.บ้านซ่ง', summary: 'รายงานผลต่อองค์การบริหารส่วนตำบลบ้านซ่งแล้ว' });

      const warnings = checkMeasures(CONTEXT, [measure]);

      expect(warnings).toEqual([
        {
          code: 'OTHER_AGENCY_MENTION',
          sequence: 1,
          message: 'มาตรการที่ 1 กล่าวถึง "อบต.บ้านซ่ง" ซึ่งไม่ใช่องค์การบริหารส่วนตำบลบางทรายน้อย อาจคัดลอกมาจากรายงานของหน่วยงานอื่น',
          params: { sequence: 1, name: 'อบต.บ้านซ่ง', agency: 'องค์การบริหารส่วนตำบลบางทรายน้อย' },
        },
      ]);
    });

    it('when the agency name is stored with surrounding spaces, then the message names it without them', () => {
      const context = { ...CONTEXT, agencyNameTh: '  องค์การบริหารส่วนตำบลบางทรายน้อย ' };

      const [warning] = checkMeasures(context, [aMeasure({ summary: 'อบต.บ้านซ่ง' })]);

      expect(warning?.message).toContain('ซึ่งไม่ใช่องค์การบริหารส่วนตำบลบางทรายน้อย อาจคัดลอก');
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

    it("when a day is outside the fiscal year, then the message shows the date and the fiscal year's first and last day", () => {
      const warnings = checkMeasures(CONTEXT, [aMeasure({ carriedOut: { date: '2022-09-30', precision: 'day' } })]);

      expect(warnings).toEqual([
        {
          code: 'DATE_OUTSIDE_FISCAL_YEAR',
          sequence: 1,
          message: 'วันที่ดำเนินการของมาตรการที่ 1 (30 กันยายน 2565) อยู่นอกปีงบประมาณ พ.ศ. 2566 (1 ตุลาคม 2565 – 30 กันยายน 2566)',
          // The same facts as data, for the web to write in any language and calendar (ISO dates).
          params: { sequence: 1, date: '2022-09-30', datePrecision: 'day', fiscalYear: 2566, start: '2022-10-01', end: '2023-09-30' },
        },
      ]);
    });

    it('when only a month is known and it is outside the fiscal year, then the message shows the month as written', () => {
      const [warning] = checkMeasures(CONTEXT, [aMeasure({ carriedOut: { date: '2023-10-01', precision: 'month' } })]);

      expect(warning?.message).toBe('วันที่ดำเนินการของมาตรการที่ 1 (ตุลาคม 2566) อยู่นอกปีงบประมาณ พ.ศ. 2566 (1 ตุลาคม 2565 – 30 กันยายน 2566)');
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

    it('when "วันที่มี…" starts an ordinary phrase, then it is not mistaken for the short month มี.ค.', () => {
      // "from the day the order is issued": ม-ี-ค-ำ must not match ม.ค. with its dots as wildcards.
      expect(codesOf(aMeasure({ summary: 'ปฏิบัติหน้าที่ตั้งแต่วันที่มีคำสั่งแต่งตั้งเป็นต้นไป' }))).toEqual([]);
    });

    it('when a day is left blank, then the message quotes the blank and says how to write a month-only date', () => {
      const [warning] = checkMeasures(CONTEXT, [aMeasure({ sequence: 5, carriedOutRaw: 'วันที่.......มีนาคม ๒๕๖๖' })]);

      expect(warning).toEqual({
        code: 'DAY_LEFT_BLANK',
        sequence: 5,
        message: 'มาตรการที่ 5 เว้นวันที่ว่างไว้ ("วันที่.......มีนาคม…"): ระบุวันที่ให้ครบ หรือหากทราบเพียงเดือนให้เขียนเดือนและปีโดยไม่มีคำว่า "วันที่"',
        params: { sequence: 5, quote: 'วันที่.......มีนาคม' },
      });
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

    it('when result and summary are exactly 90 % alike, then they are flagged (the threshold is inclusive) with the percentage', () => {
      // 21 characters each; one digit differs in the middle of the year, so 18 of 20 character pairs match.
      const measure = aMeasure({ resultText: 'ประชุมชี้แจงแผนปี ๒๕๖๖', summary: 'ประชุมชี้แจงแผนปี ๒๕๗๖' });

      expect(checkMeasures(CONTEXT, [measure])).toEqual([
        {
          code: 'DUPLICATE_TEXT',
          sequence: 1,
          message: 'ผลลัพธ์และสรุปผลการดำเนินการของมาตรการที่ 1 เป็นข้อความเดียวกันเกือบทั้งหมด (เหมือนกัน 90%): สรุปผลควรบอกสิ่งที่ทำได้จริงเพิ่มเติมจากผลลัพธ์',
          params: { sequence: 1, kind: 'resultSummary', percent: 90 },
        },
      ]);
    });

    it('when result and summary are a little under 90 % alike, then they are not flagged', () => {
      // One word more in the summary: 19 shared pairs of 20 + 23, 88 %.
      const measure = aMeasure({ resultText: 'ประชุมชี้แจงแผนปี ๒๕๖๖', summary: 'ประชุมชี้แจงแผนปีนี้ ๒๕๖๖' });

      expect(codesOf(measure)).toEqual([]);
    });

    it.each([
      ['both are 20 characters', 'จัดประชุมชี้แจงแผนงบ', 'จัดประชุมชี้แจงแผนงบ', true],
      ['the result is 19 characters', 'จัดประชุมชี้แจงแผนง', 'จัดประชุมชี้แจงแผนงบ', false],
      ['the summary is 19 characters', 'จัดประชุมชี้แจงแผนงบ', 'จัดประชุมชี้แจงแผนง', false],
    ])(
      'when result and summary repeat each other and %s, then flagged is %s (short phrases are not compared)',
      (_label, resultText, summary, flagged) => {
        expect(codesOf(aMeasure({ resultText, summary })).includes('DUPLICATE_TEXT')).toBe(flagged);
      },
    );

    it('when result and summary are both missing, then nothing is compared', () => {
      expect(codesOf(aMeasure({ resultText: null, summary: null }))).toEqual([]);
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

    it('when several sub-actions are copied, then one warning per other measure names the step numbers and quotes the first, cut at 60 characters', () => {
      const first = 'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่างเคร่งครัด';
      const third = 'รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส';
      const measures = [
        aMeasure({ sequence: 1, actions: [first, 'จัดทำคู่มือการยืมทรัพย์สิน', third] }),
        aMeasure({ sequence: 2, actions: [third, first] }),
      ];

      const warnings = checkMeasures(CONTEXT, measures);

      expect(warnings.map((warning) => warning.params)).toEqual([
        { sequence: 1, kind: 'copiedSteps', steps: '1, 3', other: 2, quote: 'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่…' },
        { sequence: 2, kind: 'copiedSteps', steps: '1, 2', other: 1, quote: 'รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส' },
      ]);
      expect(warnings.map((warning) => warning.message)).toEqual([
        'ขั้นตอนย่อยข้อ 1, 3 ของมาตรการที่ 1 ซ้ำกับมาตรการที่ 2 ทุกตัวอักษร ("ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติอย่…"): ตรวจว่าคัดลอกมาผิดแถวหรือไม่',
        'ขั้นตอนย่อยข้อ 1, 2 ของมาตรการที่ 2 ซ้ำกับมาตรการที่ 1 ทุกตัวอักษร ("รายงานผลการดำเนินงานต่อผู้บริหารทุกไตรมาส"): ตรวจว่าคัดลอกมาผิดแถวหรือไม่',
      ]);
    });

    it('when a copied sub-action is exactly 60 characters, then it is quoted whole, without tags', () => {
      const action = 'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติทุก';
      const measures = [aMeasure({ sequence: 1, actions: [`<p>${action}</p>`] }), aMeasure({ sequence: 2, actions: [action] })];

      const [warning] = checkMeasures(CONTEXT, measures);

      expect(warning?.message).toContain(`("${action}")`);
    });

    it.each([
      ['20 characters', 'จัดประชุมชี้แจงแผนงบ', true],
      ['19 characters', 'จัดประชุมชี้แจงแผนง', false],
    ])('when a copied sub-action is %s long, then flagged is %s', (_label, action, flagged) => {
      const measures = [aMeasure({ sequence: 1, actions: [action] }), aMeasure({ sequence: 2, actions: [action] })];

      expect(checkMeasures(CONTEXT, measures).length > 0).toBe(flagged);
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
      ['an attached file with an upper-case extension', { evidence: [], resultText: 'รายงานการประชุม (ไฟล์ MEETING-2566.PDF)' }],
      ['a link while the result is missing', { evidence: [], resultText: null, summary: 'เผยแพร่ที่ www.bangsainoi.go.th/news/12' }],
    ])('when a completed measure names %s, then it is not flagged', (_label, overrides) => {
      expect(codesOf(aMeasure(overrides))).toEqual([]);
    });

    it("when a completed measure only cites another agency's website, then it is flagged as well", () => {
      expect(codesOf(aMeasure({ evidence: [], summary: 'เผยแพร่ที่ www.banshong.go.th' }))).toEqual(['OTHER_WEBSITE', 'NO_EVIDENCE']);
    });

    it('when a completed measure has neither result nor summary nor evidence, then it is flagged', () => {
      expect(codesOf(aMeasure({ evidence: [], resultText: null, summary: null }))).toEqual(['NO_EVIDENCE']);
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

  it('when a measure has a copied sub-action and other warnings, then its warnings stay together after the previous measure', () => {
    const copied = 'ประชาสัมพันธ์คู่มือหรือแนวทางดังกล่าวให้บุคลากรถือปฏิบัติ';
    const measures = [
      aMeasure({ sequence: 1, actions: [copied] }),
      aMeasure({ sequence: 2, actions: [copied], evidence: [], carriedOutRaw: 'วันที่ เมษายน ๒๕๖๖' }),
      aMeasure({ sequence: 3, actions: [], carriedOutRaw: 'วันที่ มีนาคม ๒๕๖๖' }),
    ];

    const warnings = checkMeasures(CONTEXT, measures).map(({ code, sequence }) => [sequence, code]);

    expect(warnings).toEqual([
      [1, 'DUPLICATE_TEXT'],
      [2, 'DAY_LEFT_BLANK'],
      [2, 'NO_EVIDENCE'],
      [2, 'DUPLICATE_TEXT'],
      [3, 'DAY_LEFT_BLANK'],
    ]);
  });
});
