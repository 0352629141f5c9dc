import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, IMPORT_PLACES, PARSE_PROBLEM_KINDS, SERVER_ISSUE_CODES } from '@prongsai/shared';
import { testApp } from '../../test/app';
import { checkContract } from '../../test/contract';
import { contractViolations } from '../../test/contract-violations';
import { createUser, signIn } from '../../test/factories';
import { definedRoutes } from './define-route';

const app = testApp();

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, Record<string, unknown>> };
}

async function fetchDocument(): Promise<Document> {
  const response = await request(app).get('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  return response.body as Document;
}

const operation = (document: Document, method: string, path: string) => document.paths[`/api/v1${path}`]![method]!;
const statuses = (op: Operation) => Object.keys(op.responses);
const component = (document: Document, ref: string) => document.components.schemas[ref.replace('#/components/schemas/', '')]!;

describe('OpenAPI document', () => {
  it('when fetched, then it is OpenAPI 3.1 with every defined route, and every $ref resolves to a named component', async () => {
    const document = await fetchDocument();

    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops));
    expect(operations).toHaveLength(definedRoutes().length);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(schemas|responses|headers)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(100);
    const components = document.components as unknown as Record<string, Record<string, unknown>>;
    expect(refs.filter(([, kind, name]) => !components[kind!]![name!])).toEqual([]);
    // The plan is one component, referenced, not inlined in each operation.
    expect(JSON.stringify(operation(document, 'get', '/plans/{planId}').responses['200'])).toContain('#/components/schemas/PlanDetail');
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['PlanDetail', 'Measure', 'Agency', 'ErrorResponse']));
    const patch = operation(document, 'patch', '/measures/{measureId}');
    expect(component(document, patch.requestBody!.content['application/json']!.schema.$ref).required).toContain('version');
    expect(patch.parameters[0]).toMatchObject({ name: 'measureId', in: 'path', required: true });
  });

  it('when the operationIds are read, then each is unique and usable as a code name', async () => {
    const document = await fetchDocument();

    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(operation(document, 'get', '/plans/{planId}').operationId).toBe('getPlan');
    expect(operation(document, 'patch', '/measures/{measureId}').operationId).toBe('updateMeasure');
    expect(operation(document, 'post', '/plans/{planId}/submit').operationId).toBe('submitPlan');
    expect(operation(document, 'get', '/agencies/{agencyId}/plans').operationId).toBe('listAgencyPlans');
  });

  it('when statuses are read, then each operation declares what it really answers and nothing it cannot', async () => {
    const document = await fetchDocument();

    const health = operation(document, 'get', '/health');
    const login = operation(document, 'post', '/auth/login');
    const preview = operation(document, 'post', '/agencies/{agencyId}/imports/preview');
    const publicSummary = operation(document, 'get', '/public/summary');
    const update = operation(document, 'patch', '/measures/{measureId}');
    const exportCsv = operation(document, 'get', '/public/exports/measures.csv');

    expect(statuses(health).sort()).toEqual(['200', '400', '413', '415', '500', '503']);
    expect(statuses(login)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '415', '429', '503']));
    expect(login.responses['200']!.headers).toHaveProperty('Set-Cookie');
    expect(statuses(preview)).toEqual(expect.arrayContaining(['422', '413', '415', '403', '503']));
    expect(statuses(publicSummary)).toEqual(expect.arrayContaining(['200', '304', '429']));
    expect(statuses(publicSummary)).not.toContain('401');
    expect(publicSummary.responses['200']!.headers).toHaveProperty('ETag');
    expect(statuses(update)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '415', '503']));
    expect(statuses(exportCsv)).toEqual(expect.arrayContaining(['200', '429', '503']));
    expect(statuses(operation(document, 'get', '/plans/{planId}'))).not.toContain('409');
  });

  it('when security is read, then reads need the session, writes the session and the CSRF header, public reads nothing', async () => {
    const document = await fetchDocument();

    expect(document.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-prongsai-csrf' });
    expect(operation(document, 'get', '/plans/{planId}').security).toEqual([{ session: [] }]);
    expect(operation(document, 'patch', '/measures/{measureId}').security).toEqual([{ session: [], csrf: [] }]);
    expect(operation(document, 'post', '/auth/login').security).toEqual([{ csrf: [] }]);
    expect(operation(document, 'get', '/public/summary').security).toEqual([]);
  });

  it('when schemas are read, then the rules the server enforces are visible: http(s) URLs, dates, non-blank text, 2–6 UUIDs', async () => {
    const document = await fetchDocument();

    const compare = operation(document, 'get', '/review/compare').parameters.find((p) => p.name === 'agencyIds')!;
    const pattern = new RegExp(compare.schema.pattern as string);
    const id = '0b9a3c1e-7a52-4b6e-9c33-1f2a3b4c5d6e';

    expect(document.components.schemas.HttpUrlInput).toMatchObject({ format: 'uri' });
    expect(new RegExp(document.components.schemas.HttpUrlInput!.pattern as string).test('javascript:alert(1)')).toBe(false);
    expect(new RegExp(document.components.schemas.HttpUrlInput!.pattern as string).test('https://example.go.th/x')).toBe(true);
    expect(document.components.schemas.IsoDateInput).toMatchObject({ format: 'date' });
    expect(new RegExp(document.components.schemas.IsoDateInput!.pattern as string).test('2566-03-07')).toBe(false);
    const title = (
      component(document, operation(document, 'post', '/plans/{planId}/measures').requestBody!.content['application/json']!.schema.$ref)
        .properties as Record<string, { pattern: string }>
    ).title!;
    expect(new RegExp(title.pattern).test('   ')).toBe(false);
    expect(pattern.test([id, id].join(','))).toBe(true);
    expect(pattern.test(id)).toBe(false);
    expect(pattern.test(Array(7).fill(id).join(','))).toBe(false);
  });
});

