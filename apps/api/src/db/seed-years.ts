import { currentFiscalYear, fiscalYearRange, todayInBangkok, type PlanStatus } from '@prongsai/shared';

/**
 * Which demo plans exist in which fiscal year, reckoned from the current fiscal year in Bangkok
 * (issue 15, part 3): whoever opens the app sees the current year's plans in progress, last year's
 * published with results and ITA scores, the year before as history. Pure: the same date gives the
 * same plans (the seed is deterministic for a given date; a test injects the date).
 *
 * The fixed scenarios of FY2565–2567 (and the sample report's FY2566) stay as they were: tests and
 * the e2e journeys rely on them. Relative years are only ever later than that fixed history, so the
 * two never compete for the same plan.
 */

/** The last fiscal year of the fixed demo history; relative plans start after it. */
export const LAST_FIXED_YEAR = 2567;

/**
 * No relative plan at all for the two demo logins' agencies: บางทรายน้อย, whose FY2567–2570 plans
 * the e2e editor journey and the API's crash and database-outage tests create, and บ้านซ่ง, whose
 * FY2568 and FY2569 plans the e2e conflict and import journeys create.
 */
const UNTOUCHED_AGENCIES = new Set(['6490601', '6490502']);

/**
 * No relative history for ชะโนด and เทศบาลเมืองมุกดาหาร, which the public e2e journey shows as
 * agencies that never published (their current year is in progress, not published).
 */
const NEVER_PUBLISHED = new Set(['6490603', '4490101']);

export type YearRole = 'current' | 'last' | 'history';

export interface RelativePlanScenario {
  agencyCode: string;
  fiscalYear: number;
  status: PlanStatus;
  role: YearRole;
}

/** Current year: every state of the lifecycle, progress under way. */
const CURRENT: [agencyCode: string, status: PlanStatus][] = [
  ['2490001', 'submitted'],
  ['4490101', 'returned'],
  ['5490601', 'draft'],
  ['6490603', 'submitted'],
  ['6490401', 'returned'],
  ['2370001', 'accepted'],
  ['4370101', 'published'],
  ['6370201', 'submitted'],
];

/** Last year: published (one accepted, never published), results recorded; ITA scores given. */
const LAST: [agencyCode: string, status: PlanStatus][] = [
  ['2490001', 'published'],
  ['5490601', 'accepted'],
  ['6490401', 'published'],
  ['2370001', 'published'],
  ['4370101', 'published'],
  ['6370201', 'published'],
];

/** The year before last: history. */
const HISTORY: [agencyCode: string, status: PlanStatus][] = [
  ['2490001', 'published'],
  ['5490601', 'published'],
  ['2370001', 'published'],
  ['6370201', 'published'],
];

/** The demo plans relative to `now` (current fiscal year in Asia/Bangkok, the year before, the one before that). */
export function relativePlanScenarios(now: Date): RelativePlanScenario[] {
  const current = currentFiscalYear(now);
  const years: [number, YearRole, [string, PlanStatus][]][] = [
    [current, 'current', CURRENT],
    [current - 1, 'last', LAST],
    [current - 2, 'history', HISTORY],
  ];
  return years.flatMap(([fiscalYear, role, rows]) =>
    fiscalYear <= LAST_FIXED_YEAR
      ? []
      : rows
          .filter(([agencyCode]) => !UNTOUCHED_AGENCIES.has(agencyCode) && (role === 'current' || !NEVER_PUBLISHED.has(agencyCode)))
          .map(([agencyCode, status]) => ({ agencyCode, fiscalYear, status, role })),
  );
}

/** A stable pseudo-random integer from a text (FNV-1a): the same agency and year always get the same value. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** An ITA score (0–100, two decimals) for a demo agency's year: 70.00–99.99, the same every time. */
export const demoItaScore = (agencyCode: string, fiscalYear: number): number =>
  70 + (stableHash(`${agencyCode}:${fiscalYear}`) % 3000) / 100;

/** The ITA scores the relative years carry: last year's and the year before's, for every agency with a published plan then. */
export function relativeItaScores(now: Date): [agencyCode: string, fiscalYear: number, score: number][] {
  return relativePlanScenarios(now)
    .filter((scenario) => scenario.role !== 'current' && scenario.status === 'published')
    .map((scenario) => [scenario.agencyCode, scenario.fiscalYear, demoItaScore(scenario.agencyCode, scenario.fiscalYear)]);
}

const DAY = 24 * 60 * 60 * 1000;

/** Midnight (UTC) of `now`'s date in Bangkok: every seeded timestamp derives from it, not from the clock's minutes. */
export function bangkokDay(now: Date): Date {
  return new Date(`${todayInBangkok(now)}T00:00:00Z`);
}

/**
 * When a relative plan was submitted, reviewed and published. The current year's relative to today
 * (a few days or weeks ago); earlier years' in the first weeks of their fiscal year, as plans are.
 */
export function planTimestamps(
  scenario: RelativePlanScenario,
  now: Date,
): { submittedAt: Date | null; reviewedAt: Date | null; publishedAt: Date | null } {
  const reviewed = ['accepted', 'published', 'returned'].includes(scenario.status);
  const start = new Date(`${fiscalYearRange(scenario.fiscalYear).start}T00:00:00Z`);
  const base = scenario.role === 'current' ? new Date(bangkokDay(now).getTime() - 21 * DAY) : new Date(start.getTime() + 14 * DAY);
  const at = (days: number) => new Date(base.getTime() + days * DAY + 3 * 60 * 60 * 1000);
  return {
    submittedAt: scenario.status === 'draft' ? null : at(0),
    reviewedAt: reviewed ? at(7) : null,
    publishedAt: scenario.status === 'published' ? at(14) : null,
  };
}

/**
 * The day a measure of a relative plan was carried out: spread over the year for past years; for the
 * current year, between the start of the year and yesterday (never in the future).
 */
export function carriedOutDay(scenario: RelativePlanScenario, index: number, now: Date): Date {
  const { start, end } = fiscalYearRange(scenario.fiscalYear);
  const first = new Date(`${start}T00:00:00Z`).getTime();
  const last = scenario.role === 'current' ? bangkokDay(now).getTime() - DAY : new Date(`${end}T00:00:00Z`).getTime();
  if (last <= first) return new Date(first);
  const span = last - first;
  const offset = Math.floor(((span / DAY) * ((index * 37 + 11) % 100)) / 100) * DAY;
  return new Date(first + offset);
}
