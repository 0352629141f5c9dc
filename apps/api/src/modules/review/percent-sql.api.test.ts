import { describe, expect, it } from 'vitest';
import { ITA_BANDS, ProvinceOverviewSchema, PlanDetailSchema, itaBand, percentOf } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { queryRows, sql } from '../../lib/sql';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';
import { rootDb } from '../../lib/db';
import { refreshPlanWarnings } from '../plans/plans.service';
import { itaBandSql, percentSql } from './review.queries';

const app = testApp();

describe('completion computed in SQL and in the shared percentOf', () => {
  it('when every share part/whole with whole ≤ 120 is computed both ways, then SQL and percentOf agree on each', async () => {
    // Arrange: every pair in one statement (7,381 of them, halves such as 1/16 and 1/80 included).
    const statement = sql`
      SELECT part::int, whole::int, ${percentSql(sql`part`, sql`whole`)} AS percent
      FROM generate_series(0, 120) AS whole, generate_series(0, 120) AS part WHERE part <= whole`;

    // Act
    const rows = await queryRows<{ part: number; whole: number; percent: number }>(getPrisma(), statement);

    // Assert
    expect(rows.length).toBe(7381);
    const disagreements = rows.filter((row) => row.percent !== percentOf(row.part, row.whole));
    expect(disagreements).toEqual([]);
  });

  it('when a plan has 1 of 3 measures completed and 1 not carried out, then the reviewer overview and the plan page show the same 33.3', async () => {
    // Arrange
    const { agency, editor, reviewer } = await createTenant(49);
    const plan = await createPlan(agency.id, 2553, 'draft', 3);
    await getPrisma().measure.update({ where: { id: plan.measures[0]!.id }, data: { outcome: 'completed' } });
    await getPrisma().measure.update({
      where: { id: plan.measures[1]!.id },
      data: { outcome: 'not_carried_out', outcomeReason: 'ไม่ได้รับงบประมาณ' },
    });
    await refreshPlanWarnings(rootDb(), plan.id);

    // Act
    const overview = await (
      await signIn(app, reviewer)
    ).get(`/api/v1/review/provinces/49/overview?fiscalYear=2553&q=${encodeURIComponent(agency.nameTh)}`);
    const page = await (await signIn(app, editor)).get(`/api/v1/plans/${plan.id}`);

    // Assert
    expect(overview.status).toBe(200);
    const row = ProvinceOverviewSchema.parse(overview.body).items.find((item) => item.agencyId === agency.id);
    const progress = PlanDetailSchema.parse(page.body).progress;
    expect(row?.completedPercent).toBe(33.3);
    expect(progress.completedPercent).toBe(33.3);
    expect(progress.percentDone).toBe(66.7);
  });
});

describe('the ITA band computed in SQL and in the shared itaBand', () => {
  it('when every score from -1 to 101 in hundredths and each cut-off is banded both ways, then SQL and itaBand agree on each', async () => {
    // Arrange: scores as the overview reads them (numeric(5,2) as float8), both sides of every cut-off, and none.
    const cutOffs = ITA_BANDS.flatMap((entry) => [entry.min - 0.01, entry.min, entry.min + 0.01]);
    const statement = sql`
      SELECT s.score, ${itaBandSql(sql`s.score`)} AS band
      FROM (SELECT (n / 100.0)::float8 AS score FROM generate_series(-100, 10100) AS n
            UNION ALL SELECT unnest(${cutOffs}::float8[]) UNION ALL SELECT NULL::float8) s`;

    // Act
    const rows = await queryRows<{ score: number | null; band: string | null }>(getPrisma(), statement);

    // Assert
    expect(rows.length).toBe(10201 + cutOffs.length + 1);
    const disagreements = rows.filter((row) => row.band !== (row.score === null ? null : itaBand(row.score)));
    expect(disagreements).toEqual([]);
    expect(new Set(rows.map((row) => row.band))).toEqual(new Set([...ITA_BANDS.map((entry) => entry.band), null]));
  });
});
