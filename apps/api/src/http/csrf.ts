import type { RequestHandler } from 'express';
import { AppError } from '../lib/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The web client sends this on every write; a cross-site form cannot set custom headers. */
export const CSRF_HEADER = 'x-prongsai-csrf';

/**
 * CSRF defence for cookie-authenticated writes, on top of SameSite=Lax: a write must come from
 * an allowed Origin (our own host or ALLOWED_ORIGINS) or, when the client sends no Origin (CLI,
 * tests), carry the custom header. A foreign Origin is always rejected.
 */
export function csrfGuard(allowedOrigins: string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin) {
      const own = `${req.protocol}://${req.get('host')}`;
      if (origin === own || allowedOrigins.includes(origin)) return next();
      throw new AppError('CSRF_REJECTED', 'คำขอนี้มาจากเว็บไซต์อื่น จึงถูกปฏิเสธ');
    }
    if (req.get(CSRF_HEADER) === '1') return next();
    throw new AppError('CSRF_REJECTED', 'คำขอไม่มีเครื่องหมายป้องกัน CSRF');
  };
}
