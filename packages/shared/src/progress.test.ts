import { describe, expect, it } from 'vitest';
import type { Outcome } from './enums';
import { EDITABLE_PLAN_STATUSES, PLAN_TRANSITIONS, isEditablePlanStatus, isTransitionAllowedFrom } from './plan-lifecycle';
import { percentOf, planProgress } from './progress';

const outcomes = (...list: Outcome[]) => list.map((outcome) => ({ outcome }));

describe('percentOf', () => {
  it('when a share is not a round percentage, then it has one decimal', () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(1, 7)]).toEqual([33.3, 66.7, 14.3]);
  });

  it('when a share lies exactly halfway, then it rounds up (as PostgreSQL round(numeric, 1) does)', () => {
    // 1/16 = 6.25 %, 1/80 = 1.25 %, 3/80 = 3.75 %, 1/400 = 0.25 %
    expect([percentOf(1, 16), percentOf(1, 80), percentOf(3, 80), percentOf(1, 400)]).toEqual([6.3, 1.3, 3.8, 0.3]);
  });

  it('when the whole is 0, then the share is 0', () => {
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('planProgress', () => {
  it('when 4 measures are completed and 1 could not be carried out, then completion is 80 and settled is 100', () => {
    const progress = planProgress(outcomes('completed', 'completed', 'completed', 'completed', 'not_carried_out'));

    expect(progress).toEqual({
      total: 5,
      planned: 0,
      inProgress: 0,
      completed: 4,
      notCarriedOut: 1,
      completedPercent: 80,
      percentDone: 100,
    });
  });

  it('when a third of the measures is completed, then both percentages use the one rounding', () => {
    const progress = planProgress(outcomes('completed', 'planned', 'in_progress'));

    expect([progress.completedPercent, progress.percentDone]).toEqual([33.3, 33.3]);
  });

  it('when a plan has no measures, then everything is 0', () => {
    expect(planProgress([])).toMatchObject({ total: 0, completedPercent: 0, percentDone: 0 });
  });
});

describe('plan lifecycle', () => {
  it('when a plan is a draft or was returned, then it is editable and can be submitted; in no other status', () => {
    expect(EDITABLE_PLAN_STATUSES).toEqual(['draft', 'returned']);
    expect((['draft', 'submitted', 'returned', 'accepted', 'published'] as const).map(isEditablePlanStatus)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(PLAN_TRANSITIONS.submit.from).toBe(EDITABLE_PLAN_STATUSES);
  });

  it('when a plan was published, then only reopen leads out of it', () => {
    const names = (Object.keys(PLAN_TRANSITIONS) as (keyof typeof PLAN_TRANSITIONS)[]).filter((name) =>
      isTransitionAllowedFrom(name, 'published'),
    );
    expect(names).toEqual(['reopen']);
  });
});
