import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  CUSTOM_ISSUE_KEYS,
  ERROR_REASONS,
  ERROR_STATUS,
  IMPORT_PLACES,
  PARSE_PROBLEM_KINDS,
  PLAN_STATUSES,
  QUALITY_WARNING_CODES,
  ROLES,
  SERVER_ISSUE_CODES,
  type QualityWarning,
} from '@prongsai/shared';
import { en } from './en';
import { enStaff } from './en-staff';
import { th } from './th';
import { thStaff } from './th-staff';
import { formatPartialDate, formatDate, withDigits, type DigitStyle, type Locale } from '@prongsai/shared';
import { interpolate, loadMessages, localiseVars, type I18nValue, type MessageKey } from '@/lib/i18n';
import { warningText } from '@/lib/warning-text';
import { FIELD_ISSUE_KEYS } from '@/lib/field-issue-text';

const CATALOGUES = { th: { ...th, ...thStaff }, en: { ...en, ...enStaff } } as Record<Locale, Record<string, string>>;

/**
 * The codes the server sends, each from its one shared list: a code added there (by any change)
 * without a Thai and an English text fails here.
 */
const SERVER_CODES: [prefix: string, codes: readonly string[]][] = [
  ['warning.', QUALITY_WARNING_CODES],
  ['warningCode.', QUALITY_WARNING_CODES],
  ['errors.', Object.keys(ERROR_STATUS)],
  ['auditAction.', AUDIT_ACTIONS],
  ['planStatus.', PLAN_STATUSES],
  ['role.', ROLES],
  // Field issues: each refine's key, and the keys the web writes Zod's own codes with.
  ['fieldIssue.custom.', CUSTOM_ISSUE_KEYS],
  ['', FIELD_ISSUE_KEYS],
  // What the server writes by hand (ADR 026): error reasons, CSV line issues, import parse problems.
  ['errorReason.', Object.keys(ERROR_REASONS)],
  ['serverIssue.', Object.keys(SERVER_ISSUE_CODES)],
  ['warning.PARSE_PROBLEM.', Object.keys(PARSE_PROBLEM_KINDS)],
  ['importPlace.', Object.keys(IMPORT_PLACES)],
];

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  for (const lang of ['th', 'en'] as const) {
    for (const [prefix, codes] of SERVER_CODES) {
      it(`has a ${lang} message for every server code ${prefix}*`, () => {
        const missing = codes.map((code) => `${prefix}${code}`).filter((key) => !CATALOGUES[lang][key]?.trim());
        expect(missing).toEqual([]);
      });
    }
  }

  it('uses the same variables in Thai and English for every message (English may add the CE year)', () => {
    const differing = Object.keys(CATALOGUES.th)
      .filter((key) => key !== 'partialDate.yearOption')
      .filter((key) => placeholders(CATALOGUES.th[key] ?? '').join() !== placeholders(CATALOGUES.en[key] ?? '').join());
    expect(differing).toEqual([]);
  });
});

