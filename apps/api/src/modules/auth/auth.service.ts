import { createHash, randomBytes } from 'node:crypto';
import type { LoginInput, ResetPasswordInput, SessionUser } from '@prongsai/shared';
import { ANONYMOUS, type Actor, type UserActor } from '../../access/actor';
import { AppError } from '../../lib/app-error';
import { assertAcceptablePassword, hashPassword, timingSafeDummyHash, verifyPassword } from '../../lib/passwords';
import { getPool, getPrisma } from '../../lib/prisma';
import { hitCounter, rateLimited, readCounter } from '../../lib/rate-limit';
import { recordAudit } from '../audit/audit.service';

/** Failed logins allowed per account, and per client IP (higher: a municipal office shares one NAT). */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_IP_FAILURE_LIMIT = 50;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const loginWindows = (email: string, ip: string | null) => [
  { key: `login:email:${email}`, windowSeconds: LOGIN_WINDOW_SECONDS, limit: LOGIN_FAILURE_LIMIT },
  { key: `login:ip:${ip ?? 'unknown'}`, windowSeconds: LOGIN_WINDOW_SECONDS, limit: LOGIN_IP_FAILURE_LIMIT },
];

const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  isActive: true,
  memberships: {
    take: 1,
    orderBy: { createdAt: 'asc' },
    select: {
      role: true,
      agencyId: true,
      provinceId: true,
      agency: { select: { nameTh: true, provinceId: true, province: { select: { nameTh: true } } } },
      province: { select: { nameTh: true } },
    },
  },
} as const;

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  memberships: {
    role: SessionUser['role'];
    agencyId: string | null;
    provinceId: number | null;
    agency: { nameTh: string; provinceId: number; province: { nameTh: string } } | null;
    province: { nameTh: string } | null;
  }[];
};

function toSessionUser(user: SessionUserRow): SessionUser | undefined {
  const membership = user.memberships[0];
  if (!membership) return undefined;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    agencyId: membership.agencyId,
    agencyName: membership.agency?.nameTh ?? null,
    provinceId: membership.provinceId ?? membership.agency?.provinceId ?? null,
    provinceName: membership.province?.nameTh ?? membership.agency?.province.nameTh ?? null,
  };
}

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: Date;
}

/**
 * Email + password sign-in. The same 401 for an unknown email and a wrong password; 429 after
 * too many failures per account or per IP in the window. A new session id every time (no
 * fixation): any session token the client already had is ignored and replaced.
 */
