import type { RequestHandler } from 'express';
import { ANONYMOUS } from '../access/actor';
import { AppError } from '../lib/app-error';
import { resolveSession, type SessionSettings } from '../modules/auth/auth.service';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookies';
import { trackWork } from './in-flight';
import { routeFor } from './route-gate';

export function authenticate(settings: SessionSettings): RequestHandler {
  return async (req, res, next) => {
    req.actor = ANONYMOUS;
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const session = await trackWork(() => resolveSession(token, settings));
      if (session) {
        req.actor = session.actor;
        req.sessionUser = session.user;
      } else clearSessionCookie(req, res);
    }
    // Mounted on /api: req.path is relative to the mount, the patterns use the full path.
    const fullPath = `${req.baseUrl}${req.path}`;
    // Which routes are open without a session is the route definition's `anonymous` (http/route-gate.ts
    // has already answered 404/405 for paths and methods no route has).
    if (req.actor.kind === 'anonymous' && /^\/api\/v1\//i.test(fullPath) && !routeFor(req.method, fullPath)?.anonymous) {
      throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
    }
    next();
  };
}
