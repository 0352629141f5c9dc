import type { Prisma } from '../generated/prisma/client';

/**
 * A condition a statement must meet before it may run, checked by the statement itself (ADR 020: a
 * hot read confirms its caller's session in its own round trip). Until one statement has found it
 * true, `verified` is false and every statement given it is wrapped so that it runs only when the
 * condition holds (`lib/sql.ts`); a false condition throws `GuardFailedError` and no row is read.
 */
export interface StatementGuard {
  readonly condition: Prisma.Sql;
  verified: boolean;
}

/** The guard of a statement was false: nothing was read (the caller re-checks and retries). */
export class GuardFailedError extends Error {
  constructor() {
    super('statement guard failed');
    this.name = 'GuardFailedError';
  }
}

/**
 * A write request started from a remembered session tried to run a statement that does not confirm the
 * session (ADR 027): a programming error, refused before anything reaches the database.
 */
export class UnconfirmedSessionError extends Error {
  constructor() {
    super('a write ran a statement before its session was confirmed (ADR 027)');
    this.name = 'UnconfirmedSessionError';
  }
}
