import {
  DEADLINE_KINDS,
  DEFAULT_REMIND_DAYS_BEFORE,
  currentFiscalYear,
  daysUntil,
  deadlineState,
  defaultDeadlines,
  reminderStart,
  todayInBangkok,
  type Calendar,
  type Deadline,
  type DeadlineKind,
  type DeadlinesResponse,
  type UpdateCalendarInput,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan, requireUser } from '../../access/policies';
import { scopeFor } from '../../access/scope';
import { logger } from '../../lib/logger';
import { transaction } from '../../lib/db';
import { recordAudit } from '../audit/audit.service';
import * as queries from './calendar.queries';

/**
 * The ITA calendar per fiscal year (issue 14): national admins set the deadlines; everyone signed in
 * sees them with what is due, near or overdue for the agencies they see; reminders go to agencies that
 * have not done it, a configurable number of days before. "Today" is always Bangkok's, from the clock
 * the caller passes (tests pass their own).
 */

export async function calendarOf(fiscalYear: number): Promise<Calendar> {
  const set = new Map((await queries.deadlinesOf(fiscalYear)).map((row) => [row.kind, row]));
  const defaults = defaultDeadlines(fiscalYear);
  const deadlines: Deadline[] = DEADLINE_KINDS.map((kind) => {
    const row = set.get(kind);
    return row
      ? { kind, dueOn: row.dueOn, remindDaysBefore: row.remindDaysBefore, isDefault: false }
      : { kind, dueOn: defaults[kind], remindDaysBefore: DEFAULT_REMIND_DAYS_BEFORE, isDefault: true };
  });
  return { fiscalYear, deadlines };
}

export async function getCalendar(actor: Actor, fiscalYear: number): Promise<Calendar> {
  requireUser(actor);
  return calendarOf(fiscalYear);
}

/** A national admin sets some or all of a year's deadlines (the rest keep theirs or the default). */
export async function updateCalendar(actor: Actor, fiscalYear: number, input: UpdateCalendarInput): Promise<Calendar> {
  assertCan(actor, 'write:calendar');
  await transaction(async (db) => {
    const before = await queries.saveDeadlines(db, fiscalYear, input.deadlines, actor.userId);
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'calendar',
      entityId: String(fiscalYear),
      changes: { deadlines: { from: before, to: input.deadlines } },
    });
  });
  return calendarOf(fiscalYear);
}

/**
 * What is due in a fiscal year (default: the current one) for the agencies the caller sees: an editor,
 * their agency; a reviewer, their province (with the agencies that have not done it); an admin, all.
 */
export async function deadlinesFor(actor: Actor, fiscalYear: number | undefined, now: Date = new Date()): Promise<DeadlinesResponse> {
  requireUser(actor);
  const year = fiscalYear ?? currentFiscalYear(now);
  const today = todayInBangkok(now);
  const scope = scopeFor(actor, 'read:agency');
  const calendar = await calendarOf(year);
  const deadlines = await Promise.all(
    calendar.deadlines.map(async (deadline) => {
      const progress = await queries.deadlineProgress(scope, year, deadline.kind);
      const state = deadlineState({ ...deadline, today, done: progress.agencies > 0 && progress.done === progress.agencies });
      return { ...deadline, ...progress, daysLeft: daysUntil(deadline.dueOn, today), state };
    }),
  );
  return { fiscalYear: year, today, deadlines };
}

export interface ReminderRun {
  fiscalYear: number;
  kind: DeadlineKind;
  dueOn: string;
  agencies: number;
  notifications: number;
}

/**
 * The scheduled job: for each deadline of the current fiscal year whose reminder days have begun and
 * which has not passed, remind the agencies that have not done it yet (each once, see the queries).
 */
export async function runDeadlineReminders(now: Date): Promise<ReminderRun[]> {
  const today = todayInBangkok(now);
  const fiscalYear = currentFiscalYear(now);
  const calendar = await calendarOf(fiscalYear);
  const runs: ReminderRun[] = [];
  for (const deadline of calendar.deadlines) {
    if (today < reminderStart(deadline.dueOn, deadline.remindDaysBefore) || today > deadline.dueOn) continue;
    const result = await queries.insertDeadlineReminders(fiscalYear, deadline.kind, deadline.dueOn);
    runs.push({ fiscalYear, kind: deadline.kind, dueOn: deadline.dueOn, ...result });
  }
  const reminded = runs.filter((run) => run.agencies > 0);
  if (reminded.length > 0) logger.info({ reminded }, 'deadline reminders written');
  return runs;
}
