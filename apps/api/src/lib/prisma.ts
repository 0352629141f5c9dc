import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { logger } from './logger';

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

let client: PrismaClient | undefined;
let pool: pg.Pool | undefined;

const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
/**
 * Prisma stores `DateTime` as `timestamp(3)` holding UTC and `@db.Date` as a day; `pg` would read
 * both in the process's time zone. Raw queries on the pool read them as Prisma does (UTC; a day as
 * its midnight UTC), so a statement gives the same values on the pool and in a transaction
 * (lib/sql.test.ts). Prisma's adapter sets its own parsers per query: this never reaches its statements.
 */
const TEXT_PARSERS: Record<number, (value: string) => unknown> = {
  [TIMESTAMP_OID]: (value) => new Date(`${value.replace(' ', 'T')}Z`),
  [DATE_OID]: (value) => new Date(`${value}T00:00:00Z`),
};
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  (format !== 'binary' && TEXT_PARSERS[oid]) || pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser;

/**
 * The one `pg` pool of this process, shared by Prisma (through the driver adapter) and by the hot
 * read paths that answer with one hand-written statement (ADR 007). Queries here get `pg`'s default
 * type parsing: timestamptz → Date, int8/numeric → string.
 */
export function getPool(): pg.Pool {
  if (!pool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    pool = new pg.Pool({
      connectionString,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      types: { getTypeParser },
      // A database host that does not answer at all must not hold requests for the OS's TCP
      // timeout (minutes): give up on a connection (or on waiting for one) after as long as a
      // transaction may wait for one (maxWait below); the error handler answers 503.
      connectionTimeoutMillis: Number(process.env.PG_CONNECT_TIMEOUT_MS ?? 20_000),
      // Notice a connection the server side lost (restart, failover) instead of finding out on the next query.
      keepAlive: true,
    });
    // An idle connection dropped by the server (restart, idle timeout) must not crash the process.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  }
  return pool;
}

/** The one Prisma client of this process, over `pg` through the driver adapter (no engine binary). */
export function getPrisma(): PrismaClient {
  if (!client) {
    client = new PrismaClient({
      adapter: new PrismaPg(getPool(), { disposeExternalPool: true }),
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
  const closingPool = pool;
  client = undefined;
  pool = undefined;
  if (!closing) {
    await closingPool?.end();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
    timer.unref();
  });
  // Prisma disposes of the pool only if it connected itself: a process that ran hand-written statements
  // alone (the hot reads, the benchmark's copy detector) ends the pool here, or its idle connections
  // outlive the shutdown and log "idle database connection failed" when PostgreSQL stops.
  const closed = closing.$disconnect().then(async () => {
    if (closingPool && !closingPool.ending) await closingPool.end();
    return false;
  });
  const timedOut = await Promise.race([closed, gaveUp]);
  clearTimeout(timer);
  if (timedOut) logger.warn({ timeoutMs }, 'database pool did not close in time (a transaction still held a connection); going on');
}

export { Prisma } from '../generated/prisma/client';
