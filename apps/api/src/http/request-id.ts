import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../lib/request-context';

const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Take a sane incoming X-Request-Id or make one; echo it; make it available to the audit trail. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.requestId = id;
  res.setHeader('X-Request-Id', id);
  runWithRequestContext({ requestId: id, ip: req.ip ?? null }, next);
};
