import type { SessionUser } from '@prongsai/shared';
import { clientOf, rootDb, type Db } from '../../lib/db';
import { queryRow, queryRows, sql, type Sql } from '../../lib/sql';

/**
 * Sessions and the signed-in user (ADR 008). THE row of a signed-in user: the account and its
 * first role membership with the names a page shows, read by every path that needs a caller (the
 * session on every request, the login, /auth/me) from the same columns and joins.
 */
export interface SessionUserRow {
  userId: string;
  email: string;
  name: string;
  isActive: boolean;
  role: SessionUser['role'] | null;
  agencyId: string | null;
  provinceId: number | null;
  agencyName: string | null;
  provinceName: string | null;
}

/** The role membership that counts for user u: their first. */
const FIRST_MEMBERSHIP = sql`SELECT m.role, m."agencyId", m."provinceId" FROM "RoleMembership" m WHERE m."userId" = u.id ORDER BY m."createdAt" LIMIT 1`;

/** The province a membership r acts in: its own, or its agency's. */
const membershipProvince = (agency: Sql) => sql`coalesce(r."provinceId", ${agency})`;

/** The columns of `SessionUserRow` over "User" u joined with `SESSION_USER_JOINS`. */
const SESSION_USER_COLUMNS = sql`u.id::text AS "userId", u.email, u.name, u."isActive",
  r.role::text AS role, r."agencyId"::text AS "agencyId", ${membershipProvince(sql`a."provinceId"`)} AS "provinceId",
  a."nameTh" AS "agencyName", coalesce(p."nameTh", ap."nameTh") AS "provinceName"`;

const SESSION_USER_JOINS = sql`
  LEFT JOIN LATERAL (${FIRST_MEMBERSHIP}) r ON true
  LEFT JOIN "Agency" a ON a.id = r."agencyId"
  LEFT JOIN "Province" ap ON ap.id = a."provinceId"
  LEFT JOIN "Province" p ON p.id = r."provinceId"`;

/** A JS instant as the UTC `timestamp(3)` Prisma stores (whatever the process's time zone). */
const utc = (at: Date) => sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** What makes a session usable at `now`: the "scope" of a session lookup, applied inside the statement. */
export interface SessionValidity {
  now: Date;
  /** Sessions last seen before this have been idle too long. */
  idleCutoff: Date;
}

const liveSession = ({ now, idleCutoff }: SessionValidity) =>
  sql`s."expiresAt" > ${utc(now)} AND s."lastSeenAt" >= ${utc(idleCutoff)} AND u."isActive"`;

export type SessionRow = SessionUserRow & { lastSeenAt: Date };

/**
 * The live session with this id and its user, in one prepared statement on the pool (it runs on
 * every signed-in request: docs/performance.md F5). An expired (absolute or idle) session and a
 * disabled account's session are not returned: the rule is in the WHERE, so no such row is loaded.
 * Role changes and logouts on any replica show on the next request (nothing is kept in memory).
 */
export async function findLiveSession(sessionId: string, validity: SessionValidity): Promise<SessionRow | undefined> {
  return queryRow<SessionRow>(
    clientOf(rootDb()),
    sql`SELECT s."lastSeenAt", ${SESSION_USER_COLUMNS}
        FROM "Session" s JOIN "User" u ON u.id = s."userId" ${SESSION_USER_JOINS}
        WHERE s.id = ${sessionId}::text AND ${liveSession(validity)}`,
    { name: 'resolve-session' },
  );
}

/** Who a session must still belong to for a remembered actor to stand (ADR 020). */
export interface SessionIdentity {
  userId: string;
  name: string;
  role: string;
  agencyId: string | null;
  provinceId: number | null;
}

/**
 * True while the session is live (the same rules as `findLiveSession`) and its user still has this
 * identity: a logout, an expiry, a disabled account or a changed role, agency, province or name on any
 * replica makes it false. A hot read runs it inside its own statement (`lib/sql.ts` guards).
 */
export function sessionStandsSql(sessionId: string, identity: SessionIdentity, validity: SessionValidity) {
  // The membership as one scalar row rather than SESSION_USER_JOINS' five-table join: the same rows and
  // rules, with a third of the planning time, which a custom-planned statement (a search) pays on every
  // call (docs/performance.md, seventh session). No membership gives a null row, which never matches.
  const agencyProvince = sql`(SELECT a."provinceId" FROM "Agency" a WHERE a.id = r."agencyId")`;
  return sql`EXISTS (
    SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::text AND ${liveSession(validity)}
      AND u.id = ${identity.userId}::uuid AND u.name = ${identity.name}::text
      AND (SELECT ROW(r.role::text, r."agencyId", ${membershipProvince(agencyProvince)}) FROM (${FIRST_MEMBERSHIP}) r)
          IS NOT DISTINCT FROM ROW(${identity.role}::text, ${identity.agencyId}::uuid, ${identity.provinceId}::int))`;
}

