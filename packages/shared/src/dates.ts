import { z } from 'zod';
import { DatePrecisionSchema, type DatePrecision } from './enums';
import { customIssue } from './field-issues';
import { ENGLISH_MONTHS, THAI_MONTHS, toBuddhistYear, withDigits, type DigitStyle } from './thai';

/**
 * A calendar date as `YYYY-MM-DD` (CE). Rejects impossible dates such as 2023-02-31.
 * Years outside 1900–2200 are rejected too: a BE year typed where a CE one belongs (2566-03-07)
 * is a mistake, not a date 543 years from now.
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ต้องเป็นวันที่รูปแบบ YYYY-MM-DD (ค.ศ.)')
  .refine((value) => isValidIsoDate(value), { message: 'วันที่ไม่มีอยู่จริง', params: customIssue('impossibleDate') })
  .refine(
    (value) => {
      const year = Number(value.slice(0, 4));
      return year >= 1900 && year <= 2200;
    },
    { message: 'ปีต้องเป็น ค.ศ. (เช่น 2023 ไม่ใช่ 2566)', params: customIssue('ceYear') },
  )
  // The same rules as JSON Schema can say them (the OpenAPI document): a real date, CE 1900–2200.
  .meta({ format: 'date', pattern: '^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date that may be known only to the month. With precision `month`, `date` is the first of
 * that month and the day is never shown: nothing invents a day.
 */
export const PartialDateSchema = z
  .object({ date: IsoDateSchema, precision: DatePrecisionSchema })
  .refine((value) => value.precision === 'day' || value.date.endsWith('-01'), {
    message: 'วันที่ที่ระบุแค่เดือนต้องเป็นวันที่ 1 ของเดือน',
    params: customIssue('monthFirstDay'),
    path: ['date'],
  });
export type PartialDate = z.infer<typeof PartialDateSchema>;

export function monthDate(ceYear: number, month: number): IsoDate {
  return `${ceYear}-${String(month).padStart(2, '0')}-01`;
}

export function dayDate(ceYear: number, month: number, day: number): IsoDate {
  return `${ceYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type Locale = 'th' | 'en';

/** "7 มีนาคม 2566", or "มีนาคม 2566" for a month-precision date; English: "7 March 2023". */
export function formatPartialDate(
  value: { date: string; precision: DatePrecision },
  locale: Locale = 'th',
  digits: DigitStyle = 'thai',
): string {
  const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
  if (locale === 'en') {
    const text = `${ENGLISH_MONTHS[month - 1]} ${year}`;
    return value.precision === 'day' ? `${day} ${text}` : text;
  }
  const text = `${THAI_MONTHS[month - 1]} ${toBuddhistYear(year)}`;
  return withDigits(value.precision === 'day' ? `${day} ${text}` : text, digits);
}

export const formatDate = (isoDate: string, locale: Locale = 'th', digits: DigitStyle = 'thai') =>
  formatPartialDate({ date: isoDate.slice(0, 10), precision: 'day' }, locale, digits);
