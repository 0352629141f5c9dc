import { Router } from 'express';
import { AuditListResponseSchema, AuditQuerySchema } from '@prongsai/shared';
import { parseQuery, shape } from '../../http/parse';
import { listAudit } from './audit.service';

export const auditRouter = Router();

auditRouter.get('/audit', async (req, res) => {
  const query = parseQuery(req, AuditQuerySchema);
  res.json(shape(AuditListResponseSchema, await listAudit(req.actor, query)));
});
