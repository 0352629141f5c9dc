import { createHash, randomBytes } from 'node:crypto';
import type { LoginInput, ResetPasswordInput, SessionUser } from '@prongsai/shared';
import { ANONYMOUS, type Actor, type UserActor } from '../../access/actor';
import { AppError } from '../../lib/app-error';
import { assertAcceptablePassword, hashPassword, timingSafeDummyHash, verifyPassword } from '../../lib/passwords';
import { transaction, type Db } from '../../lib/db';
import { hitCounter, rateLimited, readCounter } from '../../lib/rate-limit';
import { recordAudit } from '../audit/audit.service';
import * as queries from './auth.queries';
import type { SessionUserRow } from './auth.queries';

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

function toSessionUser(row: SessionUserRow): SessionUser | undefined {
  if (!row.role) return undefined;
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    provinceId: row.provinceId,
    provinceName: row.provinceName,
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
  const windows = loginWindows(input.email, ip);
  const counts = await Promise.all(windows.map(readCounter));
  if (counts.some((count, index) => count >= windows[index]!.limit)) throw rateLimited(LOGIN_WINDOW_SECONDS);

  const user = await queries.findLoginUser(input.email);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingSafeDummyHash(), input.password), false);
  const sessionUser = user && passwordOk && user.isActive ? toSessionUser(user) : undefined;

  if (!user || !sessionUser) {
    await transaction(async (db) => {
      for (const window of windows) await hitCounter(db, window);
      await recordAudit(db, ANONYMOUS, {
        action: 'login_failed',
        entityType: 'session',
        entityId: user?.userId ?? 'unknown',
        userId: user?.userId ?? null,
        changes: { email: input.email, reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'inactive_or_no_role' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง');
  }

  const token = newToken();
  const sessionId = sha256(token);
  const expiresAt = new Date(Date.now() + settings.absoluteHours * 3600_000);
  await transaction(async (db) => {
    await queries.insertSession(db, { id: sessionId, userId: user.userId, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null });
    await queries.markLoggedIn(db, user.userId, new Date());
    await recordAudit(db, toActor(sessionUser, sessionId), {
      action: 'login',
      entityType: 'session',
      entityId: user.userId,
      agencyId: sessionUser.agencyId,
    });
  });
  return { token, user: sessionUser, expiresAt };
}

export interface ResolvedSession {
  actor: UserActor;
  user: SessionUser;
}

function toActor(user: SessionUser, sessionId: string): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    sessionId,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    provinceId: user.provinceId,
  };
}

/**
 * The caller of a request, from its cookie token: undefined when the session is missing, expired
 * (idle or absolute), its account disabled or without a role. The expiry rules are applied inside
 * the lookup (auth.queries.ts), which is one prepared statement on the hot path; a dead session
 * costs a second statement that removes it.
 */
export async function resolveSession(token: string, settings: SessionSettings): Promise<ResolvedSession | undefined> {
  const id = sha256(token);
  const now = new Date();
  const validity = validityAt(now, settings);
  const session = await queries.findLiveSession(id, validity);
  if (!session) {
    remembered.delete(id);
    await queries.deleteDeadSession(id, validity);
    return undefined;
  }
  const user = toSessionUser(session);
  if (!user) return undefined;
  // Sliding idle expiry, written at most once a minute per session.
  let lastSeenAt = session.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await queries.touchSession(id, now);
    lastSeenAt = now;
  }
  const resolved = { user, actor: toActor(user, id) };
  remember(id, { ...resolved, lastSeenAt });
  return resolved;
}

const TOUCH_AFTER_MS = 60_000;
const validityAt = (now: Date, settings: SessionSettings) => ({ now, idleCutoff: new Date(now.getTime() - settings.idleMinutes * 60_000) });

/**
 * Sessions this process resolved lately (ADR 020), by session id: a hot read may start from one of
 * these instead of reading the session first, and confirms it inside its own statement. Nothing here
 * is trusted on its own: a logout or role change elsewhere makes the confirmation fail and the request
 * falls back to reading the session. Bounded (oldest entries go first).
 */
const remembered = new Map<string, ResolvedSession & { lastSeenAt: Date }>();
const REMEMBERED_MAX = 10_000;

function remember(id: string, entry: ResolvedSession & { lastSeenAt: Date }) {
  remembered.delete(id);
  remembered.set(id, entry);
  if (remembered.size > REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
}

/**
 * The caller as this process last saw the session, for a read that confirms it in its own statement
 * (the actor's `proof`); undefined when not remembered, or when the sliding expiry is due to be
 * written (then the session is read as usual).
 */
export function rememberedSession(token: string, settings: SessionSettings): ResolvedSession | undefined {
  const id = sha256(token);
  const entry = remembered.get(id);
  const now = new Date();
  if (!entry || now.getTime() - entry.lastSeenAt.getTime() > TOUCH_AFTER_MS) return undefined;
  const { actor, user } = entry;
  const condition = queries.sessionStandsSql(
    id,
    { userId: actor.userId, name: actor.name, role: actor.role, agencyId: actor.agencyId, provinceId: actor.provinceId },
    validityAt(now, settings),
  );
  return { user, actor: { ...actor, proof: { condition, verified: false } } };
}

/** Whether two actors are the same caller with the same rights (the remembered one stands). */
export function sameCaller(a: UserActor, b: UserActor): boolean {
  return (
    a.userId === b.userId &&
    a.sessionId === b.sessionId &&
    a.name === b.name &&
    a.role === b.role &&
    a.agencyId === b.agencyId &&
    a.provinceId === b.provinceId
  );
}

export async function logout(actor: Actor): Promise<void> {
  if (actor.kind !== 'user') return;
  remembered.delete(actor.sessionId);
  await transaction(async (db) => {
    await queries.deleteSession(db, actor.sessionId);
    await recordAudit(db, actor, { action: 'logout', entityType: 'session', entityId: actor.userId, agencyId: actor.agencyId });
  });
}

export async function getMe(actor: Actor): Promise<SessionUser> {
  const sessionUser = await getSessionUser(actor);
  if (!sessionUser) throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
  return sessionUser;
}

/** The signed-in user, or null for a visitor: what a page open to everyone asks, so it never meets a 401. */
export async function getSessionUser(actor: Actor): Promise<SessionUser | null> {
  if (actor.kind !== 'user') return null;
  const row = await queries.findSessionUser(actor.userId);
  return (row && toSessionUser(row)) ?? null;
}

/** Redeem a one-time reset code made by an admin: set the password, end every session. */
export async function redeemPasswordReset(input: ResetPasswordInput): Promise<void> {
  assertAcceptablePassword(input.password);
  const id = sha256(input.code);
  const token = await queries.findResetCode(id);
  if (!token || token.usedAt || token.expiresAt.getTime() < Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'รหัสสำหรับตั้งรหัสผ่านใหม่ไม่ถูกต้องหรือหมดอายุแล้ว', {
      reason: 'resetCodeInvalid',
      issues: [{ path: 'body.code', message: 'invalid or expired', code: 'invalid_code' }],
    });
  }
  const passwordHash = await hashPassword(input.password);
  await transaction(async (db) => {
    if (!(await queries.useResetCode(db, id, new Date()))) throw new AppError('CONFLICT', 'รหัสนี้ถูกใช้ไปแล้ว', { reason: 'resetCodeUsed' });
    await queries.setPasswordHash(db, token.userId, passwordHash);
    await queries.deleteSessionsOf(db, token.userId);
    await recordAudit(db, ANONYMOUS, {
      action: 'password_reset',
      entityType: 'user',
      entityId: token.userId,
      userId: token.userId,
      changes: { redeemed: true },
    });
  });
}

/** A one-time password reset code for a user, stored as its hash (users module: an admin issues it). */
export async function storeResetCode(db: Db, code: string, userId: string, createdById: string, expiresAt: Date): Promise<void> {
  await queries.insertResetCode(db, { id: sha256(code), userId, createdById, expiresAt });
}

/** End every session of a user at once (an account disabled or its role changed: the next request is refused). */
export const endSessionsOf = (db: Db, userId: string): Promise<void> => queries.deleteSessionsOf(db, userId);

export { sha256 as hashToken, newToken };
