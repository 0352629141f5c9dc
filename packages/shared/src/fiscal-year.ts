import { z } from 'zod';
import { dayDate, type IsoDate } from './dates';
import { toBuddhistYear, toCommonEraYear } from './thai';

/** A fiscal year (ปีงบประมาณ) as a Buddhist-era year. */
export const FiscalYearSchema = z.coerce
  .number({ message: 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ.' })
  .int('ปีงบประมาณต้องเป็นจำนวนเต็ม')
  .min(2560, 'ปีงบประมาณต้องเป็น พ.ศ. 2560 ขึ้นไป')
  .max(2600, 'ปีงบประมาณต้องเป็น พ.ศ. ไม่เกิน 2600');
export type FiscalYear = z.infer<typeof FiscalYearSchema>;

/** FY N (BE) runs 1 October of BE N-1 to 30 September of BE N. */
export function fiscalYearRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  const ceEnd = toCommonEraYear(fiscalYear);
  return { start: dayDate(ceEnd - 1, 10, 1), end: dayDate(ceEnd, 9, 30) };
}

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

export const currentFiscalYear = (now = new Date()): number => fiscalYearOf(now.toISOString().slice(0, 10));
