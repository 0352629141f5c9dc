import type { Outcome } from './enums';
import type { PlanProgress } from './schemas/plan';

/**
 * The one rounding of every percentage the app shows: `part` of `whole` as a percentage with one
 * decimal, halves rounded up, 0 when `whole` is 0. PostgreSQL's `round(100.0 * part / whole, 1)`
 * gives the same figure for the non-negative counts this is used for (a test compares them).
 */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  // 1000 * part / whole is exact at every half (k + 0.5 is a short binary fraction), so no 0.04999… drift.
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * A plan's progress from its live measures' outcomes.
 * - `completedPercent` (completion): measures carried out to the end over all measures. The one
 *   figure shown as "completed" everywhere (plan pages, public pages, reviewer overview, compare, trends).
 * - `percentDone`: measures settled either way (completed, or could not be carried out) over all.
 */
export function planProgress(measures: readonly { outcome: Outcome }[]): PlanProgress {
  const count = (outcome: Outcome) => measures.filter((measure) => measure.outcome === outcome).length;
  const total = measures.length;
  const completed = count('completed');
  const notCarriedOut = count('not_carried_out');
  return {
    total,
    planned: count('planned'),
    inProgress: count('in_progress'),
    completed,
    notCarriedOut,
    completedPercent: percentOf(completed, total),
    percentDone: percentOf(completed + notCarriedOut, total),
  };
}
