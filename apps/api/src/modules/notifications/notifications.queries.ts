import type { NotificationData, NotificationDelivery, NotificationKind, NotificationListQuery } from '@prongsai/shared';
import { clientOf, type Db } from '../../lib/db';
import { getPrisma, type Tx } from '../../lib/prisma';
import { empty, queryRow, queryRows, sql, type Sql } from '../../lib/sql';

/**
 * Notifications and their e-mail outbox (ADR 010): the only code that reads or writes them. A user
 * reads only their own notifications: every read and write of the list takes the recipient's
 * `OwnNotifications` scope (made by the service from the signed-in actor) and applies it in the statement.
 */

declare const OWN: unique symbol;
/** The notifications one signed-in user may read and mark: their own. */
export type OwnNotifications = { readonly userId: string; readonly [OWN]: true };
export const ownNotifications = (userId: string): OwnNotifications => ({ userId }) as OwnNotifications;

/** A handle the event hooks accept: the new `Db` or (until plans/reviews are converted) their Prisma transaction. */
export type EventDb = Db | Tx;

/** Timestamps are stored as UTC without a zone (as Prisma writes them). */
const NOW = sql`(now() AT TIME ZONE 'UTC')`;

/** THE notification row, as every read returns it. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  planId: string | null;
  agencyId: string | null;
  data: NotificationData;
  readAt: Date | null;
  createdAt: Date;
}
/** A reset code (account notifications) is never read back into the app: only the e-mail worker sees it. */
const NOTIFICATION_COLUMNS = sql`n.id, n.kind, n."planId", n."agencyId", n.data - 'code' AS data, n."readAt", n."createdAt"`;
const NOTIFICATION_COLUMNS_FOR_EMAIL = sql`n.id, n.kind, n."planId", n."agencyId", n.data, n."readAt", n."createdAt"`;

/**
 * The outbox rows of the notifications in the CTE `created` (id, userId, kind), as each recipient chose
 * for the kind (NotificationPreference; none: e-mail at once): `pending` for the worker, `digest` for the
 * daily digest, no row for the app only. Use as `WITH created AS (… RETURNING id, "userId", kind), ${QUEUED_BY_PREFERENCE}`.
 */
export const QUEUED_BY_PREFERENCE = sql`queued AS (
      INSERT INTO "NotificationEmail" ("notificationId", "nextAttemptAt", status)
      SELECT c.id, ${NOW}, CASE WHEN np.delivery = 'digest' THEN 'digest' ELSE 'pending' END
      FROM created c LEFT JOIN "NotificationPreference" np ON np."userId" = c."userId" AND np.kind = c.kind
      WHERE np.delivery IS DISTINCT FROM 'app'
      RETURNING 1
    )`;

export interface PlanEventRecord {
  kind: NotificationKind;
  audience: 'province_reviewers' | 'agency_editors';
  planId: string;
  actorUserId: string | null;
  actorName: string | null;
  comment: string | null;
}

/**
 * One event about a plan: a notification (and its e-mail in the outbox) for every active member of
 * the audience, resolved here by role membership (the reviewers of the plan's agency's province, or
 * the agency's editors), never the actor. Runs in the caller's transaction: the event commits with
 * the change that causes it, or not at all. Returns how many users were told.
 */
