import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { PUBLIC_SCOPE, reachesProvince, scopeFor, scopeSql, scopeWhere, type Scope, type ScopedEntity } from './scope';
import { getPrisma } from '../lib/prisma';
import { queryRows, sql } from '../lib/sql';
import { createAgency, createPlan } from '../../test/factories';

const user = (
  role: 'agency_editor' | 'provincial_reviewer' | 'national_admin',
  scope: { agencyId?: string; provinceId?: number } = {},
): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  sessionId: 's',
  name: 'n',
  role,
  agencyId: scope.agencyId ?? null,
  provinceId: scope.provinceId ?? null,
});

/** Two provinces, an agency each plus an inactive one, plans in two statuses, a deleted measure, audit rows of every kind. */
async function world() {
  const prisma = getPrisma();
  const own = await createAgency({ provinceId: 93 });
  const neighbour = await createAgency({ provinceId: 93 });
  const elsewhere = await createAgency({ provinceId: 94 });
  const inactive = await createAgency({ provinceId: 93 });
  await prisma.agency.update({ where: { id: inactive.id }, data: { isActive: false } });
  const plans = [
    await createPlan(own.id, 2555, 'draft'),
    await createPlan(own.id, 2556, 'published'),
    await createPlan(neighbour.id, 2556, 'published'),
    await createPlan(elsewhere.id, 2556, 'submitted'),
    await createPlan(elsewhere.id, 2557, 'published'),
  ];
  await prisma.measure.update({ where: { id: plans[1]!.measures[0]!.id }, data: { deletedAt: new Date() } });
  const audit = [
    { agencyId: own.id, provinceId: 93 },
    { agencyId: neighbour.id, provinceId: 93 },
    { agencyId: elsewhere.id, provinceId: 94 },
    { agencyId: null, provinceId: 93 },
    { agencyId: null, provinceId: null },
  ];
  const auditIds: bigint[] = [];
  for (const row of audit) {
    const created = await prisma.auditLog.create({ data: { action: 'update', entityType: 'test', entityId: 'scope', ...row } });
    auditIds.push(created.id);
  }
  // Evidence files: a public and an internal one on the first measure of every plan (the deleted one included).
  const fileIds: string[] = [];
  for (const plan of plans) {
    for (const isInternal of [false, true]) {
      const measure = plan.measures[0]!;
      const file = await prisma.evidenceFile.create({
        data: {
          measureId: measure.id,
          agencyId: plan.agencyId,
          name: 'f.pdf',
          contentType: 'application/pdf',
          size: 1,
          sha256: 'x',
          storage: 'postgres',
          storageKey: measure.id,
          isInternal,
        },
      });
      fileIds.push(file.id);
    }
  }
  return {
    agencies: { own, neighbour, elsewhere, inactive },
    ids: {
      agency: [own.id, neighbour.id, elsewhere.id, inactive.id],
      plan: plans.map((plan) => plan.id),
      measure: plans.flatMap((plan) => plan.measures.map((measure) => measure.id)),
      audit: auditIds.map(String),
      file: fileIds,
    },
    plans,
  };
}

const TABLE: Record<ScopedEntity, { table: string; alias: string }> = {
  agency: { table: '"Agency"', alias: 'a' },
  plan: { table: '"Plan"', alias: 'p' },
  measure: { table: '"Measure"', alias: 'm' },
  audit: { table: '"AuditLog"', alias: 'l' },
  file: { table: '"EvidenceFile"', alias: 'f' },
};

async function viaSql(entity: ScopedEntity, scope: Scope, ids: string[]): Promise<string[]> {
  const { table, alias } = TABLE[entity];
  const statement = sql(
    [`SELECT ${alias}.id::text AS id FROM ${table} ${alias} WHERE `, ` AND ${alias}.id::text = ANY(`, `::text[])`],
    scopeSql(entity, scope, alias),
    ids,
  );
  return (await queryRows<{ id: string }>(getPrisma(), statement)).map((row) => row.id).sort();
}

async function viaPrisma(entity: ScopedEntity, scope: Scope, ids: string[]): Promise<string[]> {
  const prisma = getPrisma();
  const rows =
    entity === 'agency'
      ? await prisma.agency.findMany({ where: { AND: [scopeWhere.agency(scope), { id: { in: ids } }] }, select: { id: true } })
      : entity === 'plan'
        ? await prisma.plan.findMany({ where: { AND: [scopeWhere.plan(scope), { id: { in: ids } }] }, select: { id: true } })
        : entity === 'measure'
          ? await prisma.measure.findMany({ where: { AND: [scopeWhere.measure(scope), { id: { in: ids } }] }, select: { id: true } })
          : entity === 'file'
            ? await prisma.evidenceFile.findMany({ where: { AND: [scopeWhere.file(scope), { id: { in: ids } }] }, select: { id: true } })
            : await prisma.auditLog.findMany({
                where: { AND: [scopeWhere.audit(scope), { id: { in: ids.map(BigInt) } }] },
                select: { id: true },
              });
  return rows.map((row) => String(row.id)).sort();
}

