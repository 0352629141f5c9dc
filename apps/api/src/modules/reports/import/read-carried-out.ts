import { THAI_MONTHS, dayDate, findThaiDate, isValidIsoDate, monthDate, toCommonEraYear, type PartialDate } from '@prongsai/shared';

export type CarriedOutReading = { carriedOut: PartialDate | null; problem: string | null };

const LOOKS_LIKE_DATE = new RegExp(`[0-9๐-๙]|${THAI_MONTHS.join('|')}`);

/**
 * The date a measure was carried out, from the period cell: day precision when a day is written,
 * else month precision on the 1st of the month (CE). A cell that looks like a date but cannot be
 * read, or an impossible date, gives a problem instead.
 */
export function readCarriedOut(raw: string | null): CarriedOutReading {
  if (!raw) return { carriedOut: null, problem: null };
  const found = findThaiDate(raw);
  if (!found) {
    return { carriedOut: null, problem: LOOKS_LIKE_DATE.test(raw) ? `อ่านวันที่ดำเนินการไม่ออก ("${raw}")` : null };
  }
  const ceYear = toCommonEraYear(found.beYear);
  if (found.day === null) return { carriedOut: { date: monthDate(ceYear, found.month), precision: 'month' }, problem: null };
  const date = dayDate(ceYear, found.month, found.day);
  return isValidIsoDate(date)
    ? { carriedOut: { date, precision: 'day' }, problem: null }
    : { carriedOut: null, problem: `วันที่ดำเนินการไม่มีอยู่จริง ("${found.text}")` };
}
