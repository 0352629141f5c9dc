import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PlanDetailSchema, PublicAgencySchema, PublicProvinceSchema, PublicSummarySchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { rootDb } from '../../lib/db';
import { onRows } from '../../lib/sql';
import { refreshPlanWarnings } from '../plans/plans.service';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';

const app = testApp();

describe('public dashboard API', () => {
  it('when an agency has a published and a draft plan, then the public sees only the published one', async () => {
    const agency = await createAgency({ provinceId: 49 });
    await createPlan(agency.id, 2566, 'published', 3);
    const draft = await createPlan(agency.id, 2567, 'draft', 2);

    const agencyPage = PublicAgencySchema.parse((await request(app).get(`/api/v1/public/agencies/${agency.id}`)).body);
    const published = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2566`);
    const hidden = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2567`);
    const byId = await request(app).get(`/api/v1/plans/${draft.id}`);

    expect(agencyPage.plans.map((plan) => plan.fiscalYear)).toEqual([2566]);
    expect(PlanDetailSchema.parse(published.body).measures).toHaveLength(3);
    expect(published.body.comments).toEqual([]);
    expect(hidden.status).toBe(404);
    expect(byId.status).toBe(401);
  });

  it('when the summary is asked for a year, then only published plans count, by type and province', async () => {
    const agency = await createAgency({ provinceId: 37, type: 'pao' });
    const plan = await createPlan(agency.id, 2552, 'published', 4);
    await getPrisma().measure.updateMany({ where: { agencyId: agency.id }, data: { outcome: 'completed' } });
    await refreshPlanWarnings(rootDb(), plan.id);
    const other = await createAgency({ provinceId: 37, type: 'pao' });
    await createPlan(other.id, 2552, 'submitted', 5);

    const summary = PublicSummarySchema.parse((await request(app).get('/api/v1/public/summary?fiscalYear=2552')).body);

    expect(summary.totals.agenciesPublished).toBe(1);
    expect(summary.totals.measures).toBe(4);
    expect(summary.totals.measuresCompleted).toBe(4);
    const province = summary.byProvince.find((row) => row.provinceId === 37)!;
    expect(province.agenciesPublished).toBe(1);
    expect(summary.byType.find((row) => row.type === 'pao')!.measures).toBe(4);
  });

  it('when a province page is asked, then its agencies are paginated with their published figures', async () => {
    const agency = await createAgency({ provinceId: 49, nameTh: 'องค์การบริหารส่วนตำบลค้นหาเจอ' });
    await createPlan(agency.id, 2553, 'published', 2);

    const response = await request(app).get('/api/v1/public/provinces/49?fiscalYear=2553&q=ค้นหาเจอ&pageSize=5');

    const page = PublicProvinceSchema.parse(response.body);
    expect(page.agencies.items).toEqual([expect.objectContaining({ id: agency.id, published: true, measures: 2 })]);
    expect(page.agencies.pageSize).toBe(5);
  });

  it('when the same public resource is fetched again with its ETag, then 304 and a public Cache-Control', async () => {
    const first = await request(app).get('/api/v1/public/provinces/49');
    const second = await request(app)
      .get('/api/v1/public/provinces/49')
      .set('If-None-Match', first.headers.etag as string);

    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers.etag).toBeTruthy();
    expect(second.status).toBe(304);
  });

  it('when the province or the year is invalid, then 400 names the parameter; an unknown province is 404', async () => {
    const bad = await request(app).get('/api/v1/public/provinces/abc');
    const badYear = await request(app).get('/api/v1/public/summary?fiscalYear=1066');
    const missing = await request(app).get('/api/v1/public/provinces/99');

    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('params.provinceId');
    expect(badYear.body.error.issues[0].path).toBe('query.fiscalYear');
    expect(missing.status).toBe(404);
  });
});

