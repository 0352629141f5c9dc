import type { RequestHandler } from 'express';
import { AppError } from '../lib/app-error';
import { routeOf } from './route-gate';

const hasBody = (headers: { 'transfer-encoding'?: string; 'content-length'?: string }) =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * A request body that no parser read (XML, a form, `application/vnd.api+json`…) is a 415, never
 * silently taken for an empty one: otherwise a route whose fields are all optional would act on
 * a body it never saw.
 */
export const rejectUnreadableBody: RequestHandler = (req, _res, next) => {
  // An upload route reads its multipart body itself, as a stream (http/multipart.ts).
  if (req.body === undefined && hasBody(req.headers) && !routeOf(req)?.upload) {
    const type = req.get('content-type') ?? 'none';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'กรุณาส่งข้อมูลเป็น JSON (Content-Type: application/json)', {
      issues: [{ path: 'body', message: `unsupported media type: ${type.slice(0, 100)}`, code: 'unsupported_media_type' }],
    });
  }
  next();
};