describe('the response contract check (test/contract.ts)', () => {
  it('when a response has a status its operation does not declare, then the check records a violation', async () => {
    // Arrange: a real server whose /health answers 409, which getHealth does not declare.
    await request(app).get('/api/v1/health'); // the document is built from the registered routes
    const rogue = express()
      .use(checkContract)
      .get('/api/v1/health', (_req, res) => {
        res.status(409).json({ error: { code: 'CONFLICT', message: 'x' } });
      })
      .get('/api/v1/auth/me', (_req, res) => {
        res.status(200).json({ user: { id: 42 } });
      });

    // Act
    await request(rogue).get('/api/v1/health');
    await request(rogue).get('/api/v1/auth/me');
    const violations = contractViolations.splice(0);

    // Assert
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain('getHealth does not declare 409');
    expect(violations[1]).toContain("body does not match getCurrentUser's schema");
  });
});

describe('routing', () => {
  it('when an unknown /api path is requested, then it answers 404 to anonymous and signed-in callers alike', async () => {
    const agent = await signIn(app, await createUser('national_admin'));

    for (const path of ['/api/v1/nope', '/api/v1/plans', '/api/v1/PLANS/x/y/z', '/api/other']) {
      const anonymous = await request(app).get(path);
      const signedIn = await agent.get(path);
      expect([path, anonymous.status, anonymous.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
      expect([path, signedIn.status]).toEqual([path, 404]);
    }
  });

  it('when a known path is used with a method it does not have, then 405 with Allow, signed in or not', async () => {
    const agent = await signIn(app, await createUser('national_admin'));

    const anonymous = await request(app).delete('/api/v1/public/summary');
    const signedIn = await agent.put('/api/v1/plans/0b9a3c1e-7a52-4b6e-9c33-1f2a3b4c5d6e').set('x-prongsai-csrf', '1');

    expect(anonymous.status).toBe(405);
    expect(anonymous.headers.allow).toBe('GET, HEAD');
    expect(anonymous.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(signedIn.status).toBe(405);
    expect(signedIn.headers.allow).toBe('GET, HEAD, PATCH');
  });

  it('when a path differs only by case or a trailing slash, then it behaves the same signed in or not', async () => {
    const agent = await signIn(app, await createUser('national_admin'));

    for (const path of ['/api/v1/health/', '/api/v1/HEALTH', '/api/v1/Public/Summary', '/api/v1/public/summary/']) {
      expect([path, (await request(app).get(path)).status]).toEqual([path, 200]);
      expect([path, (await agent.get(path)).status]).toEqual([path, 200]);
    }
    for (const path of ['/api/v1/auth/me/', '/api/v1/AUTH/ME']) {
      expect([path, (await request(app).get(path)).status]).toEqual([path, 401]);
      expect([path, (await agent.get(path)).status]).toEqual([path, 200]);
    }
  });
});

describe('/api/docs', () => {
  it('when opened without a session, then Swagger UI loads from our own origin under the app CSP, with no CDN', async () => {
    const page = await request(app).get('/api/docs');
    const bundle = await request(app).get('/api/docs/assets/swagger-ui-bundle.js');
    const css = await request(app).get('/api/docs/assets/swagger-ui.css');
    const init = await request(app).get('/api/docs/init.js');
    const other = await request(app).get('/api/docs/assets/package.json');

    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.every((source) => source!.startsWith('/api/'))).toBe(true);
    expect(page.text).not.toMatch(/<script>(?!<)/);
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(css.status).toBe(200);
    expect(init.text).toContain("url: '/api/v1/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
    expect(other.status).toBe(404);
  });

  it('when the document is read, then it has sections on sign-in, CSRF and errors with every code', async () => {
    const response = await request(app).get('/api/v1/openapi.json');
    const description = response.body.info.description as string;

    expect(description).toContain('## Sign-in');
    expect(description).toContain('## CSRF');
    expect(description).toContain('## Errors');
    for (const code of ['VALIDATION_FAILED', 'CSRF_REJECTED', 'IMPORT_UNPARSABLE', 'METHOD_NOT_ALLOWED', 'SERVICE_UNAVAILABLE']) {
      expect(description).toContain(`\`${code}\``);
    }
    // The hand-written codes (ADR 026), each from its shared list.
    for (const code of [ERROR_REASONS, SERVER_ISSUE_CODES, PARSE_PROBLEM_KINDS, IMPORT_PLACES].flatMap(Object.keys)) {
      expect(description).toContain(`| \`${code}\` |`);
    }
  });
});
