import { THAI_MONTHS, dayDate, findThaiDate, isValidIsoDate, monthDate, toCommonEraYear, type PartialDate } from '@prongsai/shared';

/** What was wrong with the period cell: its kind (PARSE_PROBLEM_KINDS), the text it quotes, and the Thai sentence. */
export type CarriedOutProblem = { kind: 'unreadablePeriod' | 'impossibleDate'; value: string; message: string };
export type CarriedOutReading = { carriedOut: PartialDate | null; problem: CarriedOutProblem | null };

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
    if (!LOOKS_LIKE_DATE.test(raw)) return { carriedOut: null, problem: null };
    return { carriedOut: null, problem: { kind: 'unreadablePeriod', value: raw, message: `อ่านวันที่ดำเนินการไม่ออก ("${raw}")` } };
  }
  const ceYear = toCommonEraYear(found.beYear);
  if (found.day === null) return { carriedOut: { date: monthDate(ceYear, found.month), precision: 'month' }, problem: null };
  const date = dayDate(ceYear, found.month, found.day);
  return isValidIsoDate(date)
    ? { carriedOut: { date, precision: 'day' }, problem: null }
    : { carriedOut: null, problem: { kind: 'impossibleDate', value: found.text, message: `วันที่ดำเนินการไม่มีอยู่จริง ("${found.text}")` } };
}
