import { describe, expect, it } from 'vitest';
import { currentFiscalYear, FiscalYearSchema, fiscalYearBounds, fiscalYearOf, fiscalYearRange, isInFiscalYear } from './fiscal-year';

/** FY 2570 (BE) runs 1 October 2026 to 30 September 2027 (CE). */
describe('fiscalYearOf', () => {
  it.each([
    ['2026-09-30', 2569],
    ['2026-10-01', 2570],
    ['2027-09-30', 2570],
    ['2027-10-01', 2571],
    ['2026-01-01', 2569],
    ['2026-12-31', 2570],
  ])('when the date is %s, then the fiscal year is %i', (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
  });

  it('when the last minute of 30 September and the first of 1 October (Asia/Bangkok) are read, then they fall in consecutive fiscal years', () => {
    // Arrange: local Bangkok timestamps as the web and the API write them.
    const lastMinute = '2026-09-30T23:59:00+07:00';
    const firstMinute = '2026-10-01T00:00:00+07:00';

    // Act
    const years = [fiscalYearOf(lastMinute), fiscalYearOf(firstMinute)];

    // Assert
    expect(years).toEqual([2569, 2570]);
  });

  it('when every day of a year is read, then the fiscal year changes on 1 October and nowhere else', () => {
    const turnovers: string[] = [];
    for (let day = new Date(Date.UTC(2026, 0, 2)); day.getUTCFullYear() === 2026; day.setUTCDate(day.getUTCDate() + 1)) {
      const previous = new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
      const today = day.toISOString().slice(0, 10);
      if (fiscalYearOf(today) !== fiscalYearOf(previous)) turnovers.push(today);
    }

    expect(turnovers).toEqual(['2026-10-01']);
  });
});

describe('fiscalYearRange / isInFiscalYear', () => {
  it('when FY 2570 is asked for, then it runs 2026-10-01 to 2027-09-30 and both ends are inside', () => {
    expect(fiscalYearRange(2570)).toEqual({ start: '2026-10-01', end: '2027-09-30' });
    expect(['2026-09-30', '2026-10-01', '2027-09-30', '2027-10-01'].map((date) => isInFiscalYear(date, 2570))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('FiscalYearSchema', () => {
  const { min, max } = fiscalYearBounds();

  it.each([[min], [max], [2566]])('when the fiscal year is %j, then it is accepted', (fiscalYear) => {
    expect(FiscalYearSchema.parse(fiscalYear)).toBe(fiscalYear);
  });

  it.each([
    [min - 1, `ปีงบประมาณต้องเป็น พ.ศ. ${min}–${max}`],
    [max + 1, `ปีงบประมาณต้องเป็น พ.ศ. ${min}–${max}`],
    [2023, `ปีงบประมาณต้องเป็น พ.ศ. ${min}–${max}`],
    [2566.5, 'ปีงบประมาณต้องเป็นจำนวนเต็ม'],
    ['2566', 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ.'],
    ['สองพัน', 'ปีงบประมาณต้องเป็นตัวเลข พ.ศ.'],
  ])('when the fiscal year is %j, then it is refused with "%s"', (input, message) => {
    expect(FiscalYearSchema.safeParse(input).error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe('isInFiscalYear with timestamps', () => {
  it('when a timestamp is given, then only its date part counts', () => {
    expect(isInFiscalYear('2027-09-30T23:59:59Z', 2570)).toBe(true);
    expect(isInFiscalYear('2026-09-30T23:59:59Z', 2570)).toBe(false);
  });
});

describe('currentFiscalYear', () => {
  it('when it is 30 September 16:59 UTC (23:59 in Bangkok), then it is still the old fiscal year', () => {
    expect(currentFiscalYear(new Date('2026-09-30T16:59:00Z'))).toBe(2569);
  });

  it('when it is 1 October 00:00 UTC, then it is the new fiscal year', () => {
    expect(currentFiscalYear(new Date('2026-10-01T00:00:00Z'))).toBe(2570);
  });

  // Was a bug until "today" moved to Asia/Bangkok in packages/shared: from 00:00 to 06:59 on
  // 1 October in Bangkok the UTC date still answered the old year.
  it('when it is 30 September 17:00 UTC (1 October 00:00 in Bangkok), then it is the new fiscal year', () => {
    expect(currentFiscalYear(new Date('2026-09-30T17:00:00Z'))).toBe(2570);
  });
});
