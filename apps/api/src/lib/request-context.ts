import { AsyncLocalStorage } from 'node:async_hooks';

/** What the audit trail needs to know about the current request, without passing `req` around. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);
export const requestContext = (): RequestContext | undefined => storage.getStore();
