import type { DeadlineKind } from '@prongsai/shared';
import { scopeSql, type Scope } from '../../access/scope';
import { clientOf, type Db } from '../../lib/db';
import { getPrisma } from '../../lib/prisma';
import { queryRow, queryRows, sql, type Sql } from '../../lib/sql';
import { QUEUED_BY_PREFERENCE } from '../notifications/notifications.queries';

/**
 * The ITA calendar (issue 14): deadlines a national admin set, which agencies have met them, and the
 * reminders. The only code reading or writing ItaDeadline and DeadlineReminder.
 */

export interface DeadlineRow {
  kind: DeadlineKind;
  dueOn: string;
  remindDaysBefore: number;
}

export async function deadlinesOf(fiscalYear: number): Promise<DeadlineRow[]> {
  return queryRows<DeadlineRow>(
    getPrisma(),
    sql`SELECT kind, to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", "remindDaysBefore" FROM "ItaDeadline" WHERE "fiscalYear" = ${fiscalYear}::int`,
  );
}

/** Replace the given kinds' deadlines of the year; returns the rows as they were. */
export async function saveDeadlines(db: Db, fiscalYear: number, rows: DeadlineRow[], userId: string): Promise<DeadlineRow[]> {
  const before = await queryRows<DeadlineRow>(
    clientOf(db),
    sql`SELECT kind, to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", "remindDaysBefore" FROM "ItaDeadline" WHERE "fiscalYear" = ${fiscalYear}::int FOR UPDATE`,
  );
  await queryRows(
    clientOf(db),
    sql`INSERT INTO "ItaDeadline" ("fiscalYear", kind, "dueOn", "remindDaysBefore", "updatedAt", "updatedByUserId")
      SELECT ${fiscalYear}::int, r.kind, r.due::date, r.days, now() AT TIME ZONE 'UTC', ${userId}::uuid
      FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.dueOn)}::text[], ${rows.map((r) => r.remindDaysBefore)}::int[]) AS r(kind, due, days)
      ON CONFLICT ("fiscalYear", kind) DO UPDATE SET "dueOn" = EXCLUDED."dueOn", "remindDaysBefore" = EXCLUDED."remindDaysBefore",
        "updatedAt" = EXCLUDED."updatedAt", "updatedByUserId" = EXCLUDED."updatedByUserId"
      RETURNING 1`,
  );
  return before;
}

/** Whether agency `a` has done `kind` for the fiscal year (its plan of that year, if any, is `p`). */
function doneSql(kind: DeadlineKind): Sql {
  switch (kind) {
    case 'plan_submitted':
      return sql`p.status IN ('submitted', 'accepted', 'published')`;
    case 'plan_published':
      return sql`p.status = 'published'`;
    case 'results_reported':
      // Published, and every live measure has a final outcome (completed or could not be carried out).
      return sql`p.status = 'published' AND p."measureCount" > 0 AND p."completedCount" + p."notCarriedOutCount" = p."measureCount"`;
  }
}

export interface DeadlineProgress {
  agencies: number;
  done: number;
  missing: { agencyId: string; nameTh: string }[];
}

/** Of the active agencies in `scope`, how many have done `kind` for the year, and the first 200 that have not. */
export async function deadlineProgress(scope: Scope, fiscalYear: number, kind: DeadlineKind): Promise<DeadlineProgress> {
  const rows = await queryRows<{ agencyId: string; nameTh: string; done: boolean; agencies: number; doneCount: number }>(
    getPrisma(),
    sql`WITH state AS (
        SELECT a.id AS "agencyId", a."nameTh", COALESCE(${doneSql(kind)}, false) AS done
        FROM "Agency" a LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}::int
        WHERE a."isActive" AND ${scopeSql('agency', scope, 'a')}
      )
      SELECT s."agencyId", s."nameTh", s.done, count(*) OVER ()::int AS agencies, (count(*) FILTER (WHERE s.done) OVER ())::int AS "doneCount"
      FROM state s ORDER BY s.done, s."nameTh" LIMIT 201`,
  );
  return {
    agencies: rows[0]?.agencies ?? 0,
    done: rows[0]?.doneCount ?? 0,
    missing: rows
      .filter((r) => !r.done)
      .slice(0, 200)
      .map(({ agencyId, nameTh }) => ({ agencyId, nameTh })),
  };
}

/**
 * Remind the agencies that have not yet done `kind` (their active editors, in the app and as each chose
 * by e-mail): once per agency, deadline and year (DeadlineReminder), however often or in however many
 * workers this runs. Returns how many agencies were reminded now.
 */
export async function insertDeadlineReminders(
  fiscalYear: number,
  kind: DeadlineKind,
  dueOn: string,
): Promise<{ agencies: number; notifications: number }> {
  const row = await queryRow<{ agencies: number; notifications: number }>(
    getPrisma(),
    sql`WITH late AS (
        SELECT a.id AS "agencyId", a."nameTh", p.id AS "planId"
        FROM "Agency" a LEFT JOIN "Plan" p ON p."agencyId" = a.id AND p."fiscalYear" = ${fiscalYear}::int
        WHERE a."isActive" AND NOT COALESCE(${doneSql(kind)}, false)
      ), marked AS (
        INSERT INTO "DeadlineReminder" ("fiscalYear", kind, "agencyId", "createdAt")
        SELECT ${fiscalYear}::int, ${kind}::text, l."agencyId", now() AT TIME ZONE 'UTC' FROM late l
        ON CONFLICT DO NOTHING RETURNING "agencyId"
      ), created AS (
        INSERT INTO "Notification" (id, "userId", kind, "planId", "agencyId", "actorUserId", data, "createdAt")
        SELECT gen_random_uuid(), rm."userId", 'deadline_reminder', l."planId", l."agencyId", NULL,
          jsonb_build_object('fiscalYear', ${fiscalYear}::int, 'agencyNameTh', l."nameTh", 'actorName', NULL, 'comment', NULL,
            'deadlineKind', ${kind}::text, 'dueOn', ${dueOn}::text), now() AT TIME ZONE 'UTC'
        FROM marked m JOIN late l ON l."agencyId" = m."agencyId"
        JOIN "RoleMembership" rm ON rm.role = 'agency_editor' AND rm."agencyId" = l."agencyId"
        JOIN "User" u ON u.id = rm."userId" AND u."isActive"
        RETURNING id, "userId", kind
      ), ${QUEUED_BY_PREFERENCE}
      SELECT (SELECT count(*) FROM marked)::int AS agencies, (SELECT count(*) FROM created)::int AS notifications`,
  );
  return row ?? { agencies: 0, notifications: 0 };
}
