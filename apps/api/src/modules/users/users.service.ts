import { randomBytes } from 'node:crypto';
import type { CreateUserInput, RoleAssignment, UpdateUserInput, User } from '@prongsai/shared';
import type { z } from 'zod';
import type { UserListQuerySchema } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { AppError, notFound } from '../../lib/app-error';
import { assertAcceptablePassword, hashPassword } from '../../lib/passwords';
import { getPrisma, type Prisma, type Tx } from '../../lib/prisma';
import { recordAudit } from '../audit/audit.service';
import { hashToken } from '../auth/auth.service';

const USER_INCLUDE = {
  memberships: {
    take: 1,
    orderBy: { createdAt: 'asc' },
    include: { agency: { select: { nameTh: true } }, province: { select: { nameTh: true } } },
  },
} as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof USER_INCLUDE }>;

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

async function assertAssignmentTarget(tx: Tx, assignment: RoleAssignment): Promise<void> {
  if (assignment.role === 'agency_editor' && !(await tx.agency.findUnique({ where: { id: assignment.agencyId }, select: { id: true } }))) {
    throw new AppError('VALIDATION_FAILED', 'ไม่พบหน่วยงานนี้', {
      issues: [{ path: 'body.assignment.agencyId', message: 'unknown agency', code: 'invalid_reference' }],
    });
  }
  if (
    assignment.role === 'provincial_reviewer' &&
    !(await tx.province.findUnique({ where: { id: assignment.provinceId }, select: { id: true } }))
  ) {
    throw new AppError('VALIDATION_FAILED', 'ไม่พบจังหวัดนี้', {
      issues: [{ path: 'body.assignment.provinceId', message: 'unknown province', code: 'invalid_reference' }],
    });
  }
}

const membershipData = (assignment: RoleAssignment) => ({
  role: assignment.role,
  agencyId: assignment.role === 'agency_editor' ? assignment.agencyId : null,
  provinceId: assignment.role === 'provincial_reviewer' ? assignment.provinceId : null,
});

export async function listUsers(actor: Actor, query: z.infer<typeof UserListQuerySchema>) {
  assertCan(actor, 'manage:user');
  const where: Prisma.UserWhereInput = {
    ...(query.q
      ? { OR: [{ email: { contains: query.q, mode: 'insensitive' } }, { name: { contains: query.q, mode: 'insensitive' } }] }
      : {}),
    ...(query.role ? { memberships: { some: { role: query.role } } } : {}),
  };
  const prisma = getPrisma();
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      include: USER_INCLUDE,
      orderBy: { email: 'asc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.user.count({ where }),
  ]);
  return { items: rows.map(toUser), page: query.page, pageSize: query.pageSize, total };
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<User> {
  assertCan(actor, 'manage:user');
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return getPrisma().$transaction(async (tx) => {
    await assertAssignmentTarget(tx, input.assignment);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AppError('CONFLICT', 'มีผู้ใช้อีเมลนี้อยู่แล้ว');
    const row = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, memberships: { create: membershipData(input.assignment) } },
      include: USER_INCLUDE,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      changes: { email: row.email, assignment: input.assignment },
    });
    return toUser(row);
  });
}

export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<User> {
  assertCan(actor, 'manage:user');
  return getPrisma().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, include: USER_INCLUDE });
    if (!before) throw notFound('ไม่พบผู้ใช้นี้');
    if (input.isActive === false && userId === actor.userId) throw new AppError('INVALID_STATE', 'ปิดการใช้งานบัญชีของตนเองไม่ได้');
    await tx.user.update({ where: { id: userId }, data: { name: input.name, isActive: input.isActive } });
    if (input.isActive === false) await tx.session.deleteMany({ where: { userId } });
    if (input.assignment) {
      await assertAssignmentTarget(tx, input.assignment);
      await tx.roleMembership.deleteMany({ where: { userId } });
      await tx.roleMembership.create({ data: { userId, ...membershipData(input.assignment) } });
      await tx.session.deleteMany({ where: { userId } });
      const old = before.memberships[0];
      await recordAudit(tx, actor, {
        action: 'role_change',
        entityType: 'user',
        entityId: userId,
        changes: {
          role: { from: old ? { role: old.role, agencyId: old.agencyId, provinceId: old.provinceId } : null, to: input.assignment },
        },
      });
    }
    if (input.name !== undefined || input.isActive !== undefined) {
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'user',
        entityId: userId,
        changes: {
          name: { from: before.name, to: input.name ?? before.name },
          isActive: { from: before.isActive, to: input.isActive ?? before.isActive },
        },
      });
    }
    return toUser(await tx.user.findUniqueOrThrow({ where: { id: userId }, include: USER_INCLUDE }));
  });
}

/** A one-time code the admin hands over (no e-mail server): valid 24 hours, single use. */
export async function createPasswordResetCode(actor: Actor, userId: string): Promise<{ code: string; expiresAt: string }> {
  assertCan(actor, 'manage:user');
  const code = randomBytes(12).toString('base64url');
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  await getPrisma().$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound('ไม่พบผู้ใช้นี้');
    await tx.passwordResetToken.create({ data: { id: hashToken(code), userId, createdById: actor.userId, expiresAt } });
    await recordAudit(tx, actor, {
      action: 'password_reset',
      entityType: 'user',
      entityId: userId,
      changes: { codeIssued: true, expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, expiresAt: expiresAt.toISOString() };
}
