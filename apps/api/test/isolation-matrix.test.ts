import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '@prongsai/shared';
import { apiRoutes } from '../src/routes';
import { getPrisma } from '../src/lib/prisma';
import { testApp } from './app';
import { createAgency, createPlan, createUser, sessionCookie } from './factories';
import { listRoutes } from './route-table';

/**
 * Tenant isolation, generated from the route table: every API route × every kind of caller, against
 * a resource of agency A (province 49). Each case gets fresh resources, so allowed writes never
 * disturb the next case. A route missing from ROUTES fails the first test.
 */

const app = testApp();
type Caller = 'anonymous' | 'editorA' | 'editorB' | 'reviewerA' | 'reviewerOther' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'editorA', 'editorB', 'reviewerA', 'reviewerOther', 'admin'];

interface World {
  agencyA: { id: string };
  userIdOf: Record<Exclude<Caller, 'anonymous'>, string>;
}
interface Case {
  url: string;
  body?: unknown;
  /** A multipart upload (the part `file`) instead of a JSON body. */
  file?: { name: string; bytes: Buffer };
}
interface RouteSpec {
  /** Callers that must get a 2xx. */
  allowed: Caller[];
  /** Signed-in callers not allowed but able to see the resource: 403. Others: 404. Anonymous: 401. */
  visible: Caller[];
  /** What a caller without a session gets when not allowed (401 unless the route is open to anonymous callers). */
  anonymous?: number;
  build: (world: World) => Promise<Case>;
}

const OWNERS_OF_A: Caller[] = ['editorA', 'reviewerA', 'admin'];
const SIGNED_IN: Caller[] = ['editorA', 'editorB', 'reviewerA', 'reviewerOther', 'admin'];
const EVERYONE: Caller[] = [...CALLERS];
const FY = 2567;

async function freshPlan(world: World, status: Parameters<typeof createPlan>[2] = 'draft') {
  return createPlan(world.agencyA.id, FY, status);
}

const measureBody = { title: 'มาตรการใหม่', actions: ['ขั้นที่ ๑'] };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** An (empty) evidence file with a preview on a measure of a fresh draft plan of agency A. */
async function freshFile(world: World) {
  const measure = (await freshPlan(world)).measures[0]!;
  return getPrisma().evidenceFile.create({
    data: {
      measureId: measure.id,
      agencyId: world.agencyA.id,
      name: 'f.png',
      contentType: 'image/png',
      size: 0,
      sha256: '',
      storage: 'postgres',
      storageKey: measure.id,
      preview: Buffer.from('RIFF'),
    },
  });
}

const ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/health': { allowed: EVERYONE, visible: [], build: async () => ({ url: '/api/v1/health' }) },
  'GET /api/v1/public/summary': { allowed: EVERYONE, visible: [], build: async () => ({ url: '/api/v1/public/summary' }) },
  'GET /api/v1/public/provinces/:provinceId': {
    allowed: EVERYONE,
    visible: [],
    build: async () => ({ url: '/api/v1/public/provinces/49' }),
  },
  'GET /api/v1/public/agencies': {
    allowed: EVERYONE,
    visible: [],
    build: async () => ({ url: `/api/v1/public/agencies?q=${encodeURIComponent('อบต.ทดสอบ')}` }),
  },
  'GET /api/v1/public/agencies/:agencyId': {
    allowed: EVERYONE,
    visible: [],
    build: async (w) => ({ url: `/api/v1/public/agencies/${w.agencyA.id}` }),
  },
  'GET /api/v1/public/agencies/:agencyId/plans/:fiscalYear': {
    allowed: EVERYONE,
    visible: [],
    build: async (w) => (await freshPlan(w, 'published'), { url: `/api/v1/public/agencies/${w.agencyA.id}/plans/${FY}` }),
  },
  'GET /api/v1/public/agencies/:agencyId/plans/:fiscalYear/files': {
    allowed: EVERYONE,
    visible: [],
    build: async (w) => (await freshPlan(w, 'published'), { url: `/api/v1/public/agencies/${w.agencyA.id}/plans/${FY}/files` }),
  },
  'GET /api/v1/openapi.json': { allowed: EVERYONE, visible: [], build: async () => ({ url: '/api/v1/openapi.json' }) },
  'POST /api/v1/auth/login': {
    allowed: EVERYONE,
    visible: [],
    build: async () => {
      const user = await createUser('agency_editor', { agencyId: (await createAgency()).id });
      return { url: '/api/v1/auth/login', body: { email: user.email, password: user.password } };
    },
  },
  'POST /api/v1/auth/logout': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/auth/logout' }) },
  'GET /api/v1/auth/me': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/auth/me' }) },
  // Open to everyone: a visitor gets { user: null }, a signed-in caller only themselves (auth.api.test.ts).
  'GET /api/v1/auth/session': { allowed: EVERYONE, visible: [], build: async () => ({ url: '/api/v1/auth/session' }) },
  'POST /api/v1/auth/password-reset': {
    // Anyone may redeem a code; a wrong code is a 400 for everybody, so only shape is checked here.
    allowed: [],
    visible: [],
    build: async () => ({ url: '/api/v1/auth/password-reset', body: { code: 'x'.repeat(16), password: 'a-new-long-password-1' } }),
  },
  'GET /api/v1/provinces': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/provinces' }) },
  'GET /api/v1/provinces/:provinceId/districts': {
    allowed: SIGNED_IN,
    visible: [],
    build: async () => ({ url: '/api/v1/provinces/49/districts' }),
  },
  'GET /api/v1/agencies': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/agencies' }) },
  'GET /api/v1/agencies/:agencyId': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/agencies/${w.agencyA.id}` }),
  },
  'GET /api/v1/agencies/:agencyId/report-signature': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/agencies/${w.agencyA.id}/report-signature` }),
  },
  'PUT /api/v1/agencies/:agencyId/report-signature': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({
      url: `/api/v1/agencies/${w.agencyA.id}/report-signature`,
      body: { name: 'นายทดสอบ ลงนาม', position: 'นายกองค์การบริหารส่วนตำบล', signedOn: null },
    }),
  },
  'DELETE /api/v1/agencies/:agencyId/report-signature': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/agencies/${w.agencyA.id}/report-signature` }),
  },
  'GET /api/v1/agencies/:agencyId/plans': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/agencies/${w.agencyA.id}/plans` }),
  },
  'GET /api/v1/agencies/:agencyId/plans/:fiscalYear': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => (await freshPlan(w), { url: `/api/v1/agencies/${w.agencyA.id}/plans/${FY}` }),
  },
  'POST /api/v1/agencies/:agencyId/plans/:fiscalYear': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/agencies/${w.agencyA.id}/plans/${FY}`, body: {} }),
  },
  'GET /api/v1/plans/:planId': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}` }),
  },
  'PATCH /api/v1/plans/:planId': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}`, body: { version: 1, introText: 'บทนำ' } }),
  },
  'POST /api/v1/plans/:planId/submit': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}/submit`, body: { version: 1 } }),
  },
  'POST /api/v1/plans/:planId/withdraw': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w, 'submitted')).id}/withdraw`, body: { version: 1 } }),
  },
  'POST /api/v1/plans/:planId/return': {
    allowed: ['reviewerA', 'admin'],
    visible: ['editorA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w, 'submitted')).id}/return`, body: { version: 1, reason: 'ขอให้แก้ไข' } }),
  },
  'POST /api/v1/plans/:planId/accept': {
    allowed: ['reviewerA', 'admin'],
    visible: ['editorA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w, 'submitted')).id}/accept`, body: { version: 1 } }),
  },
  'POST /api/v1/plans/:planId/publish': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w, 'accepted')).id}/publish`, body: { version: 1 } }),
  },
  'POST /api/v1/plans/:planId/reopen': {
    allowed: ['reviewerA', 'admin'],
    visible: ['editorA'],
    build: async (w) => ({
      url: `/api/v1/plans/${(await freshPlan(w, 'published')).id}/reopen`,
      body: { version: 1, reason: 'พบข้อผิดพลาด' },
    }),
  },
  'POST /api/v1/plans/:planId/comments': {
    allowed: ['reviewerA', 'admin'],
    visible: ['editorA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w, 'submitted')).id}/comments`, body: { body: 'ความเห็น' } }),
  },
  'POST /api/v1/plans/:planId/measures': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}/measures`, body: measureBody }),
  },
  'PUT /api/v1/plans/:planId/measure-order': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => {
      const plan = await freshPlan(w);
      return { url: `/api/v1/plans/${plan.id}/measure-order`, body: { measureIds: plan.measures.map((m) => m.id).reverse() } };
    },
  },
  'GET /api/v1/measures/:measureId': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}` }),
  },
  'PATCH /api/v1/measures/:measureId': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}`, body: { version: 1, title: 'แก้ไขแล้ว' } }),
  },
  'DELETE /api/v1/measures/:measureId': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}?version=1` }),
  },
  'POST /api/v1/measures/:measureId/restore': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => {
      const measure = (await freshPlan(w)).measures[0]!;
      await getPrisma().measure.update({ where: { id: measure.id }, data: { deletedAt: new Date() } });
      return { url: `/api/v1/measures/${measure.id}/restore` };
    },
  },
  'GET /api/v1/measures/:measureId/timeline': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}/timeline` }),
  },
  'POST /api/v1/measures/:measureId/timeline': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({
      url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}/timeline`,
      body: { note: 'ความคืบหน้า', occurredOn: '2024-01-15' },
    }),
  },
  'POST /api/v1/measures/:measureId/files': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}/files`, file: { name: 'a.pdf', bytes: PDF } }),
  },
  'GET /api/v1/measures/:measureId/files': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/measures/${(await freshPlan(w)).measures[0]!.id}/files` }),
  },
  // A file of an unpublished plan: the public gets 404 like everyone outside its scope.
  'GET /api/v1/files/:fileId/content': {
    allowed: OWNERS_OF_A,
    visible: [],
    anonymous: 404,
    build: async (w) => ({ url: `/api/v1/files/${(await freshFile(w)).id}/content` }),
  },
  'GET /api/v1/files/:fileId/preview': {
    allowed: OWNERS_OF_A,
    visible: [],
    anonymous: 404,
    build: async (w) => ({ url: `/api/v1/files/${(await freshFile(w)).id}/preview` }),
  },
  'PATCH /api/v1/files/:fileId': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/files/${(await freshFile(w)).id}`, body: { isInternal: true } }),
  },
  'DELETE /api/v1/files/:fileId': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({ url: `/api/v1/files/${(await freshFile(w)).id}` }),
  },
  'GET /api/v1/codebooks': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/codebooks' }) },
  'GET /api/v1/codebooks/:fiscalYear': {
    allowed: SIGNED_IN,
    visible: [],
    build: async () => {
      await getPrisma().indicatorCodebook.upsert({ where: { fiscalYear: 2558 }, create: { fiscalYear: 2558 }, update: {} });
      return { url: '/api/v1/codebooks/2558' };
    },
  },
  'PUT /api/v1/codebooks/:fiscalYear': {
    allowed: ['admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: '/api/v1/codebooks/2557', body: { csv: 'code,title,group\nO1,โครงสร้าง,9.1\n' } }),
  },
  'GET /api/v1/users': { allowed: ['admin'], visible: SIGNED_IN, build: async () => ({ url: '/api/v1/users' }) },
  'POST /api/v1/users': {
    allowed: ['admin'],
    visible: SIGNED_IN,
    build: async () => ({
      url: '/api/v1/users',
      body: {
        email: `new-${Math.random().toString(36).slice(2)}@test.example`,
        name: 'ผู้ใช้ใหม่',
        password: 'a-long-enough-password',
        assignment: { role: 'national_admin' },
      },
    }),
  },
  'PATCH /api/v1/users/:userId': {
    allowed: ['admin'],
    visible: SIGNED_IN,
    build: async (w) => {
      const user = await createUser('agency_editor', { agencyId: w.agencyA.id });
      return { url: `/api/v1/users/${user.id}`, body: { name: 'ชื่อใหม่' } };
    },
  },
  'POST /api/v1/users/:userId/password-reset': {
    allowed: ['admin'],
    visible: SIGNED_IN,
    build: async (w) => ({ url: `/api/v1/users/${(await createUser('agency_editor', { agencyId: w.agencyA.id })).id}/password-reset` }),
  },
  'GET /api/v1/review/provinces/:provinceId/overview': {
    allowed: ['reviewerA', 'admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: `/api/v1/review/provinces/49/overview?fiscalYear=${FY}` }),
  },
  'GET /api/v1/review/provinces/:provinceId/overview.csv': {
    allowed: ['reviewerA', 'admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: `/api/v1/review/provinces/49/overview.csv?fiscalYear=${FY}&pageSize=5` }),
  },
  'GET /api/v1/review/provinces/:provinceId/overview.xlsx': {
    allowed: ['reviewerA', 'admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: `/api/v1/review/provinces/49/overview.xlsx?fiscalYear=${FY}&pageSize=5` }),
  },
  'GET /api/v1/review/provinces/:provinceId/indicators': {
    allowed: ['reviewerA', 'admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: `/api/v1/review/provinces/49/indicators?fiscalYear=${FY}` }),
  },
  'GET /api/v1/review/provinces/:provinceId/trends': {
    allowed: ['reviewerA', 'admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: '/api/v1/review/provinces/49/trends' }),
  },
  'GET /api/v1/review/waiting': {
    // Every reviewer has a queue (their own province's: contents in notifications.api.test.ts); editors lack the permission.
    allowed: ['reviewerA', 'reviewerOther', 'admin'],
    visible: ['editorA', 'editorB'],
    build: async () => ({ url: '/api/v1/review/waiting' }),
  },
  'GET /api/v1/review/compare': {
    allowed: ['reviewerA', 'admin'],
    // Editors lack the permission (403); the other province's reviewer cannot see these agencies (404).
    visible: ['editorA', 'editorB'],
    build: async (w) => {
      const second = await createAgency({ provinceId: 49 });
      return { url: `/api/v1/review/compare?agencyIds=${w.agencyA.id},${second.id}` };
    },
  },
  'GET /api/v1/plans/:planId/similar-measures': {
    allowed: ['reviewerA', 'admin'],
    // Editors of A see the plan but lack the permission (403); B's editor and the other province's reviewer: 404.
    visible: ['editorA'],
    build: async (w) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}/similar-measures` }),
  },
  'GET /api/v1/review/copy-clusters': {
    // Every reviewer sees their own province's clusters; editors lack the permission.
    allowed: ['reviewerA', 'reviewerOther', 'admin'],
    visible: ['editorA', 'editorB'],
    build: async () => ({ url: `/api/v1/review/copy-clusters?fiscalYear=${FY}` }),
  },
  'POST /api/v1/ita-results': {
    allowed: ['admin'],
    visible: SIGNED_IN,
    build: async () => ({ url: '/api/v1/ita-results', body: { csv: 'agency_code,fiscal_year,score\nNO-SUCH,2566,90\n' } }),
  },
  'POST /api/v1/agencies/:agencyId/imports/preview': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({
      url: `/api/v1/agencies/${w.agencyA.id}/imports/preview`,
      body: { format: 'text', content: '๑\t๑. มาตรการทดสอบ\t\tทำแล้ว\tสรุป\tมีนาคม ๒๕๖๖' },
    }),
  },
  'POST /api/v1/agencies/:agencyId/plans/:fiscalYear/import': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({
      url: `/api/v1/agencies/${w.agencyA.id}/plans/${FY}/import`,
      body: { measures: [{ title: 'นำเข้า', actions: ['ขั้นที่ ๑'] }] },
    }),
  },
  ...Object.fromEntries(
    (['docx', 'html', 'pdf'] as const).flatMap((format) => [
      [
        `GET /api/v1/plans/:planId/report.${format}`,
        {
          allowed: OWNERS_OF_A,
          visible: [],
          build: async (w: World) => ({ url: `/api/v1/plans/${(await freshPlan(w)).id}/report.${format}` }),
        },
      ],
      [
        `GET /api/v1/public/agencies/:agencyId/plans/:fiscalYear/report.${format}`,
        {
          allowed: EVERYONE,
          visible: [],
          build: async (w: World) => (
            await freshPlan(w, 'published'),
            { url: `/api/v1/public/agencies/${w.agencyA.id}/plans/${FY}/report.${format}` }
          ),
        },
      ],
    ]),
  ),
  'GET /api/v1/exports/measures.csv': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/exports/measures.csv?agencyId=${w.agencyA.id}` }),
  },
  'GET /api/v1/exports/measures.xlsx': {
    allowed: OWNERS_OF_A,
    visible: [],
    build: async (w) => ({ url: `/api/v1/exports/measures.xlsx?agencyId=${w.agencyA.id}` }),
  },
  'GET /api/v1/public/exports/measures.csv': {
    allowed: EVERYONE,
    visible: [],
    build: async () => ({ url: '/api/v1/public/exports/measures.csv?provinceId=49&fiscalYear=2558' }),
  },
  'GET /api/v1/public/exports/measures.xlsx': {
    allowed: EVERYONE,
    visible: [],
    build: async () => ({ url: '/api/v1/public/exports/measures.xlsx?provinceId=49&fiscalYear=2558' }),
  },
  'GET /api/v1/audit': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/audit' }) },
  // A user's own notifications: every signed-in caller reads and marks theirs (their contents: notifications.api.test.ts).
  'GET /api/v1/notifications': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/notifications' }) },
  'POST /api/v1/notifications/read': {
    allowed: SIGNED_IN,
    visible: [],
    build: async () => ({ url: '/api/v1/notifications/read', body: { all: true } }),
  },
  // Each user's own delivery choices (contents: preferences.api.test.ts).
  'GET /api/v1/notifications/preferences': {
    allowed: SIGNED_IN,
    visible: [],
    build: async () => ({ url: '/api/v1/notifications/preferences' }),
  },
  'PUT /api/v1/notifications/preferences': {
    allowed: SIGNED_IN,
    visible: [],
    build: async () => ({ url: '/api/v1/notifications/preferences', body: { items: [{ kind: 'plan_returned', delivery: 'email' }] } }),
  },
  // The ITA calendar: everyone signed in reads it; national admins set it (a year no other test uses).
  'GET /api/v1/calendar/:fiscalYear': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/calendar/2560' }) },
  'PUT /api/v1/calendar/:fiscalYear': {
    allowed: ['admin'],
    visible: ['editorA', 'editorB', 'reviewerA', 'reviewerOther'],
    build: async () => ({
      url: '/api/v1/calendar/2560',
      body: { deadlines: [{ kind: 'plan_published', dueOn: '2017-04-30', remindDaysBefore: 14 }] },
    }),
  },
  // What is due for the caller's own agencies (contents per scope: calendar.api.test.ts).
  'GET /api/v1/deadlines': { allowed: SIGNED_IN, visible: [], build: async () => ({ url: '/api/v1/deadlines?fiscalYear=2560' }) },
  'POST /api/v1/plans/:planId/reopen-request': {
    allowed: ['editorA', 'admin'],
    visible: ['reviewerA'],
    build: async (w) => ({
      url: `/api/v1/plans/${(await freshPlan(w, 'accepted')).id}/reopen-request`,
      body: { reason: 'ขอแก้ไขผู้รับผิดชอบ' },
    }),
  },
};

function expectedStatus(spec: RouteSpec, caller: Caller, route: string): 'ok' | number {
  if (spec.allowed.includes(caller)) return 'ok';
  if (route === 'POST /api/v1/auth/password-reset') return 400;
  if (caller === 'anonymous') return spec.anonymous ?? 401;
  return spec.visible.includes(caller) ? 403 : 404;
}

describe('tenant isolation matrix', () => {
  const world = {} as World;
  beforeAll(async () => {
    // Each case builds fresh resources in a new agency A; the callers are re-bound to it per case.
    const agencyB = await createAgency({ provinceId: 37 });
    world.userIdOf = {
      editorA: '',
      editorB: (await createUser('agency_editor', { agencyId: agencyB.id })).id,
      reviewerA: (await createUser('provincial_reviewer', { provinceId: 49 })).id,
      reviewerOther: (await createUser('provincial_reviewer', { provinceId: 37 })).id,
      admin: (await createUser('national_admin')).id,
    };
  });

  it('when the router declares a route, then the matrix covers it (and nothing stale)', () => {
    const declared = listRoutes(apiRoutes({ idleMinutes: 60, absoluteHours: 1 })).map((route) => `${route.method} ${route.path}`);

    expect([...declared].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [route, spec] of Object.entries(ROUTES)) {
    const [method, pattern] = route.split(' ') as [string, string];
    it(`${route}: each caller gets exactly its expected status`, async () => {
      const outcomes: string[] = [];
      for (const caller of CALLERS) {
        const agencyA = await createAgency({ provinceId: 49 });
        const editorA = await createUser('agency_editor', { agencyId: agencyA.id });
        const caseWorld: World = { agencyA, userIdOf: { ...world.userIdOf, editorA: editorA.id } };
        const built = await spec.build(caseWorld);
        const { url, body } = built;
        const cookie = caller === 'anonymous' ? undefined : await sessionCookie(caseWorld.userIdOf[caller]);
        let call = request(app)[method.toLowerCase() as 'get'](url).set('x-prongsai-csrf', '1');
        if (cookie) call = call.set('Cookie', cookie);
        const { file } = built;
        const response = file
          ? await call.attach('file', file.bytes, file.name)
          : body === undefined
            ? await call
            : await call.send(body as object);
        const expected = expectedStatus(spec, caller, route);
        const ok = expected === 'ok' ? response.status >= 200 && response.status < 300 : response.status === expected;
        if (!ok) outcomes.push(`${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (response.status >= 400) ErrorResponseSchema.parse(response.body);
      }
      expect(outcomes, `${pattern}`).toEqual([]);
    });
  }
});
