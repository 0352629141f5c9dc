import { describe, expect, it } from 'vitest';
import { deadlineState, defaultDeadlines, daysUntil, reminderStart } from './ita-calendar';

describe('the ITA calendar', () => {
  it('when no admin set a deadline, then FY2569 defaults to 31 March, 30 April and 30 September 2026 (CE)', () => {
    expect(defaultDeadlines(2569)).toEqual({ plan_submitted: '2026-03-31', plan_published: '2026-04-30', results_reported: '2026-09-30' });
  });

  it('counts days across a month and a leap day', () => {
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntil('2026-03-31', '2026-04-01')).toBe(-1);
    expect(reminderStart('2024-03-10', 14)).toBe('2024-02-25');
  });

  it.each([
    { today: '2026-03-16', done: false, expected: 'upcoming' },
    { today: '2026-03-17', done: false, expected: 'near' },
    { today: '2026-03-31', done: false, expected: 'near' },
    { today: '2026-04-01', done: false, expected: 'overdue' },
    { today: '2026-04-01', done: true, expected: 'done' },
  ] as const)('on $today (done: $done) a deadline of 31 March with 14 days of reminders is $expected', ({ today, done, expected }) => {
    expect(deadlineState({ dueOn: '2026-03-31', remindDaysBefore: 14, done, today })).toBe(expected);
  });
});
