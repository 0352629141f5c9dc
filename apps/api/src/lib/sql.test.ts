import { afterEach, describe, expect, it } from 'vitest';
import { getPrisma } from './prisma';
import { holdStatementsUntilConfirmed, runWithRequestContext } from './request-context';
import { empty, GuardFailedError, join, onRows, queryRow, queryRows, sql, UnconfirmedSessionError, type StatementGuard } from './sql';

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

  it('when one query function writes two texts under one statement label (say, two kinds of scope), then each is its own prepared statement', async () => {
    // A bare name would be refused by pg the second time ("Prepared statements must be unique"); run each twice.
    for (let round = 0; round < 2; round++) {
      for (const kind of ['agency', 'province']) {
        const statement = kind === 'agency' ? sql`SELECT ${kind}::text AS kind, 1 AS n` : sql`SELECT ${kind}::text AS kind, 2 AS n`;
        expect(await queryRow(getPrisma(), statement, { name: 'label-test' })).toEqual({ kind, n: kind === 'agency' ? 1 : 2 });
      }
    }
    const prepared = await queryRows<{ name: string }>(
      getPrisma(),
      sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'label-test:%' ORDER BY name`,
    );
    // The pool may have answered on several connections; each holds at most the two texts.
    expect(new Set(prepared.map((row) => row.name)).size).toBeLessThanOrEqual(2);
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

describe('statement guards (ADR 020)', () => {
  const ORDERED = sql`SELECT n::int AS n, 'x' || n AS label FROM generate_series(1, 500) n ORDER BY n DESC LIMIT 300`;
  const guard = (condition: boolean): StatementGuard => ({ condition: sql`${condition}::boolean`, verified: false });

  for (const where of ['pool', 'transaction'] as const) {
    const run = <T>(work: (db: Parameters<typeof queryRows>[0]) => Promise<T>) =>
      where === 'pool' ? work(getPrisma()) : getPrisma().$transaction((tx) => work(tx));

    it(`when the guard holds (${where}), then the rows are the statement's own, in its order, and the guard is verified`, async () => {
      const plain = await run((db) => queryRows(db, ORDERED));
      const held = guard(true);

      const rows = await run((db) => queryRows(db, ORDERED, { guard: held }));

      expect(rows).toEqual(plain);
      expect(rows[0]).toEqual({ n: 500, label: 'x500' });
      expect(held.verified).toBe(true);
    });

    it(`when the guard fails (${where}), then it throws and no row reaches anyone`, async () => {
      const seen: unknown[] = [];
      const stop = onRows((_statement, rows) => seen.push(...rows));
      const failed = guard(false);

      await expect(run((db) => queryRows(db, ORDERED, { guard: failed }))).rejects.toBeInstanceOf(GuardFailedError);

      stop();
      expect(seen).toEqual([]);
      expect(failed.verified).toBe(false);
    });
  }

  it('when the guarded statement finds no row, then the answer is empty (not an error) and the guard is verified', async () => {
    const held = guard(true);

    const rows = await queryRows(getPrisma(), sql`SELECT 1 AS one WHERE false`, { guard: held, name: 'guard-empty-test' });

    expect(rows).toEqual([]);
    expect(held.verified).toBe(true);
  });

  it('when the guard fails, then the guarded statement does not even run', async () => {
    // A statement that would fail if it ran: division by zero at run time (random() is not folded by the planner).
    await expect(queryRows(getPrisma(), sql`SELECT 1 / (random() * 0)::int AS boom`, { guard: guard(false) })).rejects.toBeInstanceOf(
      GuardFailedError,
    );
  });

  it('when a guard was verified earlier in the request, then later statements run as written', async () => {
    const held: StatementGuard = { condition: sql`1 / 0 = 1`, verified: true };

    expect(await queryRows(getPrisma(), sql`SELECT 7::int AS seven`, { guard: held })).toEqual([{ seven: 7 }]);
  });
});

describe('a write held until its session is confirmed (ADR 027)', () => {
  const inRequest = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'held-write-test', ip: null }, fn);

  it('when a held request runs a statement without its guard, then it is refused before reaching PostgreSQL', async () => {
    const held: StatementGuard = { condition: sql`true`, verified: false };
    const seen: string[] = [];
    const stop = onRows((statement) => seen.push(statement.text));

    const attempt = inRequest(async () => {
      holdStatementsUntilConfirmed(held);
      return queryRows(getPrisma(), sql`SELECT 1 / (random() * 0)::int AS boom`);
    });

    await expect(attempt).rejects.toBeInstanceOf(UnconfirmedSessionError);
    stop();
    expect(seen).toEqual([]);
  });

  it('when the held guard is confirmed by the first statement, then the statements after it run as written', async () => {
    const held: StatementGuard = { condition: sql`true`, verified: false };

    const rows = await inRequest(async () => {
      holdStatementsUntilConfirmed(held);
      const first = await queryRows<{ one: number }>(getPrisma(), sql`SELECT 1::int AS one`, { guard: held });
      const second = await queryRows<{ two: number }>(getPrisma(), sql`SELECT 2::int AS two`);
      return [...first, ...second];
    });

    expect(rows).toEqual([{ one: 1 }, { two: 2 }]);
    expect(held.verified).toBe(true);
  });
});
