import { isDeepStrictEqual } from 'node:util';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { ErrorCode } from '@prongsai/shared';
import type { Actor } from '../access/actor';
import { parseBody, parseParams, parseQuery } from './parse';
import { trackWork } from './in-flight';
import type { ResponseCache } from './response-cache';
import { JsonText } from '../lib/json-text';
import { GuardFailedError } from '../lib/statement-guard';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One endpoint: its shared schemas and a handler that calls one service function. The same
 * definition parses the request, shapes the response (dropping internal fields) and documents the
 * endpoint in the OpenAPI document (http/openapi.ts).
 */
export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Path under /api/v1, Express syntax (`/plans/:planId`). */
  path: string;
  summary: string;
  /** Longer documentation (Markdown) for the OpenAPI document. */
  description?: string;
  tag: string;
  /** The OpenAPI operationId when the derived one (http/openapi.ts, `operationIdOf`) reads badly. */
  operationId?: string;
  /**
   * Error codes this route answers beyond those its shape implies (http/openapi.ts, `errorCodesOf`:
   * validation, sign-in, CSRF, not found, body limits, 500/503 come from the definition's facts).
   */
  errors?: ErrorCode[];
  /** Other answers with a body of their own, e.g. /health's 503 `{ status: 'degraded' }`. */
  responses?: Record<number, { description: string; schema: z.ZodType }>;
  /** The success answer sets (or clears) the session cookie. */
  setsCookie?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A `multipart/form-data` upload (one file part named `file`, after the small form fields of
   * `fields`), read by the handler as a stream (http/multipart.ts); the JSON body parsers leave it alone.
   */
  upload?: { fields: z.ZodType };
  response?: R;
  /**
   * The handler returns exactly the response's shape: every field built by its service, no internal
   * field, nothing for Zod to strip or transform. Production sends it as returned, sparing a Zod walk
   * and a copy of the tree on the hottest answers (ADR 029); everywhere else (tests, development) it is
   * parsed as usual and an answer the schema would change is an error, so the tests of the route find it.
   * Only such a route may answer a `JsonText` (its statement's serialised answer, ADR 036): sent as it is.
   */
  exactResponse?: boolean;
  status?: 200 | 201 | 204;
  /** For a non-JSON response (a file or a stream), its media type; the handler writes it. */
  produces?: string | string[];
  /** Open without a session (documentation; http/authenticate.ts enforces it). */
  anonymous?: boolean;
  /**
   * A hot read whose scoped statements confirm the caller's session themselves (ADR 020): the request
   * starts from the session as this process last saw it, saving the session's round trip. A handler
   * that ran no such statement has its session read before the answer is sent. On a write (ADR 027)
   * the first statement must be the guarded one: `lib/sql.ts` refuses any other statement until the
   * session is confirmed, so nothing is written for a caller the database no longer knows.
   */
  sessionInStatement?: boolean;
  /**
   * Answers that are the same for every caller, cached serialised: keyed by `version()` (read from
   * the database on every request), the path and the parsed params and query. GET only.
   */
  cache?: { store: ResponseCache; version: () => Promise<string> };
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  actor: Actor;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  /** Only for what HTTP itself needs (cookies, client IP, streaming); services never see these. */
  req: Request;
  res: Response;
}

const registry = new Map<string, RouteDefinition>();

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  router: Router,
  definition: RouteDefinition<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>) => Promise<z.input<R> | JsonText<z.input<R>> | void>,
): void {
  if (definition.sessionInStatement && (definition.cache || definition.produces)) {
    throw new Error(`${definition.path}: sessionInStatement is for uncached JSON answers`);
  }
  registry.set(`${definition.method.toUpperCase()} ${definition.path}`, definition as unknown as RouteDefinition);
  router[definition.method](definition.path, (req: Request, res: Response) => trackWork(() => respondConfirmed(req, res)));
  /** Answers once the caller's session is confirmed (ADR 020): run again as the caller the database knows. */
  async function respondConfirmed(req: Request, res: Response): Promise<void> {
    try {
      await respond(req, res);
    } catch (error) {
      // A failed guard read nothing; any other failure may be the remembered caller's (a 404 of an
      // agency they no longer reach): either way the caller is confirmed and the handler runs again.
      const replaced = await req.recheckSession?.();
      if (!replaced && !(error instanceof GuardFailedError)) throw error;
      await respond(req, res);
    }
  }
  async function respond(req: Request, res: Response): Promise<void> {
    const input: RouteInput<P, Q, B> = {
      actor: req.actor,
      params: definition.params ? parseParams(req, definition.params) : ({} as z.infer<P>),
      query: definition.query ? parseQuery(req, definition.query) : ({} as z.infer<Q>),
      body: definition.body ? parseBody(req, definition.body) : ({} as z.infer<B>),
      req,
      res,
    };
    if (definition.cache) {
      const { store, version } = definition.cache;
      const key = `${await version()} ${definition.path} ${JSON.stringify([input.params, input.query])}`;
      const cached = await store.getOrCompute(key, async () => {
        const result = await handler(input);
        return JSON.stringify(definition.response ? definition.response.parse(result) : result);
      });
      // Express answers 304 itself when If-None-Match matches the ETag set here.
      res.status(200).type('application/json').set('ETag', cached.etag).send(cached.body);
      return;
    }
    const result = await handler(input);
    if (!res.headersSent && (await req.recheckSession?.())) return respond(req, res);
    if (res.headersSent || definition.produces) return;
    if (definition.status === 204) {
      res.status(204).end();
      return;
    }
    if (result instanceof JsonText) {
      // Serialised by its statement (ADR 036): only an exactResponse route may send it unparsed.
      if (!definition.exactResponse || !definition.response)
        throw new Error(`${definition.path}: a JsonText answer needs an exactResponse schema`);
      if (process.env.NODE_ENV !== 'production') shaped(definition, result.parse());
      res
        .status(definition.status ?? 200)
        .type('application/json')
        .send(result.text);
      return;
    }
    res.status(definition.status ?? 200).json(shaped(definition, result));
  }
}

/** The answer as the response schema shapes it; an `exactResponse` answer as returned in production, checked elsewhere. */
export function shaped(definition: Pick<RouteDefinition, 'path' | 'response' | 'exactResponse'>, result: unknown): unknown {
  if (!definition.response) return result;
  if (definition.exactResponse && process.env.NODE_ENV === 'production') return result;
  const parsed: unknown = definition.response.parse(result);
  if (definition.exactResponse && !isDeepStrictEqual(parsed, result)) {
    throw new Error(`${definition.path}: exactResponse, but the answer differs from what its response schema makes of it`);
  }
  return parsed;
}

/** Every endpoint defined so far (the OpenAPI document and the route tests read this). */
export const definedRoutes = (): RouteDefinition[] => [...registry.values()];