export async function insertPlanEvent(db: EventDb, event: PlanEventRecord): Promise<number> {
  const members: Sql =
    event.audience === 'province_reviewers'
      ? sql`rm.role = 'provincial_reviewer' AND rm."provinceId" = ev."provinceId"`
      : sql`rm.role = 'agency_editor' AND rm."agencyId" = ev."agencyId"`;
  const row = await queryRow<{ count: number }>(
    clientOf(db as Db),
    sql`
    WITH ev AS (
      SELECT p.id AS "planId", p."agencyId", p."fiscalYear", p."agencyNameTh", a."provinceId"
      FROM "Plan" p JOIN "Agency" a ON a.id = p."agencyId" WHERE p.id = ${event.planId}::uuid
    ), recipients AS (
      SELECT DISTINCT rm."userId" FROM ev JOIN "RoleMembership" rm ON ${members}
      JOIN "User" u ON u.id = rm."userId" AND u."isActive"
      WHERE rm."userId" IS DISTINCT FROM ${event.actorUserId}::uuid
    ), created AS (
      INSERT INTO "Notification" (id, "userId", kind, "planId", "agencyId", "actorUserId", data, "createdAt")
      SELECT gen_random_uuid(), r."userId", ${event.kind}::text, ev."planId", ev."agencyId", ${event.actorUserId}::uuid,
        jsonb_build_object('fiscalYear', ev."fiscalYear", 'agencyNameTh', ev."agencyNameTh", 'actorName', ${event.actorName}::text,
          'comment', ${event.comment}::text), ${NOW}
      FROM ev CROSS JOIN recipients r
      RETURNING id, "userId", kind
    ), ${QUEUED_BY_PREFERENCE}
    SELECT count(*)::int AS count FROM created`,
  );
  return row?.count ?? 0;
}

export interface AccountEventRecord {
  kind: 'account_created' | 'password_reset';
  userId: string;
  actorUserId: string | null;
  actorName: string | null;
  email: string | null;
  code: string | null;
  expiresAt: string | null;
}

/**
 * One event about a user's own account: a notification for that user (if active) and its e-mail,
 * queued at once whatever their preferences. Runs in the caller's transaction.
 */
export async function insertAccountEvent(db: EventDb, event: AccountEventRecord): Promise<void> {
  await queryRows(
    clientOf(db as Db),
    sql`
    WITH created AS (
      INSERT INTO "Notification" (id, "userId", kind, "planId", "agencyId", "actorUserId", data, "createdAt")
      SELECT gen_random_uuid(), u.id, ${event.kind}::text, NULL, NULL, ${event.actorUserId}::uuid,
        jsonb_strip_nulls(jsonb_build_object('fiscalYear', NULL, 'agencyNameTh', NULL, 'actorName', ${event.actorName}::text, 'comment', NULL,
          'email', ${event.email}::text, 'code', ${event.code}::text, 'expiresAt', ${event.expiresAt}::text))
          || '{"fiscalYear": null, "agencyNameTh": null, "comment": null}'::jsonb || jsonb_build_object('actorName', ${event.actorName}::text),
        ${NOW}
      FROM "User" u WHERE u.id = ${event.userId}::uuid AND u."isActive"
      RETURNING id
    )
    INSERT INTO "NotificationEmail" ("notificationId", "nextAttemptAt", status) SELECT id, ${NOW}, 'pending' FROM created RETURNING 1`,
  );
}

