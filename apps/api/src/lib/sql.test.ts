import { afterEach, describe, expect, it } from 'vitest';
import { getPrisma } from './prisma';
import { empty, join, onRows, queryRow, queryRows, sql } from './sql';

const EVERY_TYPE = sql`
  SELECT 'ก'::text AS text, '6f1c2a3e-0000-4000-8000-000000000001'::uuid AS uuid, 7::int AS int4, true AS bool,
         0.25::float8 AS float8, '{"a":[1,"ข"]}'::json AS json, '{"a":null}'::jsonb AS jsonb, ARRAY['x', 'ย']::text[] AS array,
         '2024-01-02 23:04:05.678'::timestamp(3) AS timestamp, '2024-01-02 23:04:05.678+00'::timestamptz AS timestamptz,
         '2024-01-02'::date AS date, NULL::text AS "null", ${'พารามิเตอร์'}::text AS "textParam", ${42}::int AS "intParam",
         ${new Date('2024-03-04T05:06:07.008Z')}::timestamptz AS "dateParam"`;

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('one SQL idiom', () => {
  for (const tz of ['UTC', 'Asia/Bangkok']) {
    it(`when a statement runs on the pool and inside a transaction (TZ=${tz}), then every allowed column type comes back the same`, async () => {
      process.env.TZ = tz;
      const onPool = await queryRow<Record<string, unknown>>(getPrisma(), EVERY_TYPE);
      const inTransaction = await getPrisma().$transaction((tx) => queryRow<Record<string, unknown>>(tx, EVERY_TYPE));
      expect(onPool).toEqual(inTransaction);
      expect(onPool).toMatchObject({
        int4: 7,
        float8: 0.25,
        json: { a: [1, 'ข'] },
        timestamp: new Date('2024-01-02T23:04:05.678Z'),
        date: new Date('2024-01-02T00:00:00.000Z'),
        dateParam: new Date('2024-03-04T05:06:07.008Z'),
      });
    });
  }

  it('when fragments compose, then values stay parameters (a quote in a value is data, not SQL)', async () => {
    const names = ["O'Brien", 'ก'];
    const filter = names.length ? sql`WHERE name IN (${join(names)})` : empty;
    const rows = await queryRows<{ name: string }>(getPrisma(), sql`SELECT name FROM (VALUES (${"O'Brien"}), ('x')) v(name) ${filter}`);
    expect(rows).toEqual([{ name: "O'Brien" }]);
  });

  it('when a listener is registered, then it sees the rows the database sent', async () => {
    const seen: unknown[][] = [];
    const stop = onRows((_statement, rows) => seen.push([...rows]));
    await queryRows(getPrisma(), sql`SELECT 1::int AS one`);
    stop();
    await queryRows(getPrisma(), sql`SELECT 2::int AS two`);
    expect(seen).toEqual([[{ one: 1 }]]);
  });
});
