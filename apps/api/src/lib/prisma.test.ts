import { describe, expect, it } from 'vitest';
import { disconnectPrisma, getPool, getPrisma } from './prisma';
import { queryRow, sql } from './sql';

describe('disconnectPrisma', () => {
  it('when only hand-written statements ran on the pool (Prisma never connected), then the pool is still ended', async () => {
    await disconnectPrisma();
    const pool = getPool();
    expect(await queryRow<{ one: number }>(getPrisma(), sql`SELECT 1 AS one`)).toEqual({ one: 1 });

    await disconnectPrisma();

    expect(pool.ended).toBe(true);
    expect(getPool()).not.toBe(pool);
  });

  it('when Prisma itself ran a query, then the pool is ended once (no "end called more than once")', async () => {
    await disconnectPrisma();
    const pool = getPool();
    await getPrisma().$queryRaw`SELECT 1`;

    await disconnectPrisma();

    expect(pool.ended).toBe(true);
  });
});
