import { Router } from 'express';
import {
  MarkNotificationsReadInputSchema,
  MarkNotificationsReadResponseSchema,
  NotificationListQuerySchema,
  NotificationListResponseSchema,
  NotificationPreferencesSchema,
  UpdateNotificationPreferencesInputSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { getPreferences, listNotifications, markNotificationsRead, updatePreferences } from './notifications.service';

export const notificationsRouter = Router();
const tag = 'notifications';

defineRoute(
  notificationsRouter,
  {
    method: 'get',
    path: '/notifications',
    summary: "The signed-in user's notifications, newest first (paginated), with the unread count",
    tag,
    query: NotificationListQuerySchema,
    response: NotificationListResponseSchema,
  },
  async ({ actor, query }) => listNotifications(actor, query),
);

defineRoute(
  notificationsRouter,
  {
    method: 'post',
    path: '/notifications/read',
    summary: "Mark some of the signed-in user's notifications read (others' ids are ignored), or all of them",
    tag,
    body: MarkNotificationsReadInputSchema,
    response: MarkNotificationsReadResponseSchema,
  },
  async ({ actor, body }) => markNotificationsRead(actor, body),
);

defineRoute(
  notificationsRouter,
  {
    method: 'get',
    path: '/notifications/preferences',
    summary: 'How the signed-in user hears of each kind of notification: app (the bell only), email (at once) or digest (one e-mail a day)',
    tag,
    response: NotificationPreferencesSchema,
  },
  async ({ actor }) => getPreferences(actor),
);

defineRoute(
  notificationsRouter,
  {
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Change how the signed-in user hears of some kinds (the others keep theirs); applies to notifications from now on',
    tag,
    body: UpdateNotificationPreferencesInputSchema,
    response: NotificationPreferencesSchema,
  },
  async ({ actor, body }) => updatePreferences(actor, body),
);
