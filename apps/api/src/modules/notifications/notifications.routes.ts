import { Router } from 'express';
import {
  MarkNotificationsReadInputSchema,
  MarkNotificationsReadResponseSchema,
  NotificationListQuerySchema,
  NotificationListResponseSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { listNotifications, markNotificationsRead } from './notifications.service';

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
