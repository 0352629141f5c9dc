import { describe, expect, it } from 'vitest';
import { AgencyListResponseSchema } from '@prongsai/shared';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';

const app = testApp();

describe('GET /agencies (list and Thai name search)', () => {
  it('when a reviewer searches a Thai substring, then only matching agencies of their province come, with the plan status of the year', async () => {
    // Arrange: the same name part in two provinces; one with a plan in 2567.
    const mark = `ค้นหา${Date.now() % 100000}`;
    const mine = await createAgency({ provinceId: 34, nameTh: `องค์การบริหารส่วนตำบลหนอง${mark}` });
    const alsoMine = await createAgency({ provinceId: 34, nameTh: `เทศบาลตำบลบ้าน${mark}`, type: 'municipality' });
    await createAgency({ provinceId: 35, nameTh: `องค์การบริหารส่วนตำบลนอก${mark}` });
    await createPlan(mine.id, 2567, 'submitted', 1);
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: 34 }));

    // Act
    const response = await reviewer.get(`/api/v1/agencies?q=${encodeURIComponent(mark)}&fiscalYear=2567&pageSize=20`);

    // Assert: scope applied, status joined.
    expect(response.status).toBe(200);
    const page = AgencyListResponseSchema.parse(response.body);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.id).sort()).toEqual([mine.id, alsoMine.id].sort()); // neither an exact nor a prefix match: ranked by similarity
    expect(page.items.find((item) => item.id === mine.id)).toMatchObject({ planStatus: 'submitted', provinceId: 34, type: 'sao' });
    expect(page.items.find((item) => item.id === alsoMine.id)).toMatchObject({ planStatus: null, type: 'municipality' });
  });

  it('when the page is past the end, then it is empty and still tells the total', async () => {
    const mark = `หน้าเกิน${Date.now() % 100000}`;
    await createAgency({ provinceId: 34, nameTh: `องค์การบริหารส่วนตำบล${mark}` });
    const admin = await signIn(app, await createUser('national_admin'));

    const response = await admin.get(`/api/v1/agencies?q=${encodeURIComponent(mark)}&page=5&pageSize=10`);

    expect(response.status).toBe(200);
    expect(AgencyListResponseSchema.parse(response.body)).toMatchObject({ items: [], total: 1, page: 5 });
  });

  it('when the search holds LIKE wildcards, then they match literally', async () => {
    const admin = await signIn(app, await createUser('national_admin'));

    const response = await admin.get(`/api/v1/agencies?q=${encodeURIComponent('%_%')}`);

    expect(response.status).toBe(200);
    expect(AgencyListResponseSchema.parse(response.body).total).toBe(0);
  });
});