describe('the scope table (access/scope.ts)', () => {
  it('when every entity is read with every kind of scope, then the SQL and the Prisma forms select exactly the same rows', async () => {
    const { agencies, ids } = await world();
    const scopes: [string, Scope][] = [
      ['admin', scopeFor(user('national_admin'), 'read:plan')],
      ['editor', scopeFor(user('agency_editor', { agencyId: agencies.own.id }), 'read:plan')],
      ['reviewer', scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'read:plan')],
      ['reviewer audit', scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'read:audit')],
      ['public', PUBLIC_SCOPE],
      ['editor without agency', scopeFor(user('agency_editor'), 'read:plan')],
      ['reviewer writing', scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'write:plan')],
    ];
    for (const entity of Object.keys(TABLE) as ScopedEntity[]) {
      for (const [name, scope] of scopes) {
        expect(await viaSql(entity, scope, ids[entity]), `${entity} × ${name}`).toEqual(await viaPrisma(entity, scope, ids[entity]));
      }
    }
  });

  it('when each caller reads plans, measures and audit rows, then each sees exactly what the rules say', async () => {
    const { agencies, ids, plans } = await world();
    const [ownDraft, ownPublished, neighbourPublished, elsewhereSubmitted, elsewherePublished] = plans.map((plan) => plan.id);
    const sorted = (values: (string | undefined)[]) => values.map(String).sort();

    const editor = scopeFor(user('agency_editor', { agencyId: agencies.own.id }), 'read:plan');
    const reviewer = scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'read:plan');
    expect(await viaSql('plan', editor, ids.plan)).toEqual(sorted([ownDraft, ownPublished]));
    expect(await viaSql('plan', reviewer, ids.plan)).toEqual(sorted([ownDraft, ownPublished, neighbourPublished]));
    expect(await viaSql('plan', PUBLIC_SCOPE, ids.plan)).toEqual(sorted([ownPublished, neighbourPublished, elsewherePublished]));
    expect(await viaSql('plan', scopeFor(user('agency_editor'), 'read:plan'), ids.plan)).toEqual([]);
    expect(ids.plan).toContain(elsewhereSubmitted);

    // The public sees live measures of published plans only: not the deleted one, not drafts.
    const publicMeasures = plans.filter((plan) => [ownPublished, neighbourPublished, elsewherePublished].includes(plan.id));
    const expected = publicMeasures
      .flatMap((plan) => plan.measures.map((measure) => measure.id))
      .filter((id) => id !== plans[1]!.measures[0]!.id);
    expect(await viaSql('measure', PUBLIC_SCOPE, ids.measure)).toEqual(expected.sort());

    // Audit: a reviewer reads the agencies of the province, never national rows; the public reads none.
    const reviewerAudit = await viaSql('audit', scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'read:audit'), ids.audit);
    expect(reviewerAudit).toEqual(sorted([ids.audit[0], ids.audit[1]]));
    expect(await viaSql('audit', PUBLIC_SCOPE, ids.audit)).toEqual([]);

    // Files: an editor sees every file of the own agency; the public only the files that are not internal,
    // of a live measure of a published plan (not the deleted measure's, not the draft's, not the submitted plan's).
    const fileOf = (planIndex: number, internal: boolean) => ids.file[planIndex * 2 + (internal ? 1 : 0)]!;
    expect(await viaSql('file', editor, ids.file)).toEqual(sorted([fileOf(0, false), fileOf(0, true), fileOf(1, false), fileOf(1, true)]));
    expect(await viaSql('file', reviewer, ids.file)).toEqual(
      sorted([0, 1, 2].flatMap((index) => [fileOf(index, false), fileOf(index, true)])),
    );
    expect(await viaSql('file', PUBLIC_SCOPE, ids.file)).toEqual(sorted([fileOf(2, false), fileOf(4, false)]));

    // Agencies: the public sees active ones.
    expect(await viaSql('agency', PUBLIC_SCOPE, ids.agency)).toEqual(
      sorted([agencies.own.id, agencies.neighbour.id, agencies.elsewhere.id]),
    );
  });

  it('when a scope is asked whether it reaches a province, then only all-scope and that province do', () => {
    expect(reachesProvince(scopeFor(user('national_admin'), 'review:plan'), 94)).toBe(true);
    expect(reachesProvince(scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'review:plan'), 93)).toBe(true);
    expect(reachesProvince(scopeFor(user('provincial_reviewer', { provinceId: 93 }), 'review:plan'), 94)).toBe(false);
    expect(reachesProvince(scopeFor(user('agency_editor', { agencyId: 'x' }), 'review:plan'), 93)).toBe(false);
    expect(reachesProvince(PUBLIC_SCOPE, 93)).toBe(false);
  });

  it('when a table alias is not a plain identifier, then the scope refuses to write it into SQL', () => {
    expect(() => scopeSql('plan', PUBLIC_SCOPE, 'p; DROP TABLE "Plan"')).toThrow(/not a table alias/);
  });
});
