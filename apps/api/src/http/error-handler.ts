import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { fieldIssueOf, type ErrorResponse, type FieldIssue } from '@prongsai/shared';
import { AppError } from '../lib/app-error';
import { isDatabaseUnavailable } from '../lib/database-unavailable';
import { logger } from '../lib/logger';
import { knownDatabaseErrorCode } from '../lib/database-errors';

function issuesOf(error: ZodError, where: string): FieldIssue[] {
  const pathOf = (path: PropertyKey[]) => [where, ...path.map(String)].filter(Boolean).join('.');
  return error.issues.flatMap((issue): FieldIssue[] =>
    // An unknown field is named by its own path (body.isAdmin), not only by its parent object's.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: `ไม่รู้จักช่อง "${key}"`, code: issue.code, params: { key } }))
      : // Code + params: the web writes the issue in the reader's language (ADR 023).
        [fieldIssueOf(issue, pathOf(issue.path))],
  );
}

/** A ZodError raised while parsing part of a request; `where` is body, query or params. */
export class RequestValidationError extends Error {
  constructor(
    readonly where: 'body' | 'query' | 'params',
    readonly zodError: ZodError,
  ) {
    super('request validation failed');
  }
}

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** The only place that shapes error responses (STYLE.md, "Errors"). */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const send = (status: number, body: ErrorResponse['error']) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json({ error: { ...body, requestId: req.requestId } } satisfies ErrorResponse);
  };

  if (error instanceof AppError) {
    if (error.details.retryAfterSeconds) res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
    return send(error.status, {
      code: error.code,
      message: error.message,
      reason: error.details.reason,
      params: error.details.params,
      issues: error.details.issues,
      current: error.details.current,
      warnings: error.details.warnings,
    });
  }
  if (error instanceof RequestValidationError) {
    return send(400, { code: 'VALIDATION_FAILED', message: 'ข้อมูลไม่ถูกต้อง', issues: issuesOf(error.zodError, error.where) });
  }
  if (error instanceof ZodError) {
    return send(400, { code: 'VALIDATION_FAILED', message: 'ข้อมูลไม่ถูกต้อง', issues: issuesOf(error, '') });
  }
  const databaseErrorCode = knownDatabaseErrorCode(error);
  if (databaseErrorCode) {
    if (databaseErrorCode === 'P2025') return send(404, { code: 'NOT_FOUND', message: 'ไม่พบข้อมูลที่ต้องการ' });
    if (databaseErrorCode === 'P2002') return send(409, { code: 'CONFLICT', message: 'ข้อมูลนี้มีอยู่แล้ว' });
    // No connection for a transaction in time (the pool is saturated): shed load honestly, retry soon.
    if (databaseErrorCode === 'P2028') {
      logger.warn({ err: error, requestId: req.requestId }, 'transaction could not start in time');
      res.setHeader('Retry-After', '1');
      return send(503, { code: 'SERVICE_UNAVAILABLE', message: 'ระบบมีผู้ใช้งานจำนวนมาก กรุณาลองใหม่อีกครั้ง' });
    }
    // A number the column cannot hold (e.g. 3e9 for an integer): the client's value, not our fault.
    if (databaseErrorCode === 'P2020') {
      return send(400, {
        code: 'VALIDATION_FAILED',
        message: 'ตัวเลขที่ส่งมาเกินขอบเขตที่รองรับ',
        issues: [{ path: 'request', message: 'a number is out of range', code: 'out_of_range' }],
      });
    }
  }
  // The database is down or restarting: say so (503, retry soon), not 500; the pool reconnects by itself.
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId: req.requestId }, 'database unavailable');
    res.setHeader('Retry-After', '5');
    return send(503, { code: 'SERVICE_UNAVAILABLE', message: 'ระบบฐานข้อมูลไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้ง' });
  }
  // body-parser / raw-body errors: malformed JSON, too large, wrong charset.
  const http = error as HttpishError;
  if (http.type === 'entity.parse.failed') {
    return send(400, {
      code: 'INVALID_JSON',
      message: 'รูปแบบ JSON ไม่ถูกต้อง',
      issues: [{ path: 'body', message: 'invalid JSON', code: 'invalid_json' }],
    });
  }
  if (http.type === 'entity.too.large') {
    return send(413, {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป',
      issues: [{ path: 'body', message: 'too large', code: 'too_big' }],
    });
  }
  if (http.type === 'charset.unsupported' || http.type === 'encoding.unsupported') {
    return send(415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'ไม่รองรับการเข้ารหัสนี้',
      issues: [{ path: 'body', message: 'unsupported charset', code: 'unsupported' }],
    });
  }
  const status = http.status ?? http.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return send(400, {
      code: 'VALIDATION_FAILED',
      message: 'คำขอไม่ถูกต้อง',
      issues: [{ path: 'request', message: String((error as Error).message), code: 'bad_request' }],
    });
  }

  logger.error({ err: error, requestId: req.requestId, method: req.method, url: req.originalUrl }, 'unhandled error');
  return send(500, { code: 'INTERNAL', message: 'เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง' });
};

export const notFoundHandler: import('express').RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: 'ไม่พบเส้นทางนี้', requestId: req.requestId } } satisfies ErrorResponse);
};
