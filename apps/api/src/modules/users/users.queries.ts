import type { RoleAssignment, UserListQuerySchema } from '@prongsai/shared';
import type { z } from 'zod';
import { clientOf, rootDb, type Db } from '../../lib/db';
import type { Prisma } from '../../lib/prisma';
import { queryRows, sql } from '../../lib/sql';
import { agencySearchFor } from '../agencies/agencies.queries';

/**
 * Accounts (national admins manage them; no tenant scope: `manage:user` is checked by the service).
 * THE user row every path returns: the account with its first role membership and the names shown.
 */
const USER_INCLUDE = {
  memberships: {
    take: 1,
    orderBy: { createdAt: 'asc' },
    include: { agency: { select: { nameTh: true } }, province: { select: { nameTh: true } } },
  },
} as const;
export type UserRow = Prisma.UserGetPayload<{ include: typeof USER_INCLUDE }>;

/**
 * The accounts a search box finds: every word typed in the name or the e-mail (any order), or the
 * account's agency found by the one agency search (abbreviations, type prefix optional, English names:
 * "อบต.บางทรายน้อย" finds its editors), or its province's name.
 */
async function userSearchWhere(q: string): Promise<Prisma.UserWhereInput> {
  const words = q.split(/\s+/).filter((word) => word !== '');
  const agencySearch = agencySearchFor(q, 'a');
  const byAgency = agencySearch
    ? await queryRows<{ userId: string }>(
        clientOf(rootDb()),
        sql`SELECT DISTINCT rm."userId" FROM "RoleMembership" rm JOIN "Agency" a ON a.id = rm."agencyId" WHERE ${agencySearch.where}`,
      )
    : [];
  return {
    OR: [
      {
        AND: words.map((word) => ({
          OR: [{ email: { contains: word, mode: 'insensitive' as const } }, { name: { contains: word, mode: 'insensitive' as const } }],
        })),
      },
      ...(byAgency.length > 0 ? [{ id: { in: byAgency.map((row) => row.userId) } }] : []),
      { memberships: { some: { province: { nameTh: { contains: q } } } } },
    ],
  };
}

export async function listUsers(query: z.infer<typeof UserListQuerySchema>): Promise<{ rows: UserRow[]; total: number }> {
  const where: Prisma.UserWhereInput = {
    AND: [query.q ? await userSearchWhere(query.q) : {}, query.role ? { memberships: { some: { role: query.role } } } : {}],
  };
  const client = clientOf(rootDb());
  const [rows, total] = await Promise.all([
    client.user.findMany({
      where,
      include: USER_INCLUDE,
      orderBy: { email: 'asc' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    client.user.count({ where }),
  ]);
  return { rows, total };
}

export async function findUser(db: Db, userId: string): Promise<UserRow | null> {
  return clientOf(db).user.findUnique({ where: { id: userId }, include: USER_INCLUDE });
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await clientOf(db).user.findUnique({ where: { email }, select: { id: true } })) !== null;
}

export async function agencyExists(db: Db, agencyId: string): Promise<boolean> {
  return (await clientOf(db).agency.findUnique({ where: { id: agencyId }, select: { id: true } })) !== null;
}

export async function provinceExists(db: Db, provinceId: number): Promise<boolean> {
  return (await clientOf(db).province.findUnique({ where: { id: provinceId }, select: { id: true } })) !== null;
}

const membershipData = (assignment: RoleAssignment) => ({
  role: assignment.role,
  agencyId: assignment.role === 'agency_editor' ? assignment.agencyId : null,
  provinceId: assignment.role === 'provincial_reviewer' ? assignment.provinceId : null,
});

export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; assignment: RoleAssignment },
): Promise<UserRow> {
  return clientOf(db).user.create({
    data: { email: user.email, name: user.name, passwordHash: user.passwordHash, memberships: { create: membershipData(user.assignment) } },
    include: USER_INCLUDE,
  });
}

export async function updateUser(db: Db, userId: string, change: { name?: string; isActive?: boolean }): Promise<void> {
  await clientOf(db).user.update({ where: { id: userId }, data: change });
}

/** The user's one role, replacing whatever they had. */
export async function replaceMembership(db: Db, userId: string, assignment: RoleAssignment): Promise<void> {
  const client = clientOf(db);
  await client.roleMembership.deleteMany({ where: { userId } });
  await client.roleMembership.create({ data: { userId, ...membershipData(assignment) } });
}
