import { describe, expect, it } from 'vitest';
import { withDigits, type Locale } from '@prongsai/shared';
import { en } from '@/locales/en';
import { enStaff } from '@/locales/en-staff';
import { th } from '@/locales/th';
import { thStaff } from '@/locales/th-staff';
import { groupThousands, interpolate, loadMessages, localiseVars, type I18nValue } from '@/lib/i18n';
import { ApiError } from './api-client';
import { apiErrorMessage } from './use-api-error-message';

const i18nFor = (lang: Locale, digits: 'thai' | 'arabic' = lang === 'en' ? 'arabic' : 'thai') => {
  const catalogue: Record<string, string> = lang === 'en' ? { ...en, ...enStaff } : { ...th, ...thStaff };
  return {
    lang,
    t: ((key: string, vars) => interpolate(catalogue[key] ?? key, localiseVars(lang, vars), digits)) as I18nValue['t'],
    formatDecimal: (value: number, fractionDigits?: number) => withDigits(groupThousands(value, fractionDigits), digits),
  };
};

const archive = new ApiError({
  status: 422,
  code: 'ARCHIVE_LIMIT_EXCEEDED',
  message: 'ไฟล์ .docx มีส่วนประกอบเกิน 2,000 รายการ ซึ่งเกินขีดจำกัดของระบบ จึงไม่อ่านไฟล์นี้',
  reason: 'archiveEntries',
  params: { maximum: 2000 },
});

describe('apiErrorMessage', () => {
  it('writes an error with a known reason from the catalogue in both languages, numbers grouped in the reader’s digits (ADR 026)', async () => {
    await loadMessages('th', 'staff');
    expect(apiErrorMessage(archive, i18nFor('en'))).toBe(
      'The .docx file holds more than 2,000 parts, over the system’s limit, so it was not read',
    );
    expect(apiErrorMessage(archive, i18nFor('th'))).toBe('ไฟล์ .docx มีส่วนประกอบเกิน ๒,๐๐๐ รายการ ซึ่งเกินขีดจำกัดของระบบ จึงไม่อ่านไฟล์นี้');
    const timeout = new ApiError({
      status: 422,
      code: 'IMPORT_UNPARSABLE',
      message: 'อ่านไฟล์ไม่สำเร็จภายใน 1.5 วินาที: ไฟล์ซับซ้อนหรือใหญ่เกินไป (reading took longer than 1.5 s)',
      reason: 'importTimeout',
      params: { seconds: 1.5 },
    });
    expect(apiErrorMessage(timeout, i18nFor('en'))).toBe('The file could not be read within 1.5 seconds: it is too complex or too large');
    expect(apiErrorMessage(timeout, i18nFor('th', 'arabic'))).toBe('อ่านไฟล์ไม่สำเร็จภายใน 1.5 วินาที: ไฟล์ซับซ้อนหรือใหญ่เกินไป');
  });

  it('writes a fiscal year in the reader’s calendar (not grouped) and a plan status as the screen’s status word (ADR 026)', async () => {
    await loadMessages('th', 'staff');
    const exists = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'มีแผนปีงบประมาณ 2567 อยู่แล้ว',
      reason: 'planExists',
      params: { fiscalYear: 2567 },
    });
    expect(apiErrorMessage(exists, i18nFor('th'))).toBe('มีแผนปีงบประมาณ ๒๕๖๗ อยู่แล้ว');
    expect(apiErrorMessage(exists, i18nFor('en'))).toBe('There is already a plan for fiscal year 2024');
    const refused = new ApiError({
      status: 409,
      code: 'INVALID_STATE',
      message: 'ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "ร่าง"',
      reason: 'planTransitionRefused',
      params: { status: 'draft' },
    });
    expect(apiErrorMessage(refused, i18nFor('th'))).toBe('ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "ฉบับร่าง"');
    expect(apiErrorMessage(refused, i18nFor('en'))).toBe('This step is not possible while the plan is “Draft”');
  });

  it('without a reason, or with one the catalogue does not know, keeps the server’s Thai text in Thai and the code’s text in English', async () => {
    await loadMessages('th', 'staff');
    const plain = new ApiError({ status: 409, code: 'INVALID_STATE', message: 'มาตรการนี้ถูกลบแล้ว' });
    expect(apiErrorMessage(plain, i18nFor('th'))).toBe('มาตรการนี้ถูกลบแล้ว');
    expect(apiErrorMessage(plain, i18nFor('en'))).toBe(en['errors.INVALID_STATE']);
    const newer = new ApiError({ status: 422, code: 'IMPORT_UNPARSABLE', message: 'อ่านไม่ได้', reason: 'somethingNewer' });
    expect(apiErrorMessage(newer, i18nFor('en'))).toBe(en['errors.IMPORT_UNPARSABLE']);
  });
});
