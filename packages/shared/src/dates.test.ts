import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dayDate, formatDate, formatPartialDate, IsoDateSchema, isValidIsoDate, monthDate, PartialDateSchema } from './dates';
import { CreateMeasureInputSchema, UpdateMeasureInputSchema } from './schemas/measure';
import { ImportMeasureInputSchema } from './schemas/report-io';
import { ParsedMeasureSchema } from './schemas/report-import';
import { CreateTimelineEntryInputSchema } from './schemas/timeline';

/**
 * Every schema in packages/shared that takes a calendar date (found with
 * `grep -rn "IsoDateSchema\|PartialDateSchema" packages/shared/src`), each given a date through
 * the field it has. A BE year typed where a CE one belongs (2566-03-07) must be refused by all.
 */
const parsedMeasure = {
  sequence: 1,
  title: 'มาตรการ',
  actions: [],
  indicators: [],
  outcome: 'completed',
  outcomeReason: null,
  resultText: null,
  summary: null,
  responsible: null,
  carriedOutRaw: null,
  evidence: [],
};
const DATE_FIELDS: [string, z.ZodType, (date: string) => unknown][] = [
  ['IsoDateSchema', IsoDateSchema, (date) => date],
  ['PartialDateSchema (day)', PartialDateSchema, (date) => ({ date, precision: 'day' })],
  ['PartialDateSchema (month)', PartialDateSchema, (date) => ({ date: `${date.slice(0, 7)}-01`, precision: 'month' })],
  ['CreateMeasureInputSchema.plannedStart', CreateMeasureInputSchema, (date) => ({ title: 'มาตรการ', plannedStart: date })],
  ['CreateMeasureInputSchema.plannedEnd', CreateMeasureInputSchema, (date) => ({ title: 'มาตรการ', plannedEnd: date })],
  [
    'CreateMeasureInputSchema.carriedOut',
    CreateMeasureInputSchema,
    (date) => ({ title: 'มาตรการ', carriedOut: { date, precision: 'day' } }),
  ],
  ['UpdateMeasureInputSchema.plannedStart', UpdateMeasureInputSchema, (date) => ({ version: 1, plannedStart: date })],
  ['UpdateMeasureInputSchema.plannedEnd', UpdateMeasureInputSchema, (date) => ({ version: 1, plannedEnd: date })],
  ['UpdateMeasureInputSchema.carriedOut', UpdateMeasureInputSchema, (date) => ({ version: 1, carriedOut: { date, precision: 'day' } })],
  ['ImportMeasureInputSchema.plannedStart', ImportMeasureInputSchema, (date) => ({ title: 'มาตรการ', plannedStart: date })],
  ['ImportMeasureInputSchema.plannedEnd', ImportMeasureInputSchema, (date) => ({ title: 'มาตรการ', plannedEnd: date })],
  [
    'ImportMeasureInputSchema.carriedOut',
    ImportMeasureInputSchema,
    (date) => ({ title: 'มาตรการ', carriedOut: { date, precision: 'day' } }),
  ],
  ['CreateTimelineEntryInputSchema.occurredOn', CreateTimelineEntryInputSchema, (date) => ({ note: 'บันทึก', occurredOn: date })],
  ['ParsedMeasureSchema.carriedOut', ParsedMeasureSchema, (date) => ({ ...parsedMeasure, carriedOut: { date, precision: 'day' } })],
];

describe('date schemas refuse Buddhist-era years', () => {
  describe.each(DATE_FIELDS)('%s', (_name, schema, withDate) => {
    it('when the date is a CE date (2023-03-07), then it is accepted', () => {
      expect(schema.safeParse(withDate('2023-03-07')).success).toBe(true);
    });

    it.each(['2566-03-07', '2543-01-01', '2569-09-30', '2600-12-31'])('when the date has a BE year (%s), then it is refused', (date) => {
      expect(schema.safeParse(withDate(date)).success).toBe(false);
    });
  });
});

describe('IsoDateSchema', () => {
  it.each([
    ['1900-01-01', true],
    ['2200-12-31', true],
    ['1899-12-31', false],
    ['2201-01-01', false],
    ['2023-02-29', false],
    ['2024-02-29', true],
    ['2023-3-7', false],
    ['x2023-03-07', false],
    ['2023-03-07x', false],
    ['2023-13-01', false],
    ['2023-04-31', false],
    ['2023-00-10', false],
  ])('when the date is %s, then accepted is %s', (date, accepted) => {
    expect(IsoDateSchema.safeParse(date).success).toBe(accepted);
  });

  it('when a BE year is refused, then the message says the year must be CE', () => {
    const result = IsoDateSchema.safeParse('2566-03-07');

    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['ปีต้องเป็น ค.ศ. (เช่น 2023 ไม่ใช่ 2566)']);
  });
});

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    [' 2023-03-07', false],
    ['2023-03-07 ', false],
  ])('when the text is %j, then valid is %s', (text, valid) => {
    expect(isValidIsoDate(text)).toBe(valid);
  });
});

describe('PartialDateSchema precision', () => {
  it('when a month-precision date is not the first of the month, then it is refused on the date field', () => {
    const result = PartialDateSchema.safeParse({ date: '2023-03-07', precision: 'month' });

    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['date', 'วันที่ที่ระบุแค่เดือนต้องเป็นวันที่ 1 ของเดือน'],
    ]);
  });
});

describe('date formatting', () => {
  it.each([
    [{ date: '2023-03-07', precision: 'day' }, 'th', 'thai', '๗ มีนาคม ๒๕๖๖'],
    [{ date: '2023-03-01', precision: 'month' }, 'th', 'thai', 'มีนาคม ๒๕๖๖'],
    [{ date: '2023-03-07', precision: 'day' }, 'th', 'arabic', '7 มีนาคม 2566'],
    [{ date: '2023-03-07', precision: 'day' }, 'en', 'thai', '7 March 2023'],
    [{ date: '2023-12-01', precision: 'month' }, 'en', 'thai', 'December 2023'],
  ] as const)('when %j is shown in %s with %s digits, then it reads %j', (value, locale, digits, text) => {
    expect(formatPartialDate(value, locale, digits)).toBe(text);
  });

  it('when a timestamp is formatted as a date, then its day is shown in BE with Thai digits by default', () => {
    expect(formatDate('2023-10-01T08:00:00Z')).toBe('๑ ตุลาคม ๒๕๖๖');
  });

  it('when dates are built from numbers, then they are zero-padded CE dates', () => {
    expect([dayDate(2023, 3, 7), monthDate(2023, 11)]).toEqual(['2023-03-07', '2023-11-01']);
  });
});
