import { randomBytes } from 'node:crypto';
import type { CreateUserInput, RoleAssignment, UpdateUserInput, User } from '@prongsai/shared';
import type { z } from 'zod';
import type { UserListQuerySchema } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { AppError, notFound } from '../../lib/app-error';
import { assertAcceptablePassword, hashPassword } from '../../lib/passwords';
import { transaction, type Db } from '../../lib/db';
import { recordAudit } from '../audit/audit.service';
import { endSessionsOf, storeResetCode } from '../auth/auth.service';
import { recordAccountEvent } from '../notifications/notifications.service';
import * as queries from './users.queries';
import type { UserRow } from './users.queries';

function toUser(row: UserRow): User {
  const membership = row.memberships[0];
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: membership?.role ?? null,
    agencyId: membership?.agencyId ?? null,
    agencyName: membership?.agency?.nameTh ?? null,
    provinceId: membership?.provinceId ?? null,
    provinceName: membership?.province?.nameTh ?? null,
    isActive: row.isActive,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertAssignmentTarget(db: Db, assignment: RoleAssignment): Promise<void> {
  if (assignment.role === 'agency_editor' && !(await queries.agencyExists(db, assignment.agencyId))) {
    throw new AppError('VALIDATION_FAILED', 'ไม่พบหน่วยงานนี้', {
      issues: [{ path: 'body.assignment.agencyId', message: 'unknown agency', code: 'invalid_reference' }],
    });
  }
  if (assignment.role === 'provincial_reviewer' && !(await queries.provinceExists(db, assignment.provinceId))) {
    throw new AppError('VALIDATION_FAILED', 'ไม่พบจังหวัดนี้', {
      issues: [{ path: 'body.assignment.provinceId', message: 'unknown province', code: 'invalid_reference' }],
    });
  }
}

export async function listUsers(actor: Actor, query: z.infer<typeof UserListQuerySchema>) {
  assertCan(actor, 'manage:user');
  const { rows, total } = await queries.listUsers(query);
  return { items: rows.map(toUser), page: query.page, pageSize: query.pageSize, total };
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<User> {
  assertCan(actor, 'manage:user');
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return transaction(async (db) => {
    await assertAssignmentTarget(db, input.assignment);
    if (await queries.emailTaken(db, input.email)) throw new AppError('CONFLICT', 'มีผู้ใช้อีเมลนี้อยู่แล้ว', { reason: 'emailTaken' });
    const row = await queries.insertUser(db, { email: input.email, name: input.name, passwordHash, assignment: input.assignment });
    await recordAudit(db, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      changes: { email: row.email, assignment: input.assignment },
    });
    await recordAccountEvent(db, actor, { kind: 'account_created', userId: row.id, email: row.email });
    return toUser(row);
  });
}

export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<User> {
  assertCan(actor, 'manage:user');
  return transaction(async (db) => {
    const before = await queries.findUser(db, userId);
    if (!before) throw notFound('ไม่พบผู้ใช้นี้');
    if (input.isActive === false && userId === actor.userId) throw new AppError('INVALID_STATE', 'ปิดการใช้งานบัญชีของตนเองไม่ได้');
    await queries.updateUser(db, userId, { name: input.name, isActive: input.isActive });
    // A disabled account or a changed role takes effect on the next request, on every replica.
    if (input.isActive === false) await endSessionsOf(db, userId);
    if (input.assignment) {
      await assertAssignmentTarget(db, input.assignment);
      await queries.replaceMembership(db, userId, input.assignment);
      await endSessionsOf(db, userId);
      const old = before.memberships[0];
      await recordAudit(db, actor, {
        action: 'role_change',
        entityType: 'user',
        entityId: userId,
        changes: {
          role: { from: old ? { role: old.role, agencyId: old.agencyId, provinceId: old.provinceId } : null, to: input.assignment },
        },
      });
    }
    if (input.name !== undefined || input.isActive !== undefined) {
      await recordAudit(db, actor, {
        action: 'update',
        entityType: 'user',
        entityId: userId,
        changes: {
          name: { from: before.name, to: input.name ?? before.name },
          isActive: { from: before.isActive, to: input.isActive ?? before.isActive },
        },
      });
    }
    return toUser((await queries.findUser(db, userId))!);
  });
}

/** A one-time code, valid 24 hours, single use: shown once to the admin and e-mailed to the user (issue 14). */
export async function createPasswordResetCode(actor: Actor, userId: string): Promise<{ code: string; expiresAt: string }> {
  assertCan(actor, 'manage:user');
  const code = randomBytes(12).toString('base64url');
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  await transaction(async (db) => {
    if (!(await queries.findUser(db, userId))) throw notFound('ไม่พบผู้ใช้นี้');
    await storeResetCode(db, code, userId, actor.userId, expiresAt);
    await recordAccountEvent(db, actor, { kind: 'password_reset', userId, code, expiresAt });
    await recordAudit(db, actor, {
      action: 'password_reset',
      entityType: 'user',
      entityId: userId,
      changes: { codeIssued: true, expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}
