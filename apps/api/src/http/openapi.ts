import { z } from 'zod';
import { ERROR_STATUS, ErrorResponseSchema } from '@prongsai/shared';
import { definedRoutes, type RouteDefinition } from './define-route';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operationOf(route: RouteDefinition) {
  const status = String(route.status ?? 200);
  const success = route.produces
    ? { description: 'file', content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } } }
    : route.status === 204
      ? { description: 'no content' }
      : { description: 'ok', content: { 'application/json': { schema: route.response ? toSchema(route.response, 'output') : {} } } };
  const errors = ['400', ...(route.anonymous ? [] : ['401', '403']), '404', '409', '429'];
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    security: route.anonymous ? [] : [{ session: [] }],
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries(errors.map((code) => [code, { $ref: '#/components/responses/Error' }])),
    },
  };
}

let cached: object | undefined;

/** OpenAPI 3.1, generated from the same Zod schemas that parse requests and shape responses. */
export function openApiDocument(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of definedRoutes()) {
    const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [route.method]: operationOf(route) };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai API',
      version: '1',
      description:
        'Integrity and transparency measures of Thai local governments. Writes need the session cookie and, without an Origin header, `x-prongsai-csrf: 1`. Errors: ' +
        Object.entries(ERROR_STATUS)
          .map(([code, status]) => `${code} (${status})`)
          .join(', '),
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_session' } },
      responses: { Error: { description: 'error', content: { 'application/json': { schema: toSchema(ErrorResponseSchema, 'output') } } } },
    },
    paths,
  };
  return cached;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A readable, dependency-free page of the document (no CDN, no inline script: CSP-safe). */
export function openApiHtml(): string {
  const doc = openApiDocument() as {
    paths: Record<
      string,
      Record<string, { summary: string; tags: string[]; parameters: unknown[]; requestBody?: unknown; responses: unknown }>
    >;
  };
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const block = `<details><summary><code class="m ${method}">${method.toUpperCase()}</code> <code>${escapeHtml(path)}</code> — ${escapeHtml(operation.summary)}</summary>
<pre>${escapeHtml(JSON.stringify({ parameters: operation.parameters, requestBody: operation.requestBody, responses: operation.responses }, null, 2))}</pre></details>`;
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), block]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, blocks]) => `<section><h2>${escapeHtml(tag)}</h2>${blocks.join('\n')}</section>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Prongsai API</title><style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
details{border:1px solid #ccd;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}pre{overflow:auto;background:#f6f8fa;padding:.6rem;font-size:.8rem}
.m{font-weight:700;display:inline-block;min-width:4.5rem}.get{color:#05603a}.post{color:#1d4ed8}.patch,.put{color:#92400e}.delete{color:#b91c1c}</style></head>
<body><h1>Prongsai API v1</h1><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, generated from the shared Zod schemas).</p>
${sections}</body></html>`;
}
