import { Router } from 'express';
import { CodebookListResponseSchema, CodebookParamsSchema, CodebookSchema, UploadCodebookInputSchema } from '@prongsai/shared';
import { parseBody, parseParams, shape } from '../../http/parse';
import { getCodebook, listCodebooks, uploadCodebook } from './indicators.service';

export const indicatorsRouter = Router();

indicatorsRouter.get('/codebooks', async (_req, res) => {
  res.json(shape(CodebookListResponseSchema, { items: await listCodebooks() }));
});

indicatorsRouter.get('/codebooks/:fiscalYear', async (req, res) => {
  const { fiscalYear } = parseParams(req, CodebookParamsSchema);
  res.json(shape(CodebookSchema, await getCodebook(fiscalYear)));
});

indicatorsRouter.put('/codebooks/:fiscalYear', async (req, res) => {
  const { fiscalYear } = parseParams(req, CodebookParamsSchema);
  const input = parseBody(req, UploadCodebookInputSchema);
  res.json(shape(CodebookSchema, await uploadCodebook(req.actor, fiscalYear, input)));
});
