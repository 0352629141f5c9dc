import { z } from 'zod';
import * as shared from '@prongsai/shared';
import {
  ERROR_REASONS,
  ERROR_STATUS,
  ErrorResponseSchema,
  IMPORT_PLACES,
  PARSE_PROBLEM_KINDS,
  SERVER_ISSUE_CODES,
  type ErrorCode,
} from '@prongsai/shared';
import { definedRoutes, type RouteDefinition } from './define-route';
import { CSRF_HEADER } from './csrf';
import { SESSION_COOKIE } from './cookies';

/**
 * The OpenAPI 3.1 document, generated from the route registry (http/define-route.ts) and the same
 * Zod schemas that parse requests and shape responses (ADR 012):
 * - every shared `XSchema` a route reaches is one named component `X` (`XInput` where the request
 *   side differs), referenced with `$ref`, never inlined;
 * - each operation's statuses are derived from what its definition knows (method, anonymous, body,
 *   params, file, cache) plus its explicit `errors`, and nothing else;
 * - operationIds are derived from the method and the path (`getPlan`, `updateMeasure`), or given.
 */

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

export const isWrite = (route: Pick<RouteDefinition, 'method'>) => route.method !== 'get';

// ------------------------------------------------------------------ operation ids

const pascal = (word: string) =>
  word
    .split(/[-_.]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
const singular = (word: string) =>
  word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
const isPlural = (word: string) => /s$/.test(word) && !word.endsWith('ss');
const VERB_OF_METHOD = { put: 'set', patch: 'update', delete: 'delete' } as const;

/**
 * `getPlan`, `listAgencyPlans`, `createPlanMeasure`, `updateMeasure`, `submitPlan`,
 * `getPlanReportDocx`: the verb from the method and the path's shape, the nouns from its fixed
 * segments (singular before an id). A definition's own `operationId` wins.
 */
export function operationIdOf(route: Pick<RouteDefinition, 'method' | 'path' | 'status' | 'operationId'>): string {
  if (route.operationId) return route.operationId;
  const segments = route.path.split('/').filter(Boolean);
  const last = segments.at(-1)!;
  const endsWithParam = last.startsWith(':');
  const nouns = (parts: string[]) =>
    parts
      .map((segment, index) => {
        if (segment.startsWith(':')) return '';
        const next = parts[index + 1];
        return pascal(next?.startsWith(':') ? singular(segment) : segment);
      })
      .join('');
  if (route.method === 'get') {
    const verb = endsWithParam || last.includes('.') || !isPlural(last) ? 'get' : 'list';
    return verb + nouns(segments);
  }
  if (route.method !== 'post') return VERB_OF_METHOD[route.method] + nouns(segments);
  if (route.status === 201) {
    const object = endsWithParam ? segments : [...segments.slice(0, -1), singular(last)];
    return `create${nouns(object)}`;
  }
  // An action on a resource: POST /plans/:planId/submit → submitPlan.
  if (!endsWithParam && !isPlural(last)) return last.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) + nouns(segments.slice(0, -1));
  return `post${nouns(segments)}`;
}

// ------------------------------------------------------------------ statuses

