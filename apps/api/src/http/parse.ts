import type { Request } from 'express';
import type { z } from 'zod';
import type { FieldIssue } from '@prongsai/shared';
import { AppError } from '../lib/app-error';
import { RequestValidationError } from './error-handler';

/**
 * Text PostgreSQL cannot store: NUL (not allowed in text or jsonb) and a UTF-16 surrogate without
 * its pair (not Unicode; jsonb rejects it). Left in, either one turns a write into a 500.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Paths of strings (values or keys) holding unstorable text; iterative, so deep nesting is safe. */
function unstorableText(where: string, value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0 && issues.length < 20) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) issues.push({ path, message: 'ข้อความมีอักขระที่ใช้ไม่ได้ (NUL หรือ surrogate ที่ไม่ครบคู่)', code: 'invalid_text' });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) issues.push({ path, message: 'ชื่อช่องมีอักขระที่ใช้ไม่ได้', code: 'invalid_text' });
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return issues;
}

/** Parse one part of the request with its shared schema; a failure is a 400 naming the field. */
function parsePart<S extends z.ZodType>(where: 'body' | 'query' | 'params', schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new RequestValidationError(where, result.error);
  const issues = unstorableText(where, value);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'ข้อมูลไม่ถูกต้อง', { issues });
  return result.data;
}

export const parseBody = <S extends z.ZodType>(req: Request, schema: S) => parsePart('body', schema, req.body);
export const parseQuery = <S extends z.ZodType>(req: Request, schema: S) => parsePart('query', schema, req.query);
export const parseParams = <S extends z.ZodType>(req: Request, schema: S) => parsePart('params', schema, req.params);

/** Send a response through its schema, so internal fields never leave the server. */
export const shape = <S extends z.ZodType>(schema: S, value: z.input<S>): z.infer<S> => schema.parse(value);
