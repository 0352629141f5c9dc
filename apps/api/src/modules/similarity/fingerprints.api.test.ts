import { describe, expect, it } from 'vitest';
import { getPrisma } from '../../lib/prisma';
import { queryRows, sql } from '../../lib/sql';
import { createAgency, createPlan } from '../../../test/factories';

/*
 * The copy detector's fingerprints (ADR 014) are kept by triggers on "Measure": an update writes again only
 * the texts it changed (migration 20261203083500). Whatever the update, the rows kept must be exactly those
 * a rebuild from nothing would write for the measure as it now is.
 */

type Row = { field: string; position: number; hash: string; agencyId: string; provinceId: number; planId: string; fiscalYear: number };

const kept = (measureId: string) =>
  queryRows<Row>(
    getPrisma(),
    sql`SELECT field, position, hash::text AS hash, "agencyId"::text AS "agencyId", "provinceId", "planId"::text AS "planId", "fiscalYear"
        FROM "MeasureFingerprint" WHERE "measureId" = ${measureId}::uuid ORDER BY field, position`,
  );

const rebuilt = (measureId: string) =>
  queryRows<Row>(
    getPrisma(),
    sql`SELECT f.field, f.position, hashtextextended(f.key, 0)::text AS hash, m."agencyId"::text AS "agencyId", a."provinceId",
               m."planId"::text AS "planId", p."fiscalYear"
        FROM "Measure" m CROSS JOIN LATERAL prongsai_measure_texts(m.title, m.actions, m."resultText", m.summary) f
        JOIN "Plan" p ON p.id = m."planId" JOIN "Agency" a ON a.id = m."agencyId"
        WHERE m.id = ${measureId}::uuid AND m."deletedAt" IS NULL ORDER BY f.field, f.position`,
  );

const LONG = (what: string) => `${what} ที่เขียนยาวพอให้ตรวจการคัดลอกได้ มีรายละเอียดของการดำเนินงานครบถ้วนทุกขั้นตอน`;

describe('measure fingerprints kept by the triggers', () => {
  it('when a measure is updated one text at a time, deleted, restored and moved, then its fingerprints always equal a rebuild', async () => {
    // Arrange
    const agency = await createAgency({ provinceId: 36, type: 'sao' });
    const plan = await createPlan(agency.id, 2567, 'draft', 1);
    const nextYear = await createPlan(agency.id, 2568, 'draft', 0);
    const measureId = plan.measures[0]!.id;
    const update = (data: Parameters<ReturnType<typeof getPrisma>['measure']['update']>[0]['data']) =>
      getPrisma().measure.update({ where: { id: measureId }, data });
    const steps: [string, () => Promise<unknown>, 'some' | 'none'][] = [
      [
        'every text at once',
        () => update({ title: LONG('ชื่อ'), actions: [LONG('ขั้นหนึ่ง'), LONG('ขั้นสอง')], resultText: LONG('ผล'), summary: LONG('สรุป') }),
        'some',
      ],
      ['the title only', () => update({ title: LONG('ชื่อใหม่') }), 'some'],
      ['one sub-action changed, one added', () => update({ actions: [LONG('ขั้นหนึ่ง'), LONG('ขั้นสองใหม่'), LONG('ขั้นสาม')] }), 'some'],
      ['sub-actions removed', () => update({ actions: [LONG('ขั้นสาม')] }), 'some'],
      ['the result only', () => update({ resultText: LONG('ผลใหม่ เทศบาลตำบลบางทราย www.example.go.th') }), 'some'],
      ['the summary made too short to compare', () => update({ summary: 'สั้น' }), 'some'],
      ['the summary and the title cleared', () => update({ summary: null, title: 'ชื่อสั้น' }), 'some'],
      ['soft-deleted', () => update({ deletedAt: new Date() }), 'none'],
      ['a text changed while deleted', () => update({ summary: LONG('สรุประหว่างลบ') }), 'none'],
      ['restored', () => update({ deletedAt: null }), 'some'],
      ['moved to another plan', () => update({ planId: nextYear.id }), 'some'],
      ['a field that is no text', () => update({ outcome: 'completed' }), 'some'],
    ];

    for (const [step, act, expected] of steps) {
      // Act
      await act();

      // Assert
      const expectedRows = await rebuilt(measureId);
      expect(expectedRows.length > 0 ? 'some' : 'none', step).toBe(expected);
      expect(await kept(measureId), step).toEqual(expectedRows);
    }
    expect((await kept(measureId)).every((row) => row.fiscalYear === 2568 && row.planId === nextYear.id)).toBe(true);
  });
});
