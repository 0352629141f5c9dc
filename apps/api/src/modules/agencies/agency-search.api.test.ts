import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AGENCY_NAME_PREFIX_PATTERN,
  AgencyListResponseSchema,
  ProvinceOverviewSchema,
  PublicAgencySearchResponseSchema,
  PublicProvinceSchema,
} from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { queryRows, sql, tableAlias } from '../../lib/sql';
import { testApp } from '../../../test/app';
import { createAgency, createPlan, createUser, signIn } from '../../../test/factories';
import { nameWithoutTypeSql } from './agencies.queries';

/**
 * The one agency search (issue 15) as people type it: abbreviations, spaces and dots or none, words
 * in any order, Thai or Arabic digits, English names; ranked exact > prefix > contained; the same
 * search on GET /agencies, the reviewer overview, the public province page and the national public
 * search, each still inside its scope. Two provinces of their own (75, 76) keep other files' rows out.
 */
const app = testApp();
const HOME = 75;
const OTHER = 76;
const FY = 2559; // a year no other test file uses (the public summary test counts a whole year)

let world: {
  exact: { id: string };
  startsWith: { id: string };
  contains: { id: string };
  tambon: { id: string };
  mueang: { id: string };
  saoWan: { id: string };
  numbered: { id: string };
  twin: { id: string };
  inactive: { id: string };
};