export async function login(
  input: LoginInput,
  ip: string | null,
  userAgent: string | null,
  settings: SessionSettings,
): Promise<LoginResult> {
  const prisma = getPrisma();
  const windows = loginWindows(input.email, ip);
  const counts = await Promise.all(windows.map(readCounter));
  if (counts.some((count, index) => count >= windows[index]!.limit)) throw rateLimited(LOGIN_WINDOW_SECONDS);

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { ...SESSION_USER_SELECT, passwordHash: true },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingSafeDummyHash(), input.password), false);
  const sessionUser = user && passwordOk && user.isActive ? toSessionUser(user) : undefined;

  if (!user || !sessionUser) {
    await prisma.$transaction(async (tx) => {
      for (const window of windows) await hitCounter(tx, window);
      await recordAudit(tx, ANONYMOUS, {
        action: 'login_failed',
        entityType: 'session',
        entityId: user?.id ?? 'unknown',
        userId: user?.id ?? null,
        changes: { email: input.email, reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'inactive_or_no_role' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง');
  }

  const token = newToken();
  const expiresAt = new Date(Date.now() + settings.absoluteHours * 3600_000);
  await prisma.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sha256(token), userId: user.id, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const actor: UserActor = {
      kind: 'user',
      userId: user.id,
      sessionId: sha256(token),
      name: user.name,
      role: sessionUser.role,
      agencyId: sessionUser.agencyId,
      provinceId: sessionUser.provinceId,
    };
    await recordAudit(tx, actor, { action: 'login', entityType: 'session', entityId: user.id, agencyId: sessionUser.agencyId });
  });
  return { token, user: sessionUser, expiresAt };
}

export interface ResolvedSession {
  actor: UserActor;
  user: SessionUser;
}

interface SessionRow {
  expiresAt: Date;
  lastSeenAt: Date;
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

/**
 * Everything a request needs to know about its caller, in one statement (it runs on every signed-in
 * request: as Prisma relation loads it was 3–6 statements, the largest share of a read's cost —
 * docs/performance.md F5). Mirrors SESSION_USER_SELECT + toSessionUser.
 */
const SESSION_SQL = `
  SELECT s."expiresAt", s."lastSeenAt", u.id AS "userId", u.email, u.name, u."isActive",
         r.role, r."agencyId", coalesce(r."provinceId", a."provinceId") AS "provinceId",
         a."nameTh" AS "agencyName", coalesce(p."nameTh", ap."nameTh") AS "provinceName"
  FROM "Session" s
  JOIN "User" u ON u.id = s."userId"
  LEFT JOIN LATERAL (
    SELECT m.role, m."agencyId", m."provinceId" FROM "RoleMembership" m WHERE m."userId" = u.id ORDER BY m."createdAt" LIMIT 1
  ) r ON true
  LEFT JOIN "Agency" a ON a.id = r."agencyId"
  LEFT JOIN "Province" ap ON ap.id = a."provinceId"
  LEFT JOIN "Province" p ON p.id = r."provinceId"
  WHERE s.id = $1`;

/** The session for a cookie token, or undefined when missing, expired (idle or absolute) or disabled. */
export async function resolveSession(token: string, settings: SessionSettings): Promise<ResolvedSession | undefined> {
  const id = sha256(token);
  const pool = getPool();
  const { rows } = await pool.query<SessionRow>({ name: 'resolve-session', text: SESSION_SQL, values: [id] });
  const session = rows[0];
  if (!session) return undefined;
  const now = Date.now();
  const idleLimit = settings.idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit || !session.isActive) {
    await pool.query('DELETE FROM "Session" WHERE id = $1', [id]);
    return undefined;
  }
  if (!session.role) return undefined;
  const user: SessionUser = {
    id: session.userId,
    email: session.email,
    name: session.name,
    role: session.role,
    agencyId: session.agencyId,
    agencyName: session.agencyName,
    provinceId: session.provinceId,
    provinceName: session.provinceName,
  };
  // Sliding idle expiry, written at most once a minute per session (timestamp(3) holds UTC).
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await pool.query(`UPDATE "Session" SET "lastSeenAt" = $2::timestamptz AT TIME ZONE 'UTC' WHERE id = $1`, [
      id,
      new Date(now).toISOString(),
    ]);
  }
  return {
    user,
    actor: {
      kind: 'user',
      userId: user.id,
      sessionId: id,
      name: user.name,
      role: user.role,
      agencyId: user.agencyId,
      provinceId: user.provinceId,
    },
  };
}

export async function logout(actor: Actor): Promise<void> {
  if (actor.kind !== 'user') return;
  await getPrisma().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await recordAudit(tx, actor, { action: 'logout', entityType: 'session', entityId: actor.userId, agencyId: actor.agencyId });
  });
}

export async function getMe(actor: Actor): Promise<SessionUser> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  const user = await getPrisma().user.findUnique({ where: { id: actor.userId }, select: SESSION_USER_SELECT });
  const sessionUser = user && toSessionUser(user);
  if (!sessionUser) throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  return sessionUser;
}

/** Redeem a one-time reset code made by an admin: set the password, end every session. */
export async function redeemPasswordReset(input: ResetPasswordInput): Promise<void> {
  assertAcceptablePassword(input.password);
  const prisma = getPrisma();
  const id = sha256(input.code);
  const token = await prisma.passwordResetToken.findUnique({ where: { id } });
  if (!token || token.usedAt || token.expiresAt.getTime() < Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'รหัสสำหรับตั้งรหัสผ่านใหม่ไม่ถูกต้องหรือหมดอายุแล้ว', {
      issues: [{ path: 'body.code', message: 'invalid or expired', code: 'invalid_code' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) throw new AppError('CONFLICT', 'รหัสนี้ถูกใช้ไปแล้ว');
    await tx.user.update({ where: { id: token.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: token.userId } });
    await recordAudit(tx, ANONYMOUS, {
      action: 'password_reset',
      entityType: 'user',
      entityId: token.userId,
      userId: token.userId,
      changes: { redeemed: true },
    });
  });
}

export { sha256 as hashToken, newToken };
