import { Router } from 'express';
import { HealthResponseSchema } from '@prongsai/shared';
import { shape } from '../../http/parse';
import { getPrisma } from '../../lib/prisma';

export const healthRouter = Router();

healthRouter.get('/health', async (_req, res) => {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    res.json(shape(HealthResponseSchema, { status: 'ok', db: 'ok' }));
  } catch {
    res.status(503).json(shape(HealthResponseSchema, { status: 'degraded', db: 'down' }));
  }
});