beforeAll(async () => {
  const exact = await createAgency({
    provinceId: HOME,
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
    nameEn: 'Bang Sai Noi Subdistrict Administrative Organization',
  });
  const startsWith = await createAgency({ provinceId: HOME, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อยเหนือ' });
  const contains = await createAgency({ provinceId: HOME, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลหนองบางทรายน้อย' });
  const tambon = await createAgency({
    provinceId: HOME,
    type: 'municipality',
    municipalityClass: 'tambon',
    nameTh: 'เทศบาลตำบลหว้านใหญ่',
    nameEn: 'Wan Yai Subdistrict Municipality',
  });
  const mueang = await createAgency({ provinceId: HOME, type: 'municipality', municipalityClass: 'mueang', nameTh: 'เทศบาลเมืองหว้านน้อย' });
  const saoWan = await createAgency({ provinceId: HOME, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลหว้านใหญ่' });
  const numbered = await createAgency({
    provinceId: HOME,
    type: 'municipality',
    municipalityClass: 'tambon',
    nameTh: 'เทศบาลตำบลคลองสาน 9',
  });
  const twin = await createAgency({ provinceId: OTHER, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย' });
  const inactive = await createAgency({ provinceId: HOME, type: 'sao', nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อยเก่า', isActive: false });
  await createPlan(exact.id, FY, 'published', 1);
  await createPlan(twin.id, FY, 'draft', 1);
  world = { exact, startsWith, contains, tambon, mueang, saoWan, numbered, twin, inactive };
});

describe('the name without its type prefix (the ranking of every search)', () => {
  it('when computed with string tests, then it equals the regular expression for every agency name and the edge cases', async () => {
    const edge = ['เทศบาล', 'เทศบาลตำบล', 'เทศบาลตำบลเทศบาลเมือง', 'องค์การบริหารส่วนตำบล', 'ตำบลเทศบาล', 'x', ''];
    const rows = await queryRows<{ nameTh: string; fast: string; regexp: string }>(
      getPrisma(),
      sql`SELECT n."nameTh", ${nameWithoutTypeSql(tableAlias('n'))} AS fast,
                 regexp_replace(n."nameTh", ${AGENCY_NAME_PREFIX_PATTERN}::text, '') AS regexp
          FROM (SELECT "nameTh" FROM "Agency" UNION ALL SELECT unnest(${edge}::text[])) n`,
    );
    expect(rows.length).toBeGreaterThan(edge.length + 5);
    expect(rows.filter((row) => row.fast !== row.regexp)).toEqual([]);
    expect(rows.find((row) => row.nameTh === 'เทศบาลตำบลเทศบาลเมือง')?.fast).toBe('เทศบาลเมือง');
  });
});

const ids = (items: { id?: string; agencyId?: string }[]) => items.map((item) => item.id ?? item.agencyId);

describe('GET /agencies?q= (the one agency search)', () => {
  const search = async (q: string) => {
    const admin = await signIn(app, await createUser('national_admin'));
    const response = await admin.get(`/api/v1/agencies?provinceId=${HOME}&pageSize=50&q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ids(AgencyListResponseSchema.parse(response.body).items);
  };

  it.each(['อบต.บางทรายน้อย', 'อบต. บางทรายน้อย', 'อบตบางทรายน้อย', 'อ.บ.ต.บางทรายน้อย', 'บางทรายน้อย อบต', 'องค์การบริหารส่วนตำบลบางทรายน้อย'])(
    'when an admin types "%s", then the exact name comes first, then the names starting with it, then the one containing it',
    async (q) => {
      const found = await search(q);
      expect(found).toHaveLength(4);
      expect(found[0]).toBe(world.exact.id);
      expect(found.slice(1, 3).sort()).toEqual([world.startsWith.id, world.inactive.id].sort()); // an admin sees inactive agencies too
      expect(found[3]).toBe(world.contains.id);
    },
  );

  it('when the type prefix is left out, then "บางทรายน้อย" still finds องค์การบริหารส่วนตำบลบางทรายน้อย first', async () => {
    expect((await search('บางทรายน้อย'))[0]).toBe(world.exact.id);
  });

  it.each(['ทต.หว้านใหญ่', 'ท.ต. หว้านใหญ่', 'ทตหว้านใหญ่', 'หว้านใหญ่ ทต.', 'เทศบาลตำบลหว้านใหญ่'])(
    'when an admin types "%s", then only the subdistrict municipality comes (not the SAO of the same name)',
    async (q) => {
      expect(await search(q)).toEqual([world.tambon.id]);
    },
  );

  it.each(['เทศบาล หว้าน', 'หว้าน เทศบาล', 'เทศบาลหว้าน'])(
    'when an admin types "%s", then every municipality with หว้าน comes and no SAO',
    async (q) => {
      expect((await search(q)).sort()).toEqual([world.tambon.id, world.mueang.id].sort());
    },
  );

  it('when the words come in another order and in pieces, then every word must match', async () => {
    expect(await search('น้อย บางทราย หนอง')).toEqual([world.contains.id]);
  });

  it('when the digits are Thai, then a name written with Arabic digits is found', async () => {
    expect(await search('ทต.คลองสาน ๙')).toEqual([world.numbered.id]);
  });

  it('when an English name is typed, then the agency is found by its English name', async () => {
    expect(await search('bang sai NOI')).toEqual([world.exact.id]);
    expect(await search('Wan Yai Municipality')).toEqual([world.tambon.id]);
  });
});

describe('scope still applies to the search', () => {
  it("when a reviewer searches without naming a province, then the other province's agency of the same name never comes", async () => {
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: HOME }));

    const list = await reviewer.get(`/api/v1/agencies?q=${encodeURIComponent('อบต.บางทรายน้อย')}`);
    const overview = await reviewer.get(
      `/api/v1/review/provinces/${HOME}/overview?fiscalYear=${FY}&q=${encodeURIComponent('อบต.บางทรายน้อย')}`,
    );

    expect(list.status).toBe(200);
    const listed = ids(AgencyListResponseSchema.parse(list.body).items);
    expect(listed[0]).toBe(world.exact.id);
    expect(listed).not.toContain(world.twin.id);
    expect(overview.status).toBe(200);
    const rows = ids(ProvinceOverviewSchema.parse(overview.body).items);
    expect(rows).toEqual([world.exact.id, world.startsWith.id, world.contains.id]); // the overview lists active agencies only
    expect(rows).not.toContain(world.twin.id);
  });

  it('when a reviewer sorts the overview by something else, then that sort wins over the ranking', async () => {
    const reviewer = await signIn(app, await createUser('provincial_reviewer', { provinceId: HOME }));

    const response = await reviewer.get(
      `/api/v1/review/provinces/${HOME}/overview?fiscalYear=${FY}&sort=measures&order=asc&q=${encodeURIComponent('บางทรายน้อย')}`,
    );

    expect(response.status).toBe(200);
    const rows = ids(ProvinceOverviewSchema.parse(response.body).items);
    expect(rows[rows.length - 1]).toBe(world.exact.id); // the only one with measures
  });
});

describe('GET /public/agencies?q= (national public search)', () => {
  it('when anyone searches "อบต.บางทรายน้อย", then the agencies of that exact name come first, in any province, with whether they published', async () => {
    const response = await request(app).get(`/api/v1/public/agencies?q=${encodeURIComponent('อบต.บางทรายน้อย')}&pageSize=200`);

    expect(response.status).toBe(200);
    const page = PublicAgencySearchResponseSchema.parse(response.body);
    const found = ids(page.items);
    expect(page.items[0]!.nameTh).toBe('องค์การบริหารส่วนตำบลบางทรายน้อย');
    const firstOther = page.items.findIndex((item) => item.nameTh !== 'องค์การบริหารส่วนตำบลบางทรายน้อย');
    expect(found.indexOf(world.exact.id)).toBeLessThan(firstOther);
    expect(found.indexOf(world.twin.id)).toBeLessThan(firstOther);
    expect(found.indexOf(world.startsWith.id)).toBeLessThan(found.indexOf(world.contains.id));
    expect(page.items.find((item) => item.id === world.exact.id)).toMatchObject({ provinceId: HOME, hasPublishedPlan: true, type: 'sao' });
    expect(page.items.find((item) => item.id === world.twin.id)).toMatchObject({ provinceId: OTHER, hasPublishedPlan: false });
    expect(page.total).toBe(page.items.length);
  });

  it('when an agency is inactive or has only a draft, then the public search shows nothing of it beyond the agency itself', async () => {
    const response = await request(app).get(`/api/v1/public/agencies?q=${encodeURIComponent('บางทรายน้อย')}&pageSize=200`);

    expect(response.status).toBe(200);
    const page = PublicAgencySearchResponseSchema.parse(response.body);
    expect(ids(page.items)).not.toContain(world.inactive.id);
    expect(JSON.stringify(response.body)).not.toMatch(/draft|status|planId/);
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      ['districtNameTh', 'hasPublishedPlan', 'id', 'nameEn', 'nameTh', 'provinceId', 'provinceNameTh', 'type'].sort(),
    );
  });

  it('when anyone searches an English name, then it is found', async () => {
    const response = await request(app).get(`/api/v1/public/agencies?q=${encodeURIComponent('Wan Yai')}`);

    expect(response.status).toBe(200);
    expect(ids(PublicAgencySearchResponseSchema.parse(response.body).items)).toContain(world.tambon.id);
  });

  it('when the search is longer than 100 characters, then it answers 400 naming q', async () => {
    const response = await request(app).get(`/api/v1/public/agencies?q=${'ก'.repeat(101)}`);

    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['query.q']);
  });

  it.each(['', '%20', encodeURIComponent('...')])('when nothing searchable is typed (q=%s), then nothing comes back', async (q) => {
    const response = await request(app).get(`/api/v1/public/agencies?q=${q}`);

    expect(response.status).toBe(200);
    expect(PublicAgencySearchResponseSchema.parse(response.body)).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /public/provinces/:provinceId?q= (the province page)', () => {
  it('when the public searches "ทต.หว้านใหญ่" on the province page, then only that municipality comes', async () => {
    const response = await request(app).get(`/api/v1/public/provinces/${HOME}?fiscalYear=${FY}&q=${encodeURIComponent('ทต.หว้านใหญ่')}`);

    expect(response.status).toBe(200);
    const page = PublicProvinceSchema.parse(response.body).agencies;
    expect(ids(page.items)).toEqual([world.tambon.id]);
    expect(page.total).toBe(1);
  });

  it('when the public searches "บางทรายน้อย", then the exact name comes first and the inactive one never', async () => {
    const response = await request(app).get(`/api/v1/public/provinces/${HOME}?fiscalYear=${FY}&q=${encodeURIComponent('บางทรายน้อย')}`);

    expect(response.status).toBe(200);
    const page = PublicProvinceSchema.parse(response.body).agencies;
    expect(ids(page.items)).toEqual([world.exact.id, world.startsWith.id, world.contains.id]);
    expect(page.items[0]).toMatchObject({ published: true, measures: 1 });
  });
});
