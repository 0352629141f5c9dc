import { Router } from 'express';
import { AuditListResponseSchema, AuditQuerySchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { listAudit } from './audit.service';

export const auditRouter = Router();

defineRoute(
  auditRouter,
  {
    method: 'get',
    path: '/audit',
    summary: 'Audit trail of the records the caller may see (admins: all)',
    tag: 'audit',
    query: AuditQuerySchema,
    response: AuditListResponseSchema,
  },
  async ({ actor, query }) => listAudit(actor, query),
);
