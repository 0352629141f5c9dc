import { Router } from 'express';
import { CodebookListResponseSchema, CodebookParamsSchema, CodebookSchema, UploadCodebookInputSchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { getCodebook, listCodebooks, uploadCodebook } from './indicators.service';

export const indicatorsRouter = Router();
const tag = 'indicators';

defineRoute(
  indicatorsRouter,
  { method: 'get', path: '/codebooks', summary: 'The OIT codebooks by fiscal year', tag, response: CodebookListResponseSchema },
  async () => ({
    items: await listCodebooks(),
  }),
);

defineRoute(
  indicatorsRouter,
  {
    method: 'get',
    path: '/codebooks/:fiscalYear',
    summary: "One fiscal year's OIT items (O1…On)",
    tag,
    params: CodebookParamsSchema,
    response: CodebookSchema,
  },
  async ({ params }) => getCodebook(params.fiscalYear),
);

defineRoute(
  indicatorsRouter,
  {
    method: 'put',
    path: '/codebooks/:fiscalYear',
    summary: "Admin: replace a fiscal year's codebook from CSV (code,title,group)",
    tag,
    params: CodebookParamsSchema,
    body: UploadCodebookInputSchema,
    response: CodebookSchema,
  },
  async ({ actor, params, body }) => uploadCodebook(actor, params.fiscalYear, body),
);
