import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../lib/request-context';

const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every request gets an id of ours (a UUID), echoed in X-Request-Id and written to the log and the audit
 * trail. A client's own X-Request-Id is never taken for ours (it would let a client write any text into the
 * audit log as if we had issued it): when sane, it is kept apart as `clientRequestId`, in the request log only.
 */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = randomUUID();
  req.requestId = id;
  req.clientRequestId = incoming && VALID_ID.test(incoming) ? incoming : undefined;
  res.setHeader('X-Request-Id', id);
  runWithRequestContext({ requestId: id, ip: req.ip ?? null }, next);
};