describe('warningText', () => {
  const i18nFor = (lang: Locale, digits: DigitStyle) => {
    const effective: DigitStyle = lang === 'en' ? 'arabic' : digits;
    return {
      t: ((key: MessageKey, vars) => interpolate(CATALOGUES[lang][key] ?? key, localiseVars(lang, vars), effective)) as I18nValue['t'],
      formatDay: (iso: string) => formatDate(iso, lang, effective),
      formatPartial: (value: { date: string; precision: 'day' | 'month' }) => formatPartialDate(value, lang, effective),
      digitsOf: (text: string) => withDigits(text, effective),
    };
  };
  // isMessageKey looks at the loaded catalogues: the staff part must be there, as on a signed-in page.
  const ready = loadMessages('th', 'staff');

  const outside: QualityWarning = {
    code: 'DATE_OUTSIDE_FISCAL_YEAR',
    sequence: 3,
    message: 'วันที่ดำเนินการของมาตรการที่ 3 (7 มีนาคม 2566) อยู่นอกปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566 – 30 กันยายน 2567)',
    params: { sequence: 3, date: '2023-03-07', datePrecision: 'day', fiscalYear: 2567, start: '2023-10-01', end: '2024-09-30' },
  };

  it('writes a warning in Thai with Thai digits and BE dates, without repeating the measure number', async () => {
    await ready;
    const { text, lang } = warningText(outside, i18nFor('th', 'thai'));
    expect(text).toBe('วันที่ดำเนินการ (๗ มีนาคม ๒๕๖๖) อยู่นอกปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗)');
    expect(lang).toBeUndefined();
    expect(text).not.toMatch(/[0-9]/);
  });

  it('writes the same warning in English with CE dates and the fiscal year counted CE (FY 2567 BE is FY 2024)', async () => {
    await ready;
    expect(warningText(outside, i18nFor('en', 'thai')).text).toBe(
      'The date carried out (7 March 2023) is outside fiscal year 2024 (1 October 2023 – 30 September 2024)',
    );
  });

  it('picks the variant named by params.kind, and maps measure numbers to row positions', async () => {
    await ready;
    const copied: QualityWarning = {
      code: 'DUPLICATE_TEXT',
      sequence: 5,
      message: '…',
      params: { sequence: 5, kind: 'copiedSteps', steps: '1, 2', other: 9, quote: 'ประชุมคณะทำงาน' },
    };
    expect(warningText(copied, i18nFor('en', 'arabic'), (sequence) => sequence - 1).text).toBe(
      'Sub-steps 1, 2 are word for word those of measure 8 (“ประชุมคณะทำงาน”): check whether they were pasted into the wrong row',
    );
    expect(warningText(copied, i18nFor('th', 'thai')).text).toContain('ขั้นตอนย่อยข้อ ๑, ๒ ซ้ำกับมาตรการที่ ๙');
  });

  it('shows the server message (marked Thai) for a warning stored without params or with an unknown code', async () => {
    await ready;
    const old: QualityWarning = { code: 'NO_EVIDENCE', sequence: 1, message: 'มาตรการที่ 1 ดำเนินการแล้วเสร็จแต่ไม่มีลิงก์หลักฐาน' };
    expect(warningText(old, i18nFor('en', 'arabic'))).toEqual({ text: old.message, lang: 'th' });
    const unknown: QualityWarning = { code: 'SOMETHING_NEW', sequence: 1, message: 'ข้อความ', params: {} };
    expect(warningText(unknown, i18nFor('en', 'arabic'))).toEqual({ text: 'ข้อความ', lang: 'th' });
  });

  it('writes a CSV line problem from its kind in both languages: the line in the reader’s digits, the cell as written (ADR 026)', async () => {
    await ready;
    const skipped: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: 'แถวที่ 12: ลำดับที่ "หนึ่ง" ไม่ใช่ตัวเลข จึงข้ามแถวนี้',
      params: { kind: 'csvBadSequence', line: 12, value: 'หนึ่ง' },
    };
    expect(warningText(skipped, i18nFor('en', 'thai'))).toEqual({
      text: 'Line 12: the sequence “หนึ่ง” is not a number, so the line was skipped',
    });
    expect(warningText(skipped, i18nFor('th', 'thai')).text).toBe('บรรทัดที่ ๑๒: ลำดับที่ "หนึ่ง" ไม่ใช่ตัวเลข จึงข้ามบรรทัดนี้');
    // A date that does not exist is quoted as the file wrote it, never turned into a calendar date.
    const impossible: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: 2,
      message: 'มาตรการที่ 2: วันที่ "2023-02-30" ไม่มีอยู่จริง',
      params: { kind: 'impossibleDate', line: 4, value: '2023-02-30' },
    };
    expect(warningText(impossible, i18nFor('en', 'arabic')).text).toBe('The date “2023-02-30” does not exist');
    expect(warningText(impossible, i18nFor('th', 'thai')).text).toBe('วันที่ "2023-02-30" ไม่มีอยู่จริง');
    const beYear: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: 1,
      message: 'มาตรการที่ 1: วันที่ "2566-03-07" เป็นปี พ.ศ. จึงแปลงเป็น ค.ศ. 2023',
      params: { kind: 'buddhistEraDate', line: 3, value: '2566-03-07', year: 2023 },
    };
    expect(warningText(beYear, i18nFor('en', 'arabic')).text).toBe(
      'The date “2566-03-07” has a Buddhist-era year, so it was read as the year 2023 CE',
    );
    expect(warningText(beYear, i18nFor('th', 'thai')).text).toBe('วันที่ "2566-03-07" เป็นปี พ.ศ. จึงอ่านเป็นปี ค.ศ. ๒๐๒๓');
  });

  it('writes what the report reader skipped around its quote, with its place in the reader’s words and digits (ADR 026)', async () => {
    await ready;
    const stray: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: 'หน้า 2 บรรทัดที่ 14: ข้อความนอกตาราง ("ลงชื่อผู้รายงาน 2567") ไม่ได้นำเข้า',
      params: { kind: 'textOutsideTable', value: 'ลงชื่อผู้รายงาน 2567', place: 'pageLine', page: 2, line: 14 },
    };
    expect(warningText(stray, i18nFor('en', 'arabic')).text).toBe(
      'Text outside the table was not imported (“ลงชื่อผู้รายงาน 2567”, page 2, line 14)',
    );
    // The quote stays as the source wrote it; only the place takes the reader's digits.
    expect(warningText(stray, i18nFor('th', 'thai')).text).toBe('หน้า ๒ บรรทัดที่ ๑๔: ข้อความนอกตาราง ("ลงชื่อผู้รายงาน 2567") ไม่ได้นำเข้า');
    const row: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: null,
      message: 'ตารางที่ 1 แถวที่ 5: อ่านแถวนี้ไม่ออก ไม่พบลำดับที่ของมาตรการ ("หมายเหตุ")',
      params: { kind: 'rowWithoutSequence', value: 'หมายเหตุ', place: 'tableRow', table: 1, row: 5 },
    };
    expect(warningText(row, i18nFor('en', 'arabic')).text).toBe(
      'A row with no measure sequence could not be read (“หมายเหตุ”, table 1, row 5)',
    );
    const period: QualityWarning = {
      code: 'PARSE_PROBLEM',
      sequence: 3,
      message: 'มาตรการที่ 3: อ่านวันที่ดำเนินการไม่ออก ("ต้นปี 2567")',
      params: { kind: 'unreadablePeriod', value: 'ต้นปี 2567' },
    };
    expect(warningText(period, i18nFor('en', 'arabic')).text).toBe('The period “ต้นปี 2567” cannot be read as a date');
  });

  it('quotes what the parser could not read inside a sentence in the reader’s language', async () => {
    await ready;
    const problem: QualityWarning = { code: 'PARSE_PROBLEM', sequence: null, message: 'ไม่พบตารางมาตรการ' };
    expect(warningText(problem, i18nFor('en', 'arabic')).text).toBe('Part of the report could not be read: ไม่พบตารางมาตรการ');
  });
});