/** Every code of a status (for the per-status error responses). */
const codesOf = (status: number) => (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((code) => ERROR_STATUS[code] === status);

/**
 * The error codes an operation can answer, from facts its definition knows. Middleware that runs for
 * every /api request (authenticate, the body parsers, the CSRF guard) decides most of them.
 */
export function errorCodesOf(route: RouteDefinition): ErrorCode[] {
  const codes = new Set<ErrorCode>(['INTERNAL', 'SERVICE_UNAVAILABLE']);
  const write = isWrite(route);
  if (route.params || route.query || route.body || route.upload) codes.add('VALIDATION_FAILED');
  // The body parsers read the body of any request that has one (a GET's too) before the route runs:
  // one they cannot read is a 400, 413 or 415 whatever the operation.
  for (const code of ['INVALID_JSON', 'INVALID_ENCODING', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) codes.add(code);
  if (write) codes.add('CSRF_REJECTED');
  if (!route.anonymous) {
    codes.add('UNAUTHENTICATED');
    codes.add('FORBIDDEN');
    // A write to a record (an id or a body) can meet a taken unique value, a newer version or a wrong state.
    if (write && (route.params || route.body || route.upload))
      for (const code of ['CONFLICT', 'VERSION_CONFLICT', 'INVALID_STATE'] as const) codes.add(code);
  }
  // An id anywhere in the request (path, query, body) may name a record that is missing or out of scope.
  if (!route.anonymous || route.params) {
    if (route.params || route.query || route.body) codes.add('NOT_FOUND');
  }
  if (route.path.startsWith('/public/')) codes.add('RATE_LIMITED');
  for (const code of route.errors ?? []) codes.add(code);
  return [...codes];
}

// ------------------------------------------------------------------ schemas

const COMPONENTS = '#/components/schemas/';

/** Shared metadata (`.meta({ pattern, format })`) carried into the emitted schema. */
const withSharedMeta = ({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
  const meta = z.globalRegistry.get(zodSchema as z.ZodType) as Record<string, unknown> | undefined;
  if (!meta) return;
  const { id: _id, ...rest } = meta;
  Object.assign(jsonSchema, rest);
};

const strip = (schema: JsonSchema): JsonSchema => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

/** Every exported `XSchema` of the shared package (the named components, when a route reaches them). */
const SHARED_SCHEMAS = (Object.entries(shared) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => entry[0].endsWith('Schema') && entry[1] instanceof z.ZodType,
);

class SchemaSet {
  private readonly registry = z.registry<{ id: string }>();

  constructor(private readonly io: Io) {
    for (const [name, schema] of SHARED_SCHEMAS) {
      if (this.registry.has(schema)) continue;
      const base = name.slice(0, -'Schema'.length);
      // Request schemas are named for the request side (`CreateMeasureInput`), the rest for responses
      // (`Measure`); the other side of either gets a suffix, so the two never share a name.
      const requestSide = /(Input|Query|Params)$/.test(base);
      const id = io === 'input' ? (requestSide ? base : `${base}Input`) : requestSide ? `${base}Output` : base;
      this.registry.add(schema, { id });
    }
  }

  /** A `$ref` to the schema, registered under `fallbackId` when it is not a shared one. */
  ref(schema: z.ZodType, fallbackId: string): JsonSchema {
    if (!this.registry.has(schema)) this.registry.add(schema, { id: fallbackId });
    return { $ref: `${COMPONENTS}${this.registry.get(schema)!.id}` };
  }

  emit(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, {
      io: this.io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      uri: (id) => `${COMPONENTS}${id}`,
      override: withSharedMeta,
    }) as { schemas: Record<string, JsonSchema> };
    return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema)]));
  }
}

/** Path and query parameters: one per property, inline (a parameter cannot be a `$ref` to an object). */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', override: withSharedMeta }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** The small form fields of an upload, inline (the multipart schema is an object of its own). */
function multipartFieldsOf(schema: z.ZodType): Record<string, JsonSchema> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as {
    properties?: Record<string, JsonSchema>;
  };
  return json.properties ?? {};
}

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function operationOf(route: RouteDefinition, inputs: SchemaSet, outputs: SchemaSet) {
  const operationId = operationIdOf(route);
  const name = pascal(operationId);
  const status = route.status ?? 200;
  const success: JsonSchema = route.produces
    ? {
        description: 'The file',
        content: Object.fromEntries(
          [route.produces].flat().map((type) => [type, { schema: { type: 'string', contentEncoding: 'binary' } }]),
        ),
      }
    : status === 204
      ? { description: 'Done; no content' }
      : {
          description: 'OK',
          content: { 'application/json': { schema: route.response ? outputs.ref(route.response, `${name}Response`) : {} } },
        };
  if (route.cache) success.headers = { ETag: headerRef('ETag') };
  if (route.setsCookie) success.headers = { ...(success.headers as object), 'Set-Cookie': headerRef('SetSessionCookie') };
  const responses: Record<string, JsonSchema> = { [String(status)]: success };
  if (route.cache)
    responses['304'] = { description: 'Not modified: the `If-None-Match` ETag is still current', headers: { ETag: headerRef('ETag') } };
  const statuses = [...new Set(errorCodesOf(route).map((code) => ERROR_STATUS[code]))].sort();
  for (const errorStatus of statuses) responses[String(errorStatus)] = { $ref: `#/components/responses/Error${errorStatus}` };
  for (const [answer, extra] of Object.entries(route.responses ?? {})) {
    const schema = outputs.ref(extra.schema, `${name}${answer}`);
    const error = responses[answer] ? { $ref: `${COMPONENTS}Error${answer}` } : undefined;
    responses[answer] = {
      description: extra.description,
      content: { 'application/json': { schema: error ? { anyOf: [schema, error] } : schema } },
    };
  }
  const security = route.anonymous
    ? isWrite(route)
      ? [{ csrf: [] }]
      : []
    : isWrite(route)
      ? [{ session: [], csrf: [] }]
      : [{ session: [] }];
  return {
    operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security,
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: inputs.ref(route.body, `${name}Body`) } } } }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    ...multipartFieldsOf(route.upload.fields),
                    file: { type: 'string', format: 'binary' },
                  },
                },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** Only the components something refers to (a linter flags the rest, and readers do not need them). */
