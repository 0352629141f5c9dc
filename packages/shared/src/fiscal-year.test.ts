import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecimalIntSchema, VersionQuerySchema, VersionSchema } from './schemas/common';
import {
  FIRST_FISCAL_YEAR,
  FiscalYearParamSchema,
  FiscalYearSchema,
  ceYearOfFiscalMonth,
  currentFiscalYear,
  fiscalYearBounds,
  isValidFiscalYear,
  latestActiveFiscalYear,
  todayInBangkok,
  validFiscalYears,
  APP_TIME_ZONE,
} from './fiscal-year';

// 2 December 2026, mid-morning UTC: fiscal year 2570 in Bangkok and in UTC alike.
const DEC_2026 = new Date('2026-12-02T03:00:00Z');

describe('todayInBangkok', () => {
  it('when it is 23:30 UTC, then Bangkok (UTC+7) is already on the next day', () => {
    expect(todayInBangkok(new Date('2026-03-06T23:30:00Z'))).toBe('2026-03-07');
  });

  it('when it is 16:59 UTC, then Bangkok is still on the same day', () => {
    expect(todayInBangkok(new Date('2026-03-07T16:59:59Z'))).toBe('2026-03-07');
  });

  it('when it is 17:00 UTC on 31 December, then Bangkok is on 1 January of the next year', () => {
    expect(todayInBangkok(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the date Intl gives in Asia/Bangkok, every 97 minutes of two years', () => {
    const bangkok = new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    const viaIntl = (at: Date) => {
      const parts = Object.fromEntries(bangkok.formatToParts(at).map((part) => [part.type, part.value]));
      return `${parts.year}-${parts.month}-${parts.day}`;
    };
    const differing: string[] = [];
    for (let at = Date.parse('2025-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 97 * 60_000) {
      if (todayInBangkok(new Date(at)) !== viaIntl(new Date(at))) differing.push(new Date(at).toISOString());
    }
    expect(differing).toEqual([]);
  });
});

describe('currentFiscalYear', () => {
  it('when UTC is still 30 September but Bangkok is on 1 October, then the Bangkok fiscal year counts', () => {
    // 30 Sep 2026 20:00 UTC is 1 Oct 2026 03:00 in Bangkok: FY 2570 has begun there.
    expect(currentFiscalYear(new Date('2026-09-30T20:00:00Z'))).toBe(2570);
  });

  it('when it is a December day, then the fiscal year is the next BE year', () => {
    expect(currentFiscalYear(DEC_2026)).toBe(2570);
  });
});

describe('ceYearOfFiscalMonth', () => {
  it('when a month is October–December, then it falls in CE N−544, else in CE N−543', () => {
    expect([
      ceYearOfFiscalMonth(2566, 10),
      ceYearOfFiscalMonth(2566, 12),
      ceYearOfFiscalMonth(2566, 1),
      ceYearOfFiscalMonth(2566, 9),
    ]).toEqual([2022, 2022, 2023, 2023]);
  });
});

describe('the valid fiscal years', () => {
  it('when asked on 2 December 2026, then they run from 2550 to 2571 (the current year + 1), newest first', () => {
    expect(fiscalYearBounds(DEC_2026)).toEqual({ min: FIRST_FISCAL_YEAR, max: 2571 });
    const years = validFiscalYears(DEC_2026);
    expect(years[0]).toBe(2571);
    expect(years.at(-1)).toBe(2550);
    expect(years).toHaveLength(22);
  });

  it('when a year is one past either end or not whole, then it is not valid', () => {
    expect([2549, 2550, 2571, 2572, 2566.5].map((year) => isValidFiscalYear(year, DEC_2026))).toEqual([false, true, true, false, false]);
  });
});

describe('FiscalYearSchema (JSON bodies) and FiscalYearParamSchema (paths and queries)', () => {
  afterEach(() => vi.useRealTimers());

  it('when a body year is a string, a boolean or an array, then it is refused', () => {
    for (const value of ['2566', true, [2566]]) expect(FiscalYearSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(FiscalYearSchema.parse(2566)).toBe(2566);
  });

  it('when a path year is hex, exponent, padded, signed or a fraction, then it is refused', () => {
    for (const value of ['0xA06', '2.566e3', ' 2566', '2566 ', '+2566', '2566.0', '', '๒๕๖๖']) {
      expect(FiscalYearParamSchema.safeParse(value).success, value).toBe(false);
    }
    expect(FiscalYearParamSchema.parse('2566')).toBe(2566);
  });

  it('when a year is past the current fiscal year + 1, then the message names the allowed range', () => {
    vi.useFakeTimers({ now: DEC_2026, toFake: ['Date'] });
    const result = FiscalYearParamSchema.safeParse('2599');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('ปีงบประมาณต้องเป็น พ.ศ. 2550–2571');
    expect(FiscalYearSchema.safeParse(2549).success).toBe(false);
  });

  it('when the calendar moves into a new fiscal year, then the upper bound moves with it', () => {
    vi.useFakeTimers({ now: new Date('2027-09-30T16:59:00Z'), toFake: ['Date'] }); // 23:59 Bangkok, last day of FY 2570
    expect(FiscalYearSchema.safeParse(2572).success).toBe(false);
    vi.setSystemTime(new Date('2027-09-30T17:00:00Z')); // 00:00 Bangkok, 1 Oct: FY 2571
    expect(FiscalYearSchema.safeParse(2572).success).toBe(true);
  });
});

describe('DecimalIntSchema and VersionSchema', () => {
  it('when a query number has anything but decimal digits, then it is refused', () => {
    for (const value of ['0x10', '1e3', ' 5', '-1', '1.5', 'abc', '', ['1']])
      expect(DecimalIntSchema.safeParse(value).success, String(value)).toBe(false);
    expect(DecimalIntSchema.parse('0042')).toBe(42);
  });

  it('when a body version is "3", true, [1] or "0x1", then it is refused; 3 is kept', () => {
    for (const value of ['3', true, [1], '0x1', 1.5, 0]) expect(VersionSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(VersionSchema.parse(3)).toBe(3);
  });

  it('when a query version is decimal text, then it becomes a number; "0x1" is refused', () => {
    expect(VersionQuerySchema.parse('3')).toBe(3);
    expect(VersionQuerySchema.safeParse('0x1').success).toBe(false);
  });
});

describe('latestActiveFiscalYear', () => {
  const now = new Date('2026-12-02T03:00:00Z'); // FY2570 in Bangkok
  it('when the current year has plans, then it is the current year', () => {
    expect(
      latestActiveFiscalYear(
        [
          { fiscalYear: 2569, plans: 40 },
          { fiscalYear: 2570, plans: 3 },
        ],
        now,
      ),
    ).toBe(2570);
  });
  it('when the current year has no plan yet, then it is the latest year that has', () => {
    expect(
      latestActiveFiscalYear(
        [
          { fiscalYear: 2568, plans: 12 },
          { fiscalYear: 2569, plans: 40 },
          { fiscalYear: 2570, plans: 0 },
        ],
        now,
      ),
    ).toBe(2569);
  });
  it('when only next year has plans or no year has any, then it is the current year', () => {
    expect(latestActiveFiscalYear([{ fiscalYear: 2571, plans: 2 }], now)).toBe(2570);
    expect(latestActiveFiscalYear([], now)).toBe(2570);
  });
});
