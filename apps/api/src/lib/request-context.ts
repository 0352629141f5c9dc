import { AsyncLocalStorage } from 'node:async_hooks';

import type { StatementGuard } from './statement-guard';

/** What the audit trail needs to know about the current request, without passing `req` around. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  /** A write started from a remembered session (ADR 027): until this guard is verified, only statements carrying it may run. */
  unconfirmed?: StatementGuard;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);
export const requestContext = (): RequestContext | undefined => storage.getStore();

/** From now on in this request, `lib/sql.ts` runs only statements carrying `guard` until one has verified it. */
export function holdStatementsUntilConfirmed(guard: StatementGuard): void {
  const context = storage.getStore();
  if (!context) throw new Error('holdStatementsUntilConfirmed outside a request');
  context.unconfirmed = guard;
}

/** The session is being read as a whole (the usual way): statements need no guard any more. */
export function releaseStatements(): void {
  const context = storage.getStore();
  if (context) context.unconfirmed = undefined;
}
