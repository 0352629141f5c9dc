import { Router } from 'express';
import { CopyClustersQuerySchema, CopyClustersResponseSchema, PlanParamsSchema, SimilarMeasuresResponseSchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { getSimilarMeasures, listCopyClusters } from './similarity.service';

export const similarityRouter = Router();
const tag = 'similarity';

defineRoute(
  similarityRouter,
  {
    method: 'get',
    path: '/plans/:planId/similar-measures',
    summary:
      "Reviewer: the plan's measures whose title, sub-actions, result or summary other agencies' plans (same and previous fiscal year, whole country) share, as template, similar or copied, with who wrote first",
    tag,
    params: PlanParamsSchema,
    response: SimilarMeasuresResponseSchema,
  },
  async ({ actor, params }) => getSimilarMeasures(actor, params.planId),
);

defineRoute(
  similarityRouter,
  {
    method: 'get',
    path: '/review/copy-clusters',
    summary:
      'Reviewer: the largest groups of results and summaries several agencies share word for word in a fiscal year (templates left out), in the province or the whole country',
    tag,
    query: CopyClustersQuerySchema,
    response: CopyClustersResponseSchema,
  },
  async ({ actor, query }) => listCopyClusters(actor, query),
);
