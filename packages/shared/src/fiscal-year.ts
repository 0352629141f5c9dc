import { z } from 'zod';
import { dayDate, type IsoDate } from './dates';
import { customIssue } from './field-issues';
import { DecimalIntSchema } from './schemas/common';
import { toBuddhistYear, toCommonEraYear } from './thai';

/** The time zone every "today" and "current fiscal year" is reckoned in, on the server and in the browser. */
export const APP_TIME_ZONE = 'Asia/Bangkok';

/** The earliest fiscal year (BE) the app holds; the latest is the current fiscal year + 1. */
export const FIRST_FISCAL_YEAR = 2550;

/**
 * Asia/Bangkok's offset from UTC: +07:00 since 1920, with no daylight saving time (IANA tz database), so
 * "today in Bangkok" is arithmetic, not a date formatter: a formatter costs a phone's first task its
 * calendar data (~60–70 ms at Lighthouse's 4× slowdown, docs/performance.md, seventh session) and the
 * server three `formatToParts` per call (~1 % of the plan page's CPU, eighth session). The test compares
 * it with `Intl`'s Asia/Bangkok over two years.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Bangkok as `YYYY-MM-DD` (CE), whatever the machine's or browser's time zone. */
export function todayInBangkok(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** FY N (BE) runs 1 October of CE N-544 to 30 September of CE N-543. */
export function fiscalYearRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  const ceEnd = toCommonEraYear(fiscalYear);
  return { start: dayDate(ceEnd - 1, 10, 1), end: dayDate(ceEnd, 9, 30) };
}

/** The CE year in which month `month` (1–12) of fiscal year N falls: October–December in CE N-544, the rest in CE N-543. */
export const ceYearOfFiscalMonth = (fiscalYear: number, month: number): number => toCommonEraYear(fiscalYear) - (month >= 10 ? 1 : 0);

/** The fiscal year (BE) a CE date belongs to. */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

export function isInFiscalYear(isoDate: string, fiscalYear: number): boolean {
  const { start, end } = fiscalYearRange(fiscalYear);
  const day = isoDate.slice(0, 10);
  return day >= start && day <= end;
}

/** The fiscal year (BE) that today in Bangkok belongs to. */
export const currentFiscalYear = (now: Date = new Date()): number => fiscalYearOf(todayInBangkok(now));

/**
 * The fiscal year a reviewer's screens open on: the latest year with any plan, up to the current one
 * (a province early in a new year, before any plan exists, still opens on last year's work); the
 * current year when no year has a plan.
 */
export function latestActiveFiscalYear(years: readonly { fiscalYear: number; plans: number }[], now: Date = new Date()): number {
  const current = currentFiscalYear(now);
  const active = years.filter((year) => year.plans > 0 && year.fiscalYear <= current).map((year) => year.fiscalYear);
  return active.length > 0 ? Math.max(...active) : current;
}

/** The valid fiscal years: FIRST_FISCAL_YEAR … the current fiscal year + 1 (next year's plan may be started). */
export function fiscalYearBounds(now: Date = new Date()): { min: number; max: number } {
  return { min: FIRST_FISCAL_YEAR, max: currentFiscalYear(now) + 1 };
}

export function isValidFiscalYear(year: number, now: Date = new Date()): boolean {
  const { min, max } = fiscalYearBounds(now);
  return Number.isInteger(year) && year >= min && year <= max;
}

/** Every valid fiscal year, newest first (for year pickers). */
export function validFiscalYears(now: Date = new Date()): number[] {
  const { min, max } = fiscalYearBounds(now);
  return Array.from({ length: max - min + 1 }, (_, index) => max - index);
}

/** The message for a year outside the valid range, naming the range. */
export function fiscalYearRangeMessage(now: Date = new Date()): string {
  const { min, max } = fiscalYearBounds(now);
  return `ปีงบประมาณต้องเป็น พ.ศ. ${min}–${max}`;
}

/**
 * A fiscal year (ปีงบประมาณ) as a Buddhist-era year, in a JSON body: a JSON number, an integer in
 * the valid range (checked at parse time, so the range moves with the calendar).
 */
export const FiscalYearSchema = z
  .number({ message: 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ.' })
  .int('ปีงบประมาณต้องเป็นจำนวนเต็ม')
  .superRefine((year, ctx) => {
    if (isValidFiscalYear(year)) return;
    const { min, max } = fiscalYearBounds();
    ctx.addIssue({ code: 'custom', message: fiscalYearRangeMessage(), params: customIssue('fiscalYearRange', { min, max }) });
  });
export type FiscalYear = z.infer<typeof FiscalYearSchema>;

/** A fiscal year in a path or query string: decimal digits only, then the same range. */
export const FiscalYearParamSchema = DecimalIntSchema.pipe(FiscalYearSchema);
