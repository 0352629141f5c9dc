import type { Request, RequestHandler, Response } from 'express';
import { ANONYMOUS } from '../access/actor';
import { AppError } from '../lib/app-error';
import { holdStatementsUntilConfirmed, releaseStatements } from '../lib/request-context';
import { rememberedSession, resolveSession, sameCaller, type SessionSettings } from '../modules/auth/auth.service';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookies';
import { trackWork } from './in-flight';
import { routeOf } from './route-gate';

const UNAUTHENTICATED = () => new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');

export function authenticate(settings: SessionSettings): RequestHandler {
  return async (req, res, next) => {
    req.actor = ANONYMOUS;
    // Mounted on /api: req.path is relative to the mount, the patterns use the full path.
    const fullPath = `${req.baseUrl}${req.path}`;
    const route = routeOf(req);
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      // A hot read starts from the session as this process last saw it and confirms it in its own
      // statement (ADR 020); everything else reads the session first.
      const remembered = route?.sessionInStatement ? rememberedSession(token, settings) : undefined;
      const session = remembered ?? (await trackWork(() => resolveSession(token, settings)));
      // A write from a remembered session (ADR 027): no statement but the guarded one may run first.
      if (remembered?.actor.proof && req.method !== 'GET') holdStatementsUntilConfirmed(remembered.actor.proof);
      if (session) {
        req.actor = session.actor;
        req.sessionUser = session.user;
        if (session.actor.proof) req.recheckSession = () => recheck(req, res, token, settings, route?.anonymous === true);
      } else clearSessionCookie(req, res);
    }
    // Which routes are open without a session is the route definition's `anonymous` (http/route-gate.ts
    // has already answered 404/405 for paths and methods no route has).
    if (req.actor.kind === 'anonymous' && /^\/api\/v1\//i.test(fullPath) && !route?.anonymous) throw UNAUTHENTICATED();
    next();
  };
}

/**
 * For a request that started from a remembered session (ADR 020), before its answer is sent or when
 * it failed: confirm the session unless a statement already did. False when the actor stands; true
 * when it was replaced (by the session as the database has it now, or anonymous) and the handler must
 * run again. A session that no longer exists answers 401 on a route that needs one.
 */
async function recheck(req: Request, res: Response, token: string, settings: SessionSettings, anonymousAllowed: boolean): Promise<boolean> {
  req.recheckSession = undefined;
  const actor = req.actor;
  if (actor.kind !== 'user' || !actor.proof || actor.proof.verified) return false;
  // Reading the session is the confirmation a held write waits for (ADR 027).
  releaseStatements();
  const fresh = await resolveSession(token, settings);
  if (fresh && sameCaller(fresh.actor, actor)) {
    actor.proof.verified = true;
    return false;
  }
  req.actor = fresh?.actor ?? ANONYMOUS;
  req.sessionUser = fresh?.user;
  if (!fresh) {
    clearSessionCookie(req, res);
    if (!anonymousAllowed) throw UNAUTHENTICATED();
  }
  return true;
}
