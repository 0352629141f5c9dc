import { Router } from 'express';
import { HealthResponseSchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { openApiDocument, openApiHtml } from '../../http/openapi';
import { isDatabaseUp } from './health.service';

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
  },
  async ({ res }) => {
    if (await isDatabaseUp()) return { status: 'ok' as const, db: 'ok' as const };
    res.status(503).json(HealthResponseSchema.parse({ status: 'degraded', db: 'down' }));
  },
);

defineRoute(
  healthRouter,
  { method: 'get', path: '/openapi.json', summary: 'This API as an OpenAPI 3.1 document', tag: 'system', anonymous: true },
  async () => openApiDocument(),
);

/** The browsable page of the document lives at /api/docs (outside /api/v1). */
export const docsRouter = Router();
docsRouter.get('/docs', (_req, res) => {
  res.type('html').send(openApiHtml());
});
