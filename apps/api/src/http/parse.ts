import type { Request } from 'express';
import type { z } from 'zod';
import { RequestValidationError } from './error-handler';

/** Parse one part of the request with its shared schema; a failure is a 400 naming the field. */
function parsePart<S extends z.ZodType>(where: 'body' | 'query' | 'params', schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new RequestValidationError(where, result.error);
  return result.data;
}

export const parseBody = <S extends z.ZodType>(req: Request, schema: S) => parsePart('body', schema, req.body);
export const parseQuery = <S extends z.ZodType>(req: Request, schema: S) => parsePart('query', schema, req.query);
export const parseParams = <S extends z.ZodType>(req: Request, schema: S) => parsePart('params', schema, req.params);

/** Send a response through its schema, so internal fields never leave the server. */
export const shape = <S extends z.ZodType>(schema: S, value: z.input<S>): z.infer<S> => schema.parse(value);
