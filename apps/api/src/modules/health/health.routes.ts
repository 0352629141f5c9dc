import { Router } from 'express';
import { HealthResponseSchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { openApiDocument } from '../../http/openapi';
import { getHealth } from './health.service';

export const healthRouter = Router();

defineRoute(
  healthRouter,
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness and database check (503 when the database is down)',
    tag: 'system',
    response: HealthResponseSchema,
    anonymous: true,
    operationId: 'getHealth',
    responses: { 503: { description: 'The database does not answer', schema: HealthResponseSchema } },
  },
  async ({ res }) => {
    const health = await getHealth();
    if (health.status === 'ok') return health;
    res.status(503).json(HealthResponseSchema.parse(health));
  },
);

defineRoute(
  healthRouter,
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'system',
    anonymous: true,
    operationId: 'getOpenApiDocument',
  },
  async () => openApiDocument(),
);
