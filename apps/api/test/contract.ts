import zlib from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Request, RequestHandler, Response } from 'express';
import { openApiDocument } from '../src/http/openapi';
import { contractViolations } from './contract-violations';

/**
 * Every response a test receives from `testApp()` is checked against the generated OpenAPI document:
 * its status must be declared by the operation, and a JSON body must match the declared schema (ajv,
 * JSON Schema 2020-12 with formats); a file must come in the declared media type. A mismatch is
 * recorded and fails the test (test/setup-env.ts). Paths outside the document (unknown ones) may
 * only answer the router's 404/405 or what the middleware in front of it answers.
 */

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const DOCUMENT_ID = 'https://prongsai.invalid/openapi.json';
/** Answers of the middleware in front of the router, possible on any /api path. */
const BEFORE_ROUTING = new Set([400, 403, 404, 405, 413, 415, 500, 503]);
const MAX_CAPTURE = 4 * 1024 * 1024;

let compiled:
  | {
      ajv: Ajv2020;
      document: Document;
      routes: { method: string; pattern: RegExp; path: string; params: number }[];
      error: ValidateFunction;
    }
  | undefined;
const validators = new Map<string, ValidateFunction>();

function load() {
  if (compiled) return compiled;
  const document = openApiDocument() as unknown as Document;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema({ ...(document as object), $id: DOCUMENT_ID });
  const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({
      method,
      path,
      params: (path.match(/\{/g) ?? []).length,
      // Express matches case-insensitively and ignores one trailing slash: so does this.
      pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`, 'i'),
    })),
  );
  routes.sort((a, b) => a.params - b.params);
  const error = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/ErrorResponse` });
  compiled = { ajv, document, routes, error };
  return compiled;
}

const absolute = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as object;

function validatorFor(key: string, schema: unknown): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = load().ajv.compile(absolute(schema));
    validators.set(key, validate);
  }
  return validate;
}

function bodyOf(res: Response, raw: Buffer): unknown {
  const encoding = String(res.getHeader('content-encoding') ?? '');
  const bytes =
    encoding === 'gzip'
      ? zlib.gunzipSync(raw)
      : encoding === 'deflate'
        ? zlib.inflateSync(raw)
        : encoding === 'br'
          ? zlib.brotliDecompressSync(raw)
          : raw;
  return JSON.parse(bytes.toString('utf8'));
}

function check(req: Request, res: Response, raw: Buffer | undefined): string | undefined {
  const path = req.originalUrl.split('?')[0]!;
  if (!path.startsWith('/api/') || path.startsWith('/api/docs') || req.method === 'OPTIONS') return undefined;
  const { document, routes, error } = load();
  const method = req.method === 'HEAD' ? 'get' : req.method.toLowerCase();
  const status = res.statusCode;
  const type = String(res.getHeader('content-type') ?? '');
  const isJson = type.startsWith('application/json');
  const parse = () => (raw && req.method !== 'HEAD' && isJson && raw.length > 0 ? bodyOf(res, raw) : undefined);
  const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  const where = `${req.method} ${path} → ${status}`;
  if (!route) {
    if (!BEFORE_ROUTING.has(status)) return `${where}: no operation matches, and ${status} is not a routing or middleware answer`;
    if (status === 405 && !res.getHeader('allow')) return `${where}: 405 without Allow`;
    if (raw && !error(parse())) return `${where}: error body does not match ErrorResponse: ${JSON.stringify(error.errors)}`;
    return undefined;
  }
  const operation = document.paths[route.path]![method]!;
  let declared = operation.responses[String(status)];
  if (!declared)
    return `${where}: ${operation.operationId} does not declare ${status} (declares ${Object.keys(operation.responses).join(', ')})`;
  if (declared.$ref) declared = document.components.responses[declared.$ref.split('/').at(-1)!]!;
  const content = declared.content;
  if (!content || status === 304 || req.method === 'HEAD') return undefined;
  const json = content['application/json'];
  if (json) {
    if (!isJson) return `${where}: ${operation.operationId} declares JSON, got "${type}"`;
    if (!raw) return undefined; // too large to capture
    const validate = validatorFor(`${route.path} ${method} ${status}`, json.schema ?? {});
    if (!validate(parse()))
      return `${where}: body does not match ${operation.operationId}'s schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`;
    return undefined;
  }
  const declaredTypes = Object.keys(content);
  if (!declaredTypes.some((declaredType) => type.startsWith(declaredType)))
    return `${where}: ${operation.operationId} declares ${declaredTypes.join(', ')}, got "${type}"`;
  return undefined;
}

/** Express middleware (AppOptions.observe): capture the bytes sent, check them when the response finishes. */
export const checkContract: RequestHandler = (req, res, next) => {
  const chunks: Buffer[] = [];
  let size = 0;
  const capture = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_CAPTURE) return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += buffer.length;
    if (size <= MAX_CAPTURE) chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((...args: unknown[]) => {
    capture(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    capture(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  res.once('finish', () => {
    try {
      const violation = check(req, res, size > MAX_CAPTURE ? undefined : Buffer.concat(chunks));
      if (violation) contractViolations.push(violation);
    } catch (error) {
      contractViolations.push(`${req.method} ${req.originalUrl} → ${res.statusCode}: could not be checked: ${(error as Error).message}`);
    }
  });
  next();
};
