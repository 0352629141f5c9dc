import type { PlanStatus, ReviewKind } from './enums';
import type { Action } from './permissions';

/** Statuses in which editors may change a plan's content (its intro and its measures). */
export const EDITABLE_PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'returned'];

export const isEditablePlanStatus = (status: PlanStatus): boolean => EDITABLE_PLAN_STATUSES.includes(status);

export interface PlanTransition {
  /** The permission the step needs. */
  action: Extract<Action, 'submit:plan' | 'review:plan' | 'publish:plan'>;
  from: readonly PlanStatus[];
  to: PlanStatus;
  /** The review comment kind the step records, if any. */
  review?: ReviewKind;
  /** The plan timestamps the step sets. */
  stamp: Partial<Record<'submittedAt' | 'reviewedAt' | 'publishedAt', true>>;
}

/** The plan lifecycle: every step, who may take it and from which statuses. The server enforces it; the web hides the rest. */
export const PLAN_TRANSITIONS = {
  submit: { action: 'submit:plan', from: EDITABLE_PLAN_STATUSES, to: 'submitted', stamp: { submittedAt: true } },
  /** The editors take a submission back until a reviewer acts on it (returns or accepts it). */
  withdraw: { action: 'submit:plan', from: ['submitted'], to: 'draft', stamp: {} },
  return: { action: 'review:plan', from: ['submitted'], to: 'returned', review: 'return', stamp: { reviewedAt: true } },
  accept: { action: 'review:plan', from: ['submitted'], to: 'accepted', review: 'accept', stamp: { reviewedAt: true } },
  publish: { action: 'publish:plan', from: ['accepted'], to: 'published', stamp: { publishedAt: true } },
  reopen: { action: 'review:plan', from: ['accepted', 'published'], to: 'returned', review: 'reopen', stamp: {} },
} as const satisfies Record<string, PlanTransition>;

export type PlanTransitionName = keyof typeof PLAN_TRANSITIONS;
export const PLAN_TRANSITION_NAMES = Object.keys(PLAN_TRANSITIONS) as PlanTransitionName[];

/** Whether the step may start from this status (permissions aside). */
export const isTransitionAllowedFrom = (name: PlanTransitionName, status: PlanStatus): boolean =>
  (PLAN_TRANSITIONS[name] as PlanTransition).from.includes(status);
