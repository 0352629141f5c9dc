import { z } from 'zod';
import { customIssue } from '../field-issues';
import { AgencyTypeSchema } from '../enums';
import { DeadlineKindSchema } from './calendar';
import { DecimalIntSchema, PageQuerySchema, UuidSchema, pageOf } from './common';

/** What a notification about a plan tells (issue 14). Plan events go to the province's reviewers (submitted, withdrawn) or the agency's editors (the rest). */
export const PLAN_NOTIFICATION_KINDS = [
  'plan_submitted',
  'plan_withdrawn',
  'plan_returned',
  'plan_accepted',
  'plan_published',
  'plan_reopened',
  'review_comment',
  /** An editor asks the province to reopen an accepted or published plan (with a reason). */
  'reopen_requested',
  /** A deadline of the ITA calendar is near and the agency has not done it yet. */
  'deadline_reminder',
] as const;
export type PlanNotificationKind = (typeof PLAN_NOTIFICATION_KINDS)[number];
/**
 * What a notification about the user's own account tells: always an e-mail to that user (it may be the
 * only way they hear of it), never configurable. A reset code is in the e-mail only: the app never shows
 * it, and it is removed from the stored notification once the e-mail has gone.
 */
export const ACCOUNT_NOTIFICATION_KINDS = ['account_created', 'password_reset'] as const;
export const NOTIFICATION_KINDS = [...PLAN_NOTIFICATION_KINDS, ...ACCOUNT_NOTIFICATION_KINDS] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Who is told of each kind: the reviewers of the agency's province, or the agency's editors (never the actor). */
export const NOTIFICATION_AUDIENCE: Record<PlanNotificationKind, 'province_reviewers' | 'agency_editors'> = {
  plan_submitted: 'province_reviewers',
  plan_withdrawn: 'province_reviewers',
  plan_returned: 'agency_editors',
  plan_accepted: 'agency_editors',
  plan_published: 'agency_editors',
  plan_reopened: 'agency_editors',
  review_comment: 'agency_editors',
  reopen_requested: 'province_reviewers',
  deadline_reminder: 'agency_editors',
};

/** The event as it happened, kept with the notification (the list and the e-mail show it as it was). */
export const NotificationDataSchema = z.object({
  fiscalYear: z.number().int().nullable(),
  agencyNameTh: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The reviewer's comment or reason, when the event has one. */
  comment: z.string().nullable(),
  /** Deadline reminders: which deadline and when it is due. */
  deadlineKind: DeadlineKindSchema.nullable().optional(),
  dueOn: z.string().nullable().optional(),
  /** Account notifications: the address the account signs in with, and when a reset code expires. */
  email: z.string().nullable().optional(),
  expiresAt: z.string().nullable().optional(),
});
export type NotificationData = z.infer<typeof NotificationDataSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  planId: z.string().nullable(),
  agencyId: z.string().nullable(),
  data: NotificationDataSchema,
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({
  pageSize: DecimalIntSchema.pipe(z.number().int().min(1).max(100)).default(20),
  /** `true`: unread ones only. */
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListResponseSchema = pageOf(NotificationSchema).extend({
  /** The caller's unread notifications, whatever the page (the bell's count). */
  unreadCount: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponseSchema>;

/** Mark some of the caller's notifications read (ids of others' are ignored), or all of them. */
/** Mark some (`ids`) or all (`all: true`) of one's notifications read: exactly one of the two. */
export const MarkNotificationsReadInputSchema = z
  .object({ ids: z.array(UuidSchema).min(1).max(200).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), {
    message: 'ระบุ ids (รายการที่อ่านแล้ว) หรือ all: true อย่างใดอย่างหนึ่ง',
    params: customIssue('idsOrAll'),
    path: ['ids'],
  });
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInputSchema>;

export const MarkNotificationsReadResponseSchema = z.object({
  marked: z.number().int(),
  unreadCount: z.number().int(),
});
export type MarkNotificationsReadResponse = z.infer<typeof MarkNotificationsReadResponseSchema>;

/** A reviewer's "waiting for me": submitted plans of their province, every year, oldest submission first. */
export const WaitingPlanSchema = z.object({
  planId: z.string(),
  agencyId: z.string(),
  agencyNameTh: z.string(),
  agencyType: AgencyTypeSchema,
  fiscalYear: z.number().int(),
  submittedAt: z.string().nullable(),
  measures: z.number().int(),
  warnings: z.number().int(),
});
export type WaitingPlan = z.infer<typeof WaitingPlanSchema>;

export const WaitingPlansResponseSchema = z.object({ items: z.array(WaitingPlanSchema), total: z.number().int() });
export type WaitingPlansResponse = z.infer<typeof WaitingPlansResponseSchema>;

/**
 * How a user hears of one kind of notification: in the app only, an e-mail at once, or one daily
 * digest e-mail (the bell shows every notification in every case).
 */
export const NOTIFICATION_DELIVERIES = ['app', 'email', 'digest'] as const;
export const NotificationDeliverySchema = z.enum(NOTIFICATION_DELIVERIES);
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;
/** Without a choice: an e-mail at once. */
export const DEFAULT_NOTIFICATION_DELIVERY: NotificationDelivery = 'email';

/** The kinds a user chooses the delivery of (account notifications are always e-mailed). */
export const PreferenceKindSchema = z.enum(PLAN_NOTIFICATION_KINDS);

export const NotificationPreferencesSchema = z.object({
  items: z.array(z.object({ kind: PreferenceKindSchema, delivery: NotificationDeliverySchema })),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** Change some kinds' delivery (the others stay as they are). */
export const UpdateNotificationPreferencesInputSchema = z
  .object({
    items: z
      .array(z.object({ kind: PreferenceKindSchema, delivery: NotificationDeliverySchema }).strict())
      .min(1)
      .max(PLAN_NOTIFICATION_KINDS.length),
  })
  .strict()
  .refine((input) => new Set(input.items.map((i) => i.kind)).size === input.items.length, {
    message: 'ระบุแต่ละประเภทได้ครั้งเดียว',
    params: customIssue('duplicateKind'),
    path: ['items'],
  });
export type UpdateNotificationPreferencesInput = z.infer<typeof UpdateNotificationPreferencesInputSchema>;
