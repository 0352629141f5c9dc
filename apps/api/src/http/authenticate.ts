import type { RequestHandler } from 'express';
import { ANONYMOUS } from '../access/actor';
import { AppError } from '../lib/app-error';
import { resolveSession, type SessionSettings } from '../modules/auth/auth.service';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from './cookies';
import { trackWork } from './in-flight';

/** API paths open without a session; everything else under /api/v1 answers 401 here, once. */
const ANONYMOUS_PATHS = [
  /^\/api\/v1\/public(\/|$)/,
  /^\/api\/v1\/health$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/docs$/,
  /^\/api\/v1\/auth\/(login|password-reset)$/,
];

export const isAnonymousPath = (path: string) => ANONYMOUS_PATHS.some((pattern) => pattern.test(path));

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
    if (req.actor.kind === 'anonymous' && fullPath.startsWith('/api/v1/') && !isAnonymousPath(fullPath)) {
      throw new AppError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบ');
    }
    next();
  };
}
