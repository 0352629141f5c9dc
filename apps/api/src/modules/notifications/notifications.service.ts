import {
  DEFAULT_NOTIFICATION_DELIVERY,
  NOTIFICATION_AUDIENCE,
  PLAN_NOTIFICATION_KINDS,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
  type MarkNotificationsReadInput,
  type MarkNotificationsReadResponse,
  type PlanNotificationKind,
  type NotificationListQuery,
  type NotificationListResponse,
  type PlanTransitionName,
} from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { AppError } from '../../lib/app-error';
import * as queries from './notifications.queries';
import type { EventDb, NotificationRow } from './notifications.queries';

/**
 * In-app notifications and the events that make them (issue 14, ADR 010). A user reads and marks
 * only their own; events are written in the transaction of the change that causes them.
 */

/** The signed-in user's own notifications (anonymous callers never get here: the routes need a session). */
function own(actor: Actor): queries.OwnNotifications {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  return queries.ownNotifications(actor.userId);
}

export const toNotification = (row: NotificationRow) => ({
  id: row.id,
  kind: row.kind,
  planId: row.planId,
  agencyId: row.agencyId,
  data: row.data,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export async function listNotifications(actor: Actor, query: NotificationListQuery): Promise<NotificationListResponse> {
  const { rows, total, unreadCount } = await queries.listNotifications(own(actor), query);
  return { items: rows.map(toNotification), page: query.page, pageSize: query.pageSize, total, unreadCount };
}

export async function markNotificationsRead(actor: Actor, input: MarkNotificationsReadInput): Promise<MarkNotificationsReadResponse> {
  return queries.markRead(own(actor), input.all ? 'all' : (input.ids ?? []));
}

/** How the user hears of each kind (every kind listed; the default where they chose nothing). */
export async function getPreferences(actor: Actor): Promise<NotificationPreferences> {
  const chosen = new Map((await queries.preferencesOf(own(actor))).map((row) => [row.kind, row.delivery]));
  return { items: PLAN_NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? DEFAULT_NOTIFICATION_DELIVERY })) };
}

/** Change how the user hears of some kinds; applies to notifications written from now on. */
export async function updatePreferences(actor: Actor, input: UpdateNotificationPreferencesInput): Promise<NotificationPreferences> {
  await queries.setPreferences(own(actor), input.items);
  return getPreferences(actor);
}

/** Which notification a plan step makes. */
const KIND_OF_TRANSITION: Record<PlanTransitionName, PlanNotificationKind> = {
  submit: 'plan_submitted',
  withdraw: 'plan_withdrawn',
  return: 'plan_returned',
  accept: 'plan_accepted',
  publish: 'plan_published',
  reopen: 'plan_reopened',
};

export type PlanEvent = { planId: string; comment?: string | null } & (
  { transition: PlanTransitionName } | { kind: 'review_comment' | 'reopen_requested' }
);

/**
 * THE hook of plan events: call it inside the transaction that makes the change, right after its
 * audit row. Tells the event's audience (shared NOTIFICATION_AUDIENCE) in the app and by e-mail.
 */
export async function recordPlanEvent(db: EventDb, actor: Actor, event: PlanEvent): Promise<number> {
  const kind = 'transition' in event ? KIND_OF_TRANSITION[event.transition] : event.kind;
  return queries.insertPlanEvent(db, {
    kind,
    audience: NOTIFICATION_AUDIENCE[kind],
    planId: event.planId,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.kind === 'user' ? actor.name : null,
    comment: event.comment ?? null,
  });
}

export type AccountEvent =
  { kind: 'account_created'; userId: string; email: string } | { kind: 'password_reset'; userId: string; code: string; expiresAt: Date };

/**
 * THE hook of account events (issue 14): call it inside the transaction that creates the account or
 * issues the reset code. The user is told by e-mail whatever their preferences (a reset code is never
 * shown in the app, and leaves the stored notification once the e-mail has gone).
 */
export async function recordAccountEvent(db: EventDb, actor: Actor, event: AccountEvent): Promise<void> {
  await queries.insertAccountEvent(db, {
    kind: event.kind,
    userId: event.userId,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.kind === 'user' ? actor.name : null,
    email: event.kind === 'account_created' ? event.email : null,
    code: event.kind === 'password_reset' ? event.code : null,
    expiresAt: event.kind === 'password_reset' ? event.expiresAt.toISOString() : null,
  });
}