function reachable(document: { paths: unknown; components: { schemas: Record<string, JsonSchema> } & Record<string, unknown> }) {
  const used = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENTS)) {
        const id = value.slice(COMPONENTS.length);
        if (!used.has(id)) {
          used.add(id);
          visit(document.components.schemas[id]);
        }
      } else visit(value);
    }
  };
  visit(document.paths);
  visit(document.components.responses);
  return Object.fromEntries(
    Object.entries(document.components.schemas)
      .filter(([id]) => used.has(id))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const description =
  () => `Integrity and transparency measures of Thai local governments (ITA/OIT): plans, measures, reviews, reports and open data.

## Sign-in
\`POST /api/v1/auth/login\` with e-mail and password sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Lax; Secure behind TLS). Every other operation under \`/api/v1\` needs it, except the public ones (\`/api/v1/public/…\`, \`/health\`, this document), which are open to anyone. A session ends after a period without use or at its absolute limit; \`POST /api/v1/auth/logout\` ends it at once.

## CSRF
A write (POST, PUT, PATCH, DELETE) must either come from an allowed \`Origin\` (the API's own, or one configured in ALLOWED_ORIGINS) or, when the client sends no \`Origin\` (scripts, the CLI), carry the header \`${CSRF_HEADER}: 1\`. A foreign \`Origin\` is always refused: 403 \`CSRF_REJECTED\`.

## Errors
Every error has the same body: \`{ "error": { "code", "message", "reason"?, "params"?, "requestId", "issues"?, "current"? } }\`. \`message\` is Thai, for people; \`code\` is for programs; \`reason\` (with the values it names in \`params\`) says exactly what went wrong when \`code\` alone is broad; \`issues\` names each invalid field (\`body.actions.2\`) with its own \`code\`, \`params\` and Thai \`message\`; \`current\` comes with \`VERSION_CONFLICT\` (the record as it is now). 429 and 503 carry \`Retry-After\` (seconds). An unknown path answers 404 to everyone; a known path with a method it does not support answers 405 with \`Allow\`. Clients that show errors to people should write them from \`code\`, \`reason\`, issue codes and \`params\` in their own language; the codes below are stable, the Thai texts are not.

| code | status | meaning |
|---|---|---|
${(Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${ERROR_MEANING[code]} |`).join('\n')}

### Reasons (\`error.reason\`)

| reason | code and \`params\` |
|---|---|
${codeTable(ERROR_REASONS)}

### Issue codes the server writes itself (\`issues[].code\`)

Besides Zod's own codes (\`too_small\`, \`too_big\`, \`invalid_type\`, \`invalid_format\`, \`custom\` with \`params.key\`, …), for the lines of an uploaded CSV (path \`body.csv.line<N>.<column>\`):

| code | meaning and \`params\` |
|---|---|
${codeTable(SERVER_ISSUE_CODES)}

### Import problems (\`PARSE_PROBLEM\` warnings of an import preview)

An import preview answers 200 with what it could read; what it could not is a quality warning \`PARSE_PROBLEM\` whose \`params.kind\` names the problem (CSV rows also carry \`params.line\`, the header being line 1; \`params.value\` is the cell or text as written). A \`PARSE_PROBLEM\` without a kind has only its Thai \`message\`.

| kind | meaning and \`params\` |
|---|---|
${codeTable(PARSE_PROBLEM_KINDS)}

A problem the report reader found at a place in the source names it in \`params.place\`, with that place's numbers beside it:

| place | meaning and \`params\` |
|---|---|
${codeTable(IMPORT_PLACES)}
`;

/** A Markdown table body of stable codes and what each means. */
const codeTable = (codes: Record<string, string>) =>
  Object.entries(codes)
    .map(([code, meaning]) => `| \`${code}\` | ${meaning} |`)
    .join('\n');

