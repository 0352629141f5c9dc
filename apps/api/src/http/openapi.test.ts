import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { definedRoutes } from './define-route';

const app = testApp();

describe('OpenAPI', () => {
  it('when fetched, then it is OpenAPI 3.1 with every defined route and its request schema', async () => {
    const response = await request(app).get('/api/v1/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const operations = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(operations).toHaveLength(definedRoutes().length);
    const patch = response.body.paths['/api/v1/measures/{measureId}'].patch;
    expect(patch.requestBody.content['application/json'].schema.required).toContain('version');
    expect(patch.parameters[0]).toMatchObject({ name: 'measureId', in: 'path', required: true });
  });

  it('when the docs page is opened without a session, then it lists the endpoints', async () => {
    const response = await request(app).get('/api/docs');

    expect(response.status).toBe(200);
    expect(response.text).toContain('/api/v1/plans/{planId}/submit');
  });
});