/** One page of the recipient's notifications, newest first, with the total and the unread count. */
export async function listNotifications(
  own: OwnNotifications,
  query: NotificationListQuery,
): Promise<{ rows: NotificationRow[]; total: number; unreadCount: number }> {
  const db = getPrisma();
  const unreadOnly = query.unread === 'true' ? sql`AND n."readAt" IS NULL` : empty;
  const [rows, counts] = await Promise.all([
    queryRows<NotificationRow>(
      db,
      sql`SELECT ${NOTIFICATION_COLUMNS} FROM "Notification" n WHERE n."userId" = ${own.userId}::uuid ${unreadOnly}
        ORDER BY n."createdAt" DESC, n.id DESC LIMIT ${query.pageSize}::int OFFSET ${(query.page - 1) * query.pageSize}::int`,
    ),
    queryRow<{ total: number; unreadCount: number }>(
      db,
      sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE n."readAt" IS NULL))::int AS "unreadCount"
        FROM "Notification" n WHERE n."userId" = ${own.userId}::uuid`,
    ),
  ]);
  const unreadCount = counts?.unreadCount ?? 0;
  return { rows, total: query.unread === 'true' ? unreadCount : (counts?.total ?? 0), unreadCount };
}

/** Mark the recipient's notifications read: those of `ids` that are theirs (others' are ignored), or all. */
export async function markRead(own: OwnNotifications, ids: string[] | 'all'): Promise<{ marked: number; unreadCount: number }> {
  const which = ids === 'all' ? empty : sql`AND n.id = ANY(${ids}::uuid[])`;
  const row = await queryRow<{ marked: number; unreadCount: number }>(
    getPrisma(),
    sql`WITH marked AS (
        UPDATE "Notification" n SET "readAt" = ${NOW} WHERE n."userId" = ${own.userId}::uuid AND n."readAt" IS NULL ${which} RETURNING n.id
      )
      SELECT (SELECT count(*)::int FROM marked) AS marked,
        ((SELECT count(*) FROM "Notification" n WHERE n."userId" = ${own.userId}::uuid AND n."readAt" IS NULL) - (SELECT count(*) FROM marked))::int AS "unreadCount"`,
  );
  return row ?? { marked: 0, unreadCount: 0 };
}

/** An e-mail the worker has claimed, with what it needs to write it. */
export interface ClaimedEmail extends NotificationRow {
  attempts: number;
  email: string;
  name: string;
  locale: string;
  isActive: boolean;
}

/**
 * Claim up to `limit` due e-mails for `leaseSeconds` (FOR UPDATE SKIP LOCKED: workers in several
 * processes never take the same row). The claim commits at once; a worker that dies leaves the row to
 * be claimed again when the lease ends, and the retry sends the same Message-ID (ADR 010).
 */
export async function claimEmails(limit: number, leaseSeconds: number): Promise<ClaimedEmail[]> {
  return queryRows<ClaimedEmail>(
    getPrisma(),
    sql`UPDATE "NotificationEmail" e SET "lockedUntil" = ${NOW} + make_interval(secs => ${leaseSeconds}::float8), attempts = e.attempts + 1
      FROM (
        SELECT "notificationId" FROM "NotificationEmail"
        WHERE status = 'pending' AND "nextAttemptAt" <= ${NOW} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})
        ORDER BY "nextAttemptAt" LIMIT ${limit}::int FOR UPDATE SKIP LOCKED
      ) due, "Notification" n, "User" u
      WHERE e."notificationId" = due."notificationId" AND n.id = e."notificationId" AND u.id = n."userId"
      RETURNING ${NOTIFICATION_COLUMNS_FOR_EMAIL}, e.attempts, u.email, u.name, u.locale, u."isActive"`,
  );
}

/** The sent marker: this e-mail is never claimed again. */
export async function markEmailSent(notificationId: string, status: 'sent' | 'skipped' = 'sent'): Promise<void> {
  await queryRows(
    getPrisma(),
    sql`WITH done AS (
        UPDATE "NotificationEmail" SET status = ${status}::text, "sentAt" = ${NOW}, "lockedUntil" = NULL, "lastError" = NULL
        WHERE "notificationId" = ${notificationId}::uuid AND status = 'pending' RETURNING "notificationId"
      )
      ${FORGET_CODE}`,
  );
}

/** A reset code leaves the stored notification once its e-mail is done with (sent, skipped or given up). */
const FORGET_CODE = sql`UPDATE "Notification" n SET data = n.data - 'code' FROM done WHERE n.id = done."notificationId" AND n.data ? 'code'`;

/** A failed attempt: try again after `retryInSeconds`, or give up (`null`). */
export async function markEmailFailed(notificationId: string, error: string, retryInSeconds: number | null): Promise<void> {
  const next =
    retryInSeconds === null ? sql`status = 'failed'` : sql`"nextAttemptAt" = ${NOW} + make_interval(secs => ${retryInSeconds}::float8)`;
  await queryRows(
    getPrisma(),
    sql`WITH done AS (
        UPDATE "NotificationEmail" SET ${next}, "lockedUntil" = NULL, "lastError" = ${error.slice(0, 1000)}::text
        WHERE "notificationId" = ${notificationId}::uuid AND status = 'pending' RETURNING "notificationId", status
      )
      UPDATE "Notification" n SET data = n.data - 'code' FROM done
      WHERE n.id = done."notificationId" AND done.status = 'failed' AND n.data ? 'code'`,
  );
}

/** The user's chosen delivery per kind (kinds without a row are not listed: the default applies). */
export async function preferencesOf(own: OwnNotifications): Promise<{ kind: NotificationKind; delivery: NotificationDelivery }[]> {
  return queryRows(getPrisma(), sql`SELECT kind, delivery FROM "NotificationPreference" WHERE "userId" = ${own.userId}::uuid`);
}

export async function setPreferences(
  own: OwnNotifications,
  items: { kind: NotificationKind; delivery: NotificationDelivery }[],
): Promise<void> {
  await queryRows(
    getPrisma(),
    sql`INSERT INTO "NotificationPreference" ("userId", kind, delivery)
      SELECT ${own.userId}::uuid, i.kind, i.delivery FROM unnest(${items.map((i) => i.kind)}::text[], ${items.map((i) => i.delivery)}::text[]) AS i(kind, delivery)
      ON CONFLICT ("userId", kind) DO UPDATE SET delivery = EXCLUDED.delivery RETURNING 1`,
  );
}

/** A notification waiting for its recipient's daily digest, claimed for sending. */
export interface DigestItem extends NotificationRow {
  userId: string;
  email: string;
  name: string;
  locale: string;
  isActive: boolean;
}

/**
 * Claim the digest rows written before `cutoff` (SKIP LOCKED and a lease, as e-mails are), every one of
 * each user the claim reaches, at most `limitUsers` users at a time.
 */
export async function claimDigestItems(cutoff: Date, limitUsers: number, leaseSeconds: number): Promise<DigestItem[]> {
  return queryRows<DigestItem>(
    getPrisma(),
    sql`WITH users AS (
        SELECT DISTINCT n."userId" FROM "NotificationEmail" e JOIN "Notification" n ON n.id = e."notificationId"
        WHERE e.status = 'digest' AND n."createdAt" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND (e."lockedUntil" IS NULL OR e."lockedUntil" <= ${NOW})
        LIMIT ${limitUsers}::int
      ), due AS (
        SELECT e."notificationId" FROM "NotificationEmail" e JOIN "Notification" n ON n.id = e."notificationId"
        WHERE e.status = 'digest' AND n."createdAt" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND n."userId" IN (SELECT "userId" FROM users)
          AND (e."lockedUntil" IS NULL OR e."lockedUntil" <= ${NOW})
        FOR UPDATE OF e SKIP LOCKED
      )
      UPDATE "NotificationEmail" e SET "lockedUntil" = ${NOW} + make_interval(secs => ${leaseSeconds}::float8), attempts = e.attempts + 1
      FROM due, "Notification" n, "User" u
      WHERE e."notificationId" = due."notificationId" AND n.id = e."notificationId" AND u.id = n."userId"
      RETURNING ${NOTIFICATION_COLUMNS}, n."userId", u.email, u.name, u.locale, u."isActive"`,
  );
}

/** The digest holding these notifications went out (or its recipient is inactive): never again. */
export async function markDigestSent(notificationIds: string[]): Promise<void> {
  await queryRows(
    getPrisma(),
    sql`UPDATE "NotificationEmail" SET status = 'sent', "sentAt" = ${NOW}, "lockedUntil" = NULL, "lastError" = NULL
      WHERE "notificationId" = ANY(${notificationIds}::uuid[]) AND status = 'digest' RETURNING 1`,
  );
}

/** A digest that could not be sent: its rows wait for the next run (the lease is dropped). */
export async function releaseDigest(notificationIds: string[], error: string): Promise<void> {
  await queryRows(
    getPrisma(),
    sql`UPDATE "NotificationEmail" SET "lockedUntil" = ${NOW} + interval '5 minutes', "lastError" = ${error.slice(0, 1000)}::text
      WHERE "notificationId" = ANY(${notificationIds}::uuid[]) AND status = 'digest' RETURNING 1`,
  );
}
