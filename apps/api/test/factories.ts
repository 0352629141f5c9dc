import { randomUUID } from 'node:crypto';
import type { AgencyType, MunicipalityClass, PlanStatus, Role } from '@prongsai/shared';
import request from 'supertest';
import type { Express } from 'express';
import { hashPassword } from '../src/lib/passwords';
import { getPrisma } from '../src/lib/prisma';
import { rootDb } from '../src/lib/db';
import { refreshPlanWarnings } from '../src/modules/plans/plans.service';

/**
 * Test factories: every test makes its own agencies, users and plans (no shared seed), with
 * unique names, so tests never depend on each other or on order.
 */

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function ensureProvince(id: number) {
  return getPrisma().province.upsert({
    where: { id },
    create: { id, nameTh: `จังหวัดทดสอบ ${id}`, nameEn: `Test province ${id}` },
    update: {},
  });
}

export async function createAgency(
  overrides: {
    provinceId?: number;
    type?: AgencyType;
    municipalityClass?: MunicipalityClass;
    nameTh?: string;
    nameEn?: string;
    website?: string;
    isActive?: boolean;
  } = {},
) {
  const provinceId = overrides.provinceId ?? 49;
  await ensureProvince(provinceId);
  return getPrisma().agency.create({
    data: {
      code: unique('A'),
      type: overrides.type ?? 'sao',
      municipalityClass: overrides.municipalityClass ?? null,
      nameEn: overrides.nameEn ?? null,
      isActive: overrides.isActive ?? true,
      nameTh: overrides.nameTh ?? `องค์การบริหารส่วนตำบลทดสอบ ${randomUUID().slice(0, 6)}`,
      provinceId,
      website: overrides.website ?? null,
    },
  });
}

export async function createUser(role: Role, scope: { agencyId?: string; provinceId?: number } = {}) {
  if (scope.provinceId) await ensureProvince(scope.provinceId);
  const email = `${unique(role)}@test.example`.toLowerCase();
  const user = await getPrisma().user.create({
    data: {
      email,
      name: `ผู้ใช้ทดสอบ ${role}`,
      passwordHash: await testPasswordHash(),
      memberships: { create: { role, agencyId: scope.agencyId ?? null, provinceId: scope.provinceId ?? null } },
    },
  });
  return { ...user, password: TEST_PASSWORD };
}

export async function createPlan(agencyId: string, fiscalYear: number, status: PlanStatus = 'draft', measureCount = 2) {
  const agency = await getPrisma().agency.findUniqueOrThrow({ where: { id: agencyId } });
  const plan = await getPrisma().plan.create({
    data: {
      agencyId,
      fiscalYear,
      status,
      agencyType: agency.type,
      agencyNameTh: agency.nameTh,
      publishedAt: status === 'published' ? new Date() : null,
      measures: {
        create: Array.from({ length: measureCount }, (_, index) => ({
          agencyId,
          sequence: index + 1,
          title: `มาตรการทดสอบที่ ${index + 1}`,
          actions: ['ขั้นตอนที่หนึ่ง', 'ขั้นตอนที่สอง'],
        })),
      },
    },
    include: { measures: { orderBy: { sequence: 'asc' } } },
  });
  await refreshPlanWarnings(rootDb(), plan.id); // the counters every write keeps
  return plan;
}

/** A supertest agent signed in as the user, sending the CSRF header on every request. */
export async function signIn(app: Express, user: { email: string; password: string }) {
  const agent = request.agent(app);
  const response = await agent.post('/api/v1/auth/login').set('x-prongsai-csrf', '1').send({ email: user.email, password: user.password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return agent;
}

/** An agency with its editor, in the given province, plus a reviewer of that province. */
export async function createTenant(provinceId = 49) {
  const agency = await createAgency({ provinceId });
  const editor = await createUser('agency_editor', { agencyId: agency.id });
  const reviewer = await createUser('provincial_reviewer', { provinceId });
  return { agency, editor, reviewer };
}

/** A session cookie for the user without going through the login endpoint (fast, for matrices). */
export async function sessionCookie(userId: string): Promise<string> {
  const { hashToken, newToken } = await import('../src/modules/auth/auth.service');
  const token = newToken();
  await getPrisma().session.create({ data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + 3600_000) } });
  return `prongsai_session=${token}`;
}
