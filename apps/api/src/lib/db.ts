import { getPrisma, type Tx } from './prisma';

/**
 * How services hold the database without touching it (ADR 008): a `Db` is an opaque handle (the
 * process's client or an open transaction) that services pass to query functions; only `*.queries.ts`
 * files turn it back into a client with `clientOf`. Services therefore cannot run a statement, and
 * lint keeps them from importing `lib/prisma` or `lib/sql`.
 */
declare const DB: unique symbol;
export type Db = { readonly [DB]: true };

/** The process's client (each statement on its own). */
export const rootDb = (): Db => getPrisma() as unknown as Db;

/**
 * Run `work` in one transaction: every statement given the handle commits together or not at all.
 * `timeoutMs` lengthens the default 15 s for known long writes (a report import).
 */
export function transaction<T>(work: (db: Db) => Promise<T>, timeoutMs?: number): Promise<T> {
  return getPrisma().$transaction((tx) => work(tx as unknown as Db), timeoutMs === undefined ? undefined : { timeout: timeoutMs });
}

/** For query functions only: the client behind a handle. */
export const clientOf = (db: Db): Tx => db as unknown as Tx;

/**
 * @deprecated For callers that still open their transactions with Prisma (until their module is
 * converted, ADR 008): the handle of such a transaction, to pass to converted services.
 */
export const dbOf = (tx: Tx): Db => tx as unknown as Db;