const ERROR_MEANING: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'A parameter, query or body field is invalid; see `issues`.',
  INVALID_JSON: 'The body is not well-formed JSON.',
  INVALID_ENCODING: 'The body is not valid UTF-8.',
  UNAUTHENTICATED: 'No valid session: sign in.',
  INVALID_CREDENTIALS: 'Wrong e-mail or password.',
  FORBIDDEN: 'Signed in, but this role or scope may not do this.',
  CSRF_REJECTED: 'A write without an allowed Origin or the CSRF header.',
  NOT_FOUND: 'No such record, or not one this caller may see; or no such path.',
  METHOD_NOT_ALLOWED: 'The path exists, but not with this method; `Allow` lists the methods it has.',
  CONFLICT: 'The record already exists (a unique value is taken).',
  VERSION_CONFLICT: 'Someone changed the record since it was read; `current` holds it now.',
  INVALID_STATE: 'The record is not in a state that allows this (e.g. a published plan).',
  PAYLOAD_TOO_LARGE: 'The body is larger than the limit (8 MB JSON, 5 MB text).',
  UNSUPPORTED_MEDIA_TYPE: 'A body in a media type or charset the API does not read.',
  IMPORT_UNPARSABLE: 'The parser gave up on the upload (time, memory, a format it does not read); `reason` and `issues[0].code` say why.',
  ARCHIVE_LIMIT_EXCEEDED: 'An uploaded .docx unpacks to more entries or bytes than allowed; `reason` says which, `params` the limit.',
  SERIOUS_WARNINGS_UNACKNOWLEDGED:
    'Accept or publish while serious quality warnings are open: `warnings` lists them; a reviewer acknowledges each with a reason.',
  ACKNOWLEDGED_WARNING_NOT_FOUND: 'An acknowledgement names a serious warning the plan does not have; `issues` point at each.',
  RATE_LIMITED: 'Too many requests (or downloads at once) from this client; wait `Retry-After` seconds.',
  INTERNAL: 'A fault of the server; quote `requestId` when reporting it.',
  SERVICE_UNAVAILABLE: 'Busy (a pool or queue is full) or the database is unreachable; retry after `Retry-After` seconds.',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable upload',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

let cached: object | undefined;

/** OpenAPI 3.1, generated from the same Zod schemas that parse requests and shape responses. */
export function openApiDocument(): object {
  if (cached) return cached;
  const inputs = new SchemaSet('input');
  const outputs = new SchemaSet('output');
  outputs.ref(ErrorResponseSchema, 'ErrorResponse');
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = [...definedRoutes()].sort((a, b) => a.path.localeCompare(b.path));
  for (const route of routes) {
    const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [route.method]: operationOf(route, inputs, outputs) };
  }
  const errorStatuses = [...new Set(Object.values(ERROR_STATUS))].sort();
  const errorSchemas = Object.fromEntries(
    errorStatuses.map((status) => [
      `Error${status}`,
      {
        description: `An error answered with ${status}: ${codesOf(status).join(', ')}.`,
        allOf: [
          { $ref: `${COMPONENTS}ErrorResponse` },
          { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: codesOf(status) } } } } },
        ],
      },
    ]),
  );
  const responses = Object.fromEntries(
    errorStatuses.map((status) => [
      `Error${status}`,
      {
        description: `${STATUS_TEXT[status] ?? 'Error'}: ${codesOf(status).join(', ')}`,
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': headerRef('RetryAfter') } } : {}),
        content: { 'application/json': { schema: { $ref: `${COMPONENTS}Error${status}` } } },
      },
    ]),
  );
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai API',
      version: '1',
      description: description(),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The origin that serves this document' }],
    tags: [...new Set(routes.map((route) => route.tag))].sort().map((tag) => ({ name: tag, description: TAG_DESCRIPTIONS[tag] ?? tag })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by `POST /api/v1/auth/login`.' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description: `Writes only: send \`${CSRF_HEADER}: 1\` unless the request carries an allowed \`Origin\`.`,
        },
      },
      headers: {
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
        ETag: {
          description: 'A strong validator; send it back in `If-None-Match` to get 304 while nothing changed.',
          schema: { type: 'string' },
        },
        SetSessionCookie: {
          description: `\`${SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/\` (and \`Secure\` behind TLS); cleared on logout.`,
          schema: { type: 'string' },
        },
      },
      responses,
      schemas: {} as Record<string, JsonSchema>,
    },
  };
  document.components.schemas = { ...inputs.emit(), ...outputs.emit(), ...errorSchemas };
  const usedResponses = new Set([...JSON.stringify(paths).matchAll(/#\/components\/responses\/(\w+)/g)].map((match) => match[1]!));
  document.components.responses = Object.fromEntries(Object.entries(responses).filter(([name]) => usedResponses.has(name)));
  document.components.schemas = reachable(document);
  cached = document;
  return cached;
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  system: 'Health and this document.',
  auth: 'Sign-in, sign-out and passwords.',
  agencies: 'Provinces, districts and agencies.',
  plans: 'Annual plans and their lifecycle.',
  measures: 'Measures of a plan and their progress timeline.',
  reviews: 'Reviewer comments.',
  review: 'Province overviews, comparisons and trends for reviewers.',
  reports: 'Report import, rendered reports and open-data exports.',
  indicators: 'OIT codebooks and ITA results.',
  users: 'Administration of users.',
  audit: 'The audit log.',
  public: 'What anyone may read: published plans and summaries.',
  notifications: "In-app notifications, how each kind is delivered (app, e-mail at once, daily digest), reviewers' queue.",
  calendar: 'The ITA calendar per fiscal year: deadlines, what is due, near or overdue.',
  similarity: 'The copy detector: texts other agencies share, for reviewers (ADR 014).',
};
