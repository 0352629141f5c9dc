import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFiscalYear } from '@prongsai/shared';
import { DEMO_USERS, seedDemo, unofficialCodebookNote } from '../src/db/seed';
import { BANGSAINOI_2566 } from '../src/db/seed-data/bangsainoi-2566';
import { relativePlanScenarios } from '../src/db/seed-years';
import { getPrisma } from '../src/lib/prisma';
import { databaseFingerprint, usePrivateDatabase, type PrivateDatabase } from './private-database';

/**
 * The demo seed (issue 15, part 3) for a fixed date: plans relative to the current fiscal year in
 * Bangkok, the fixed FY2565–2567 history and the sample report untouched, idempotent, and the same
 * data for the same date. A database of its own: it seeds the whole demo data set.
 */
// 2 December 2026, 09:00 in Bangkok: FY2570 (October 2026 – September 2027).
const D = new Date('2026-12-02T02:00:00Z');
// 30 September 2027, 23:30 in Bangkok (16:30 UTC): still FY2570, though the UTC date would say the same day.
const LAST_EVENING = new Date('2027-09-30T16:30:00Z');

let database: PrivateDatabase;

beforeAll(async () => {
  database = await usePrivateDatabase('seed');
  await seedDemo(getPrisma(), () => undefined, { now: D });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

/** What the seed wrote, without generated ids and row timestamps: equal for equal seeds. */
async function content() {
  const prisma = getPrisma();
  const plans = await prisma.plan.findMany({
    select: {
      agency: { select: { code: true } },
      fiscalYear: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      publishedAt: true,
      measures: {
        orderBy: { sequence: 'asc' },
        select: {
          sequence: true,
          title: true,
          outcome: true,
          resultText: true,
          carriedOutDate: true,
          indicators: { select: { fiscalYear: true, code: true } },
          evidence: { select: { url: true } },
        },
      },
    },
  });
  const ita = await prisma.itaResult.findMany({ select: { agency: { select: { code: true } }, fiscalYear: true, score: true } });
  const codebooks = await prisma.indicatorCodebook.findMany({
    select: { fiscalYear: true, note: true, _count: { select: { items: true } } },
  });
  const users = await prisma.user.findMany({ select: { email: true } });
  const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    plans: byKey(plans, (plan) => `${plan.agency.code}:${plan.fiscalYear}`),
    ita: byKey(ita, (row) => `${row.agency.code}:${row.fiscalYear}`).map((row) => ({ ...row, score: Number(row.score) })),
    codebooks: byKey(codebooks, (row) => String(row.fiscalYear)),
    users: byKey(users, (row) => row.email),
  };
}

describe('the demo seed for a given date', () => {
  it('when seeded for 2 December 2026, then FY2570 has plans in every state of the lifecycle', async () => {
    const plans = await getPrisma().plan.findMany({ where: { fiscalYear: 2570 }, select: { status: true } });

    expect(currentFiscalYear(D)).toBe(2570);
    expect(new Set(plans.map((plan) => plan.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'accepted', 'published']));
  });

  it("when a current year's measure is recorded as carried out, then its date is not after the seed's date", async () => {
    const measures = await getPrisma().measure.findMany({
      where: { plan: { fiscalYear: 2570 }, carriedOutDate: { not: null } },
      select: { carriedOutDate: true },
    });

    expect(measures.length).toBeGreaterThan(0);
    for (const measure of measures) expect(measure.carriedOutDate!.getTime()).toBeLessThanOrEqual(D.getTime());
  });

  it('when seeded for 2 December 2026, then FY2569 is published with results and every published plan has an ITA score', async () => {
    const prisma = getPrisma();
    const plans = await prisma.plan.findMany({
      where: { fiscalYear: 2569 },
      select: { agencyId: true, status: true, measures: { select: { outcome: true, resultText: true } } },
    });
    const published = plans.filter((plan) => plan.status === 'published');
    const scores = await prisma.itaResult.findMany({ where: { fiscalYear: 2569 }, select: { agencyId: true } });

    expect(published.length).toBeGreaterThanOrEqual(5);
    for (const plan of published) {
      expect(plan.measures.filter((measure) => measure.outcome === 'completed' && measure.resultText).length).toBeGreaterThan(0);
    }
    expect(scores.map((score) => score.agencyId).sort()).toEqual(published.map((plan) => plan.agencyId).sort());
  });

  it('when seeded, then the fixed history, the sample FY2566 report and every demo login are still there', async () => {
    const prisma = getPrisma();
    const sample = await prisma.plan.findFirst({
      where: { agency: { code: '6490601' }, fiscalYear: 2566 },
      select: { status: true, _count: { select: { measures: true } } },
    });
    const chanot2567 = await prisma.plan.findFirst({ where: { agency: { code: '6490603' }, fiscalYear: 2567 }, select: { status: true } });
    const yearsOf = async (code: string) =>
      (await prisma.plan.findMany({ where: { agency: { code } }, select: { fiscalYear: true } })).map((plan) => plan.fiscalYear).sort();

    expect(sample).toMatchObject({ status: 'published' });
    expect(sample!._count.measures).toBe(BANGSAINOI_2566.length);
    expect(chanot2567).toEqual({ status: 'submitted' });
    // The e2e journeys and the crash/outage tests create the demo logins' later plans: the seed leaves them free.
    expect(await yearsOf('6490502')).toEqual([2566, 2567]);
    expect(await yearsOf('6490601')).toEqual([2565, 2566]);
    expect((await content()).users.map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());
  });

  it('when a year has plans but no official codebook, then it gets a copy marked unofficial', async () => {
    const codebooks = await getPrisma().indicatorCodebook.findMany({
      where: { fiscalYear: { in: [2566, 2568, 2569, 2570] } },
      select: { fiscalYear: true, note: true, items: { select: { confidence: true } } },
      orderBy: { fiscalYear: 'asc' },
    });

    expect(codebooks.map((codebook) => codebook.fiscalYear)).toEqual([2566, 2568, 2569, 2570]);
    for (const codebook of codebooks.slice(1)) {
      expect(codebook.note).toBe(unofficialCodebookNote(codebook.fiscalYear, 2566));
      expect(codebook.items.length).toBe(43);
      expect(new Set(codebook.items.map((item) => item.confidence))).toEqual(new Set(['uncertain']));
    }
  });

  it('when seeded a second time for the same date, then not a row changes', async () => {
    // PublicDataVersion is the public cache's counter: any write statement bumps it, a no-op one too.
    const fingerprint = async () => {
      const { PublicDataVersion: _counter, ...tables } = await databaseFingerprint(database.url);
      return tables;
    };
    const before = await fingerprint();

    await seedDemo(getPrisma(), () => undefined, { now: D });

    expect(await fingerprint()).toEqual(before);
  });

  it('when seeded into a fresh database for the same date, then the data are the same', async () => {
    const first = await content();
    const second = await usePrivateDatabase('seed_again');
    try {
      await seedDemo(getPrisma(), () => undefined, { now: D });
      expect(await content()).toEqual(first);
    } finally {
      await second.drop();
      process.env.DATABASE_URL = database.url;
    }
  }, 120_000);
});

describe('real geography in the reference data', () => {
  it('when seeded, then every province has its real districts and the districts their subdistricts, in Thai and English with postcodes', async () => {
    const prisma = getPrisma();
    const provinces = await prisma.province.findMany({ select: { id: true, _count: { select: { districts: true } } } });
    const bangSaiNoi = await prisma.subdistrict.findFirst({ where: { nameTh: 'บางทรายน้อย' }, include: { district: true } });

    expect(provinces).toHaveLength(77);
    for (const province of provinces) expect(province._count.districts, `province ${province.id}`).toBeGreaterThan(0);
    expect(await prisma.district.count()).toBeGreaterThanOrEqual(920);
    expect(await prisma.subdistrict.count()).toBeGreaterThanOrEqual(7_000);
    expect(await prisma.district.count({ where: { provinceId: 38 } })).toBe(8); // Bueng Kan: codes repaired (ADR 019)
    expect(bangSaiNoi).toMatchObject({ nameEn: 'Bang Sai Noi', postcodes: ['49150'], district: { id: 4906, nameTh: 'หว้านใหญ่' } });
  });
});

describe('relativePlanScenarios', () => {
  it('when it is late on 30 September in Bangkok, then the current year is still the one ending that day', () => {
    expect(currentFiscalYear(LAST_EVENING)).toBe(2570);
    expect(relativePlanScenarios(LAST_EVENING).filter((scenario) => scenario.role === 'current')[0]!.fiscalYear).toBe(2570);
    expect(relativePlanScenarios(new Date('2027-09-30T17:30:00Z'))[0]!.fiscalYear).toBe(2571);
  });

  it('when the date lies in the fixed history, then no relative plan competes with it', () => {
    expect(relativePlanScenarios(new Date('2024-06-01T00:00:00Z'))).toEqual([]);
    expect(new Set(relativePlanScenarios(new Date('2025-06-01T00:00:00Z')).map((scenario) => scenario.fiscalYear))).toEqual(
      new Set([2568]),
    );
  });
});
