import { describe, expect, it } from 'vitest';
import { withDigits, type Locale } from '@prongsai/shared';
import { en } from '@/locales/en';
import { th } from '@/locales/th';
import { interpolate, type I18nValue } from '@/lib/i18n';
import { fieldIssueText, type IssueLike } from './field-issue-text';

const i18nFor = (lang: Locale) => {
  const catalogue: Record<string, string> = lang === 'en' ? en : th;
  const digits = lang === 'en' ? 'arabic' : 'thai';
  return {
    lang,
    t: ((key: string, vars) => interpolate(catalogue[key] ?? key, vars, digits)) as I18nValue['t'],
    formatDecimal: (value: number) => withDigits(value.toLocaleString('en-US'), digits),
  };
};
const text = (issue: IssueLike, lang: Locale) => fieldIssueText(issue, i18nFor(lang));

describe('fieldIssueText', () => {
  it('writes Zod codes from their params in English; in Thai the schema’s own Thai message stays', () => {
    const tooLong: IssueLike = { code: 'too_big', message: 'ยาวได้ไม่เกิน 5000 ตัวอักษร', params: { maximum: 5000, origin: 'string' } };
    expect(text(tooLong, 'en')).toBe('At most 5,000 characters');
    expect(text(tooLong, 'th')).toBe('ยาวได้ไม่เกิน 5000 ตัวอักษร');
    expect(
      text({ code: 'too_small', message: 'Too small: expected array to have >=2 items', params: { minimum: 2, origin: 'array' } }, 'th'),
    ).toBe('ต้องมีอย่างน้อย ๒ รายการ');
    expect(text({ code: 'invalid_type', message: 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ.', params: { expected: 'number' } }, 'en')).toBe(
      'Must be a number',
    );
    expect(text({ code: 'invalid_format', message: 'อีเมลไม่ถูกต้อง', params: { format: 'email' } }, 'en')).toBe('Not a valid e-mail address');
    expect(text({ code: 'unrecognized_keys', message: 'ไม่รู้จักช่อง "x"', params: { key: 'x' } }, 'en')).toBe('Unknown field "x"');
  });

  it('writes a refine from its key in both languages, with its values in the reader’s digits', () => {
    const range: IssueLike = {
      code: 'custom',
      message: 'ปีงบประมาณต้องเป็น พ.ศ. 2550–2575',
      params: { key: 'fiscalYearRange', min: 2550, max: 2575 },
    };
    expect(text(range, 'en')).toBe('The fiscal year must be BE 2550–2575');
    expect(text(range, 'th')).toBe('ปีงบประมาณต้องเป็น พ.ศ. ๒๕๕๐–๒๕๗๕');
    expect(text({ code: 'custom', message: 'ข้อความไทย' }, 'en')).toBe('Please check this value');
  });

  it('when the code is unknown, then the server’s text; when a Zod code lacks its params, then a generic text, never a broken one', () => {
    expect(text({ code: 'duplicate', message: 'รหัส O1 ซ้ำ' }, 'en')).toBe('รหัส O1 ซ้ำ');
    expect(text({ message: 'no code at all' }, 'en')).toBe('no code at all');
    expect(text({ code: 'too_big', message: 'ต้องเป็นปีงบประมาณก่อนหน้า' }, 'en')).toBe('Please check this value');
    expect(text({ code: 'too_big', message: 'ต้องเป็นปีงบประมาณก่อนหน้า' }, 'th')).toBe('ต้องเป็นปีงบประมาณก่อนหน้า');
    expect(text({ code: 'too_small', message: 'no rows' }, 'th')).toBe('กรุณาตรวจสอบค่านี้');
  });
});
