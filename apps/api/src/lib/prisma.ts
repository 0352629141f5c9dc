import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { logger } from './logger';

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

let client: PrismaClient | undefined;

/** The one Prisma client of this process, over `pg` through the driver adapter (no engine binary). */
export function getPrisma(): PrismaClient {
  if (!client) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    client = new PrismaClient({
      adapter: new PrismaPg({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10) }),
      // A burst of writes larger than the pool queues for a connection (up to 20 s) instead of
      // failing after Prisma's default 2 s (test/concurrency.test.ts); a transaction may run 15 s.
      transactionOptions: { maxWait: 20_000, timeout: 15_000 },
    });
  }
  return client;
}

/**
 * Close the pool, waiting at most `timeoutMs`: a transaction still starting when the pool closes
 * (a request whose client already left, at shutdown) can keep its connection checked out forever,
 * and the pool's end() would then never resolve — the process hung on SIGTERM (crash/load tests).
 * After the wait the embedded PostgreSQL's fast shutdown rolls such a transaction back.
 */
export async function disconnectPrisma(timeoutMs = 5_000): Promise<void> {
  const closing = client;
  client = undefined;
  if (!closing) return;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
    timer.unref();
  });
  const timedOut = await Promise.race([closing.$disconnect().then(() => false), gaveUp]);
  clearTimeout(timer);
  if (timedOut) logger.warn({ timeoutMs }, 'database pool did not close in time (a transaction still held a connection); going on');
}

export { Prisma } from '../generated/prisma/client';
