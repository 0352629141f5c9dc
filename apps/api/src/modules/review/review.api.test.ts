import { describe, expect, it } from 'vitest';
import { ProvinceOverviewSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };

describe('GET /review/provinces/:provinceId/overview', () => {
  it('when agencies save measures, then the overview shows their counts, percentages, indicators, warnings, last update and ITA score', async () => {
    // Arrange: a province of its own, two SAOs; one with a plan of four measures.
    const provinceId = 33;
    const busy = await createAgency({ provinceId, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลภาพรวมหนึ่ง' });
    const idle = await createAgency({ provinceId, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลภาพรวมสอง' });
    const plan = await createPlan(busy.id, 2567, 'draft', 4);
    await getPrisma().itaResult.create({ data: { agencyId: busy.id, fiscalYear: 2567, score: 91.25 } });
    const editor = await signIn(app, await createUser('agency_editor', { agencyId: busy.id }));
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId }));
    const [first, second, third] = plan.measures;
    const save = (id: string, body: object) =>
      editor
        .patch(`/api/v1/measures/${id}`)
        .set(csrf)
        .send({ version: 1, ...body });
    const indicators = [
      { fiscalYear: 2567, code: 'O11' },
      { fiscalYear: 2567, code: 'O27' },
    ];
    const before = new Date();

    // Act
    const saves = [
      await save(first!.id, { outcome: 'completed', resultText: 'ทำแล้ว', summary: 'สรุปผลข้อหนึ่ง', indicators }),
      await save(second!.id, { outcome: 'not_carried_out', outcomeReason: 'งบประมาณไม่พอ', indicators: [indicators[0]] }),
      await save(third!.id, { outcome: 'in_progress' }),
    ];
    const response = await reviewer.get(
      `/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567&type=sao&sort=completion&order=desc&q=${encodeURIComponent('ภาพรวม')}`,
    );

    // Assert
    expect(saves.map((result) => result.status)).toEqual([200, 200, 200]);
    expect(response.status).toBe(200);
    const overview = ProvinceOverviewSchema.parse(response.body);
    expect(overview.items.map((row) => row.agencyId)).toEqual([busy.id, idle.id]);
    const row = overview.items[0]!;
    expect(row).toMatchObject({
      planId: plan.id,
      planStatus: 'draft',
      measures: 4,
      completedPercent: 25,
      notCarriedOutPercent: 25,
      indicatorsCovered: 2,
      itaScore: 91.25,
    });
    const stored = await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row.warnings).toBe(stored.warningCount);
    expect(new Date(row.lastUpdate!).getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(overview.items[1]).toMatchObject({ planId: null, measures: 0, indicatorsCovered: 0, itaScore: null });
    // Status counts cover the whole province (other tests may add agencies to it).
    expect(overview.statusCounts.draft).toBeGreaterThanOrEqual(1);
    expect(overview.statusCounts.none).toBeGreaterThanOrEqual(1);
  });

  it('when the page is past the end, then it is empty but still names the province, the total and its status counts; an unknown province is 404', async () => {
    const provinceId = 33;
    const agency = await createAgency({ provinceId, type: 'sao' });
    await createPlan(agency.id, 2567, 'submitted', 1);
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId }));
    const admin = await signIn(app, await createUser('national_admin'));

    const firstPage = await reviewer.get(`/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567`);
    const pastEnd = await reviewer.get(`/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567&page=99`);
    const unknown = await admin.get('/api/v1/review/provinces/98/overview?fiscalYear=2567');

    expect(pastEnd.status).toBe(200);
    const overview = ProvinceOverviewSchema.parse(pastEnd.body);
    expect(overview.items).toEqual([]);
    expect(overview.provinceNameTh).toBe(ProvinceOverviewSchema.parse(firstPage.body).provinceNameTh);
    // The total counts the matching rows of every page, whichever page is asked for.
    expect(overview.total).toBe(ProvinceOverviewSchema.parse(firstPage.body).total);
    expect(overview.total).toBeGreaterThanOrEqual(1);
    expect(overview.statusCounts.submitted).toBeGreaterThanOrEqual(1);
    expect(unknown.status).toBe(404);
  });

  it('when a reviewer searches only a type ("อบต.") and sorts by name from the end, then the rows come in that order', async () => {
    const provinceId = 37;
    const first = await createAgency({ provinceId, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลกกเรียงชื่อ' });
    const last = await createAgency({ provinceId, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลฮูกเรียงชื่อ' });
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId }));
    const url = (order: string) =>
      `/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567&sort=name&order=${order}&q=${encodeURIComponent('อบต.')}&pageSize=200`;

    const [ascending, descending] = await Promise.all([reviewer.get(url('asc')), reviewer.get(url('desc'))]);

    const ours = (body: unknown) =>
      ProvinceOverviewSchema.parse(body)
        .items.map((row) => row.agencyId)
        .filter((id) => id === first.id || id === last.id);
    expect(ours(ascending.body)).toEqual([first.id, last.id]);
    expect(ours(descending.body)).toEqual([last.id, first.id]);
  });
});

describe("a plan carries its agency's province (kept by triggers, read by the overview)", () => {
  it('when an agency moves to another province, then its plans follow it and the overviews show it there only', async () => {
    // Arrange
    const agency = await createAgency({ provinceId: 38, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลย้ายจังหวัด' });
    const plan = await createPlan(agency.id, 2567, 'submitted', 1);
    await createAgency({ provinceId: 39 }); // the province it moves to exists
    const admin = await signIn(app, await createUser('national_admin'));
    const overviewOf = async (provinceId: number) =>
      ProvinceOverviewSchema.parse(
        (await admin.get(`/api/v1/review/provinces/${provinceId}/overview?fiscalYear=2567&q=${encodeURIComponent('ย้ายจังหวัด')}`)).body,
      ).items.find((row) => row.agencyId === agency.id);
    const stored = async () => (await getPrisma().plan.findUniqueOrThrow({ where: { id: plan.id } })).provinceId;
    const before = { provinceId: await stored(), row: await overviewOf(38) };

    // Act
    await getPrisma().agency.update({ where: { id: agency.id }, data: { provinceId: 39, districtId: null } });
    await getPrisma().plan.update({ where: { id: plan.id }, data: { provinceId: 12 } }); // written by hand: replaced

    // Assert
    expect(before).toMatchObject({ provinceId: 38, row: { planId: plan.id } });
    expect(await stored()).toBe(39);
    expect(await overviewOf(38)).toBeUndefined();
    expect(await overviewOf(39)).toMatchObject({ planId: plan.id, planStatus: 'submitted', measures: 1 });
  });
});

describe('GET /review/compare', () => {
  it('when a reviewer opens a comparison naming an agency of another province, then 404 says some agencies were not found', async () => {
    const own = await createAgency({ provinceId: 34 });
    const other = await createAgency({ provinceId: 35 });
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: 34 }));

    const response = await reviewer.get(`/api/v1/review/compare?agencyIds=${own.id},${other.id}`);

    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', reason: 'compareAgenciesNotFound' });
  });
});
