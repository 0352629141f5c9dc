import { dayDate, type IsoDate } from './dates';
import { toCommonEraYear } from './thai';

/**
 * The ITA calendar of a fiscal year (issue 14): the deadlines a national admin sets each year, the
 * defaults when none are set, and what a deadline means to one agency today. DOMAIN.md: the NACC
 * announces the calendar every year and moves dates, so these are defaults, not rules.
 */
export const DEADLINE_KINDS = ['plan_submitted', 'plan_published', 'results_reported'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Reminders go this many days before a deadline unless the admin chose otherwise. */
export const DEFAULT_REMIND_DAYS_BEFORE = 14;

/**
 * Defaults for fiscal year N (BE), all in CE year N-543:
 * - plan_submitted 31 March: a month before publication, so the province can review (and return) in time;
 * - plan_published 30 April: the end of the OIT data collection (1 March–30 April in ITA 2565), by which
 *   the measures (O42 in 2566) must be public;
 * - results_reported 30 September: the last day of the fiscal year whose results the report (O43) gives.
 */
export function defaultDeadlines(fiscalYear: number): Record<DeadlineKind, IsoDate> {
  const ce = toCommonEraYear(fiscalYear);
  return { plan_submitted: dayDate(ce, 3, 31), plan_published: dayDate(ce, 4, 30), results_reported: dayDate(ce, 9, 30) };
}

/** What a deadline means to one agency on `today`: done, overdue, near (within the reminder days) or later. */
export type DeadlineState = 'done' | 'overdue' | 'near' | 'upcoming';

const dayNumber = (isoDate: string) =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;

/** Whole days from `today` to `dueOn` (negative once it has passed). */
export const daysUntil = (dueOn: IsoDate, today: IsoDate): number => dayNumber(dueOn) - dayNumber(today);

export function deadlineState(input: { dueOn: IsoDate; remindDaysBefore: number; done: boolean; today: IsoDate }): DeadlineState {
  if (input.done) return 'done';
  const days = daysUntil(input.dueOn, input.today);
  if (days < 0) return 'overdue';
  return days <= input.remindDaysBefore ? 'near' : 'upcoming';
}

/** The first day reminders of a deadline go out. */
export function reminderStart(dueOn: IsoDate, remindDaysBefore: number): IsoDate {
  const start = new Date((dayNumber(dueOn) - remindDaysBefore) * 86_400_000);
  return start.toISOString().slice(0, 10);
}