/** Remove the session if it is no longer live (expired, idle or its account disabled); a live one stays. */
export async function deleteDeadSession(sessionId: string, validity: SessionValidity): Promise<void> {
  await queryRows(
    clientOf(rootDb()),
    sql`DELETE FROM "Session" s USING "User" u
        WHERE s.id = ${sessionId}::text AND u.id = s."userId" AND NOT (${liveSession(validity)})`,
  );
}

/** Sliding idle expiry: the session was seen at `at`. */
export async function touchSession(sessionId: string, at: Date): Promise<void> {
  await queryRows(clientOf(rootDb()), sql`UPDATE "Session" SET "lastSeenAt" = ${utc(at)} WHERE id = ${sessionId}::text`);
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await queryRows(
    clientOf(db),
    sql`INSERT INTO "Session" (id, "userId", "expiresAt", "lastSeenAt", ip, "userAgent", "createdAt")
        VALUES (${session.id}::text, ${session.userId}::uuid, ${utc(session.expiresAt)}, ${utc(new Date())},
                ${session.ip}::text, ${session.userAgent}::text, ${utc(new Date())})`,
  );
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await queryRows(clientOf(db), sql`DELETE FROM "Session" WHERE id = ${sessionId}::text`);
}

/** End every session of a user (password reset, account disabled, role changed). */
export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await queryRows(clientOf(db), sql`DELETE FROM "Session" WHERE "userId" = ${userId}::uuid`);
}

/** The user behind a sign-in attempt, with the password hash to check. */
export async function findLoginUser(email: string): Promise<(SessionUserRow & { passwordHash: string }) | undefined> {
  return queryRow(
    clientOf(rootDb()),
    sql`SELECT ${SESSION_USER_COLUMNS}, u."passwordHash" FROM "User" u ${SESSION_USER_JOINS} WHERE u.email = ${email}::text`,
  );
}

export async function findSessionUser(userId: string): Promise<SessionUserRow | undefined> {
  return queryRow(clientOf(rootDb()), sql`SELECT ${SESSION_USER_COLUMNS} FROM "User" u ${SESSION_USER_JOINS} WHERE u.id = ${userId}::uuid`);
}

export async function markLoggedIn(db: Db, userId: string, at: Date): Promise<void> {
  await queryRows(clientOf(db), sql`UPDATE "User" SET "lastLoginAt" = ${utc(at)}, "updatedAt" = ${utc(at)} WHERE id = ${userId}::uuid`);
}

// ---------------------------------------------------------------- password reset codes

export interface ResetCodeRow {
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function findResetCode(codeId: string): Promise<ResetCodeRow | undefined> {
  return queryRow(
    clientOf(rootDb()),
    sql`SELECT "userId"::text AS "userId", "expiresAt", "usedAt" FROM "PasswordResetToken" WHERE id = ${codeId}::text`,
  );
}

/** Mark an unused code used; false when another request used it first. */
export async function useResetCode(db: Db, codeId: string, at: Date): Promise<boolean> {
  const rows = await queryRows(
    clientOf(db),
    sql`UPDATE "PasswordResetToken" SET "usedAt" = ${utc(at)} WHERE id = ${codeId}::text AND "usedAt" IS NULL RETURNING id`,
  );
  return rows.length === 1;
}

export async function insertResetCode(db: Db, code: { id: string; userId: string; createdById: string; expiresAt: Date }): Promise<void> {
  await queryRows(
    clientOf(db),
    sql`INSERT INTO "PasswordResetToken" (id, "userId", "createdById", "expiresAt", "createdAt")
        VALUES (${code.id}::text, ${code.userId}::uuid, ${code.createdById}::uuid, ${utc(code.expiresAt)}, ${utc(new Date())})`,
  );
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await queryRows(
    clientOf(db),
    sql`UPDATE "User" SET "passwordHash" = ${passwordHash}::text, "updatedAt" = ${utc(new Date())} WHERE id = ${userId}::uuid`,
  );
}