describe('public answers cache (keyed by the public data version)', () => {
  const version = async () => (await getPrisma().publicDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

  it('when nothing the public sees changed, then a repeated request is served from the cache, even if a write bypassed the triggers', async () => {
    // Arrange: a published plan read once; then its title changed behind the API's back
    // (published plans cannot be edited through it) — the cached answer stays.
    const agency = await createAgency({ provinceId: 49 });
    const plan = await createPlan(agency.id, 2566, 'published', 1);
    const url = `/api/v1/public/agencies/${agency.id}/plans/2566`;
    const first = PlanDetailSchema.parse((await request(app).get(url)).body);
    await getPrisma().measure.updateMany({ where: { planId: plan.id }, data: { title: 'แก้ไขโดยตรงในฐานข้อมูล' } });

    // Act
    const cached = PlanDetailSchema.parse((await request(app).get(url)).body);
    await getPrisma().agency.update({ where: { id: agency.id }, data: { phone: '042 000 000' } }); // raises the version
    const fresh = PlanDetailSchema.parse((await request(app).get(url)).body);

    // Assert
    expect(cached.measures[0]!.title).toBe(first.measures[0]!.title);
    expect(fresh.measures[0]!.title).toBe('แก้ไขโดยตรงในฐานข้อมูล');
  });

  it('when a draft plan changes, then the version stays; when a plan is published or unpublished, then it is raised', async () => {
    const agency = await createAgency({ provinceId: 49 });
    const draft = await createPlan(agency.id, 2567, 'draft', 2);
    const published = await createPlan(agency.id, 2566, 'published', 2);

    const start = await version();
    await getPrisma().plan.update({ where: { id: draft.id }, data: { introText: 'ร่าง' } });
    const afterDraft = await version();
    await getPrisma().plan.update({ where: { id: draft.id }, data: { status: 'published' } });
    const afterPublish = await version();
    await getPrisma().plan.update({ where: { id: published.id }, data: { status: 'accepted' } });
    const afterUnpublish = await version();

    expect(afterDraft).toBe(start);
    expect(afterPublish).toBeGreaterThan(afterDraft);
    expect(afterUnpublish).toBeGreaterThan(afterPublish);
  });

  it('when a plan is published through the API, then the cached summary, province and agency pages change at once', async () => {
    const agency = await createAgency({ provinceId: 50, type: 'sao' });
    const plan = await createPlan(agency.id, 2554, 'accepted', 3);
    const summaryUrl = '/api/v1/public/summary?fiscalYear=2554';
    const provinceUrl = `/api/v1/public/provinces/50?fiscalYear=2554&q=${encodeURIComponent(agency.nameTh)}`;
    const before = PublicSummarySchema.parse((await request(app).get(summaryUrl)).body);
    const provinceBefore = PublicProvinceSchema.parse((await request(app).get(provinceUrl)).body);
    const admin = await signIn(app, await createUser('national_admin'));

    const publish = await admin.post(`/api/v1/plans/${plan.id}/publish`).set('x-prongsai-csrf', '1').send({ version: 1 });
    const after = PublicSummarySchema.parse((await request(app).get(summaryUrl)).body);
    const provinceAfter = PublicProvinceSchema.parse((await request(app).get(provinceUrl)).body);

    expect(publish.status).toBe(200);
    expect(after.totals.agenciesPublished).toBe(before.totals.agenciesPublished + 1);
    expect(after.totals.measures).toBe(before.totals.measures + 3);
    expect(provinceBefore.agencies.items[0]).toMatchObject({ id: agency.id, published: false });
    expect(provinceAfter.agencies.items[0]).toMatchObject({ id: agency.id, published: true, measures: 3 });
  });
});

describe('the public plan read applies "published only" inside the SQL', () => {
  it("when an anonymous reader asks for an unpublished plan, then the database never returns that plan's row and the answer is 404", async () => {
    // Arrange: the same agency has a published plan (2566) and one in review (2567).
    const agency = await createAgency({ provinceId: 49 });
    const published = await createPlan(agency.id, 2566, 'published', 1);
    const hidden = await createPlan(agency.id, 2567, 'submitted', 1);
    const rows: unknown[] = [];
    const stop = onRows((_statement, sent) => rows.push(...sent));

    // Act
    let hiddenStatus = 0;
    let shownStatus = 0;
    try {
      hiddenStatus = (await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2567`)).status;
      shownStatus = (await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2566`)).status;
    } finally {
      stop();
    }

    // Assert: the published plan's row came from the database (so the listener saw the reads), the hidden one's never did.
    expect(hiddenStatus).toBe(404);
    expect(shownStatus).toBe(200);
    const sent = rows.map((row) => JSON.stringify(row));
    expect(sent.some((row) => row.includes(published.id))).toBe(true);
    expect(sent.some((row) => row.includes(hidden.id))).toBe(false);
  });
});
