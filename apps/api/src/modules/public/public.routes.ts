import { Router, type RequestHandler } from 'express';
import {
  AgencyPlanParamsSchema,
  EvidenceFileListSchema,
  PlanDetailSchema,
  PublicAgencyParamsSchema,
  PublicAgencySchema,
  PublicAgencySearchQuerySchema,
  PublicAgencySearchResponseSchema,
  PublicProvinceParamsSchema,
  PublicProvinceQuerySchema,
  PublicProvinceSchema,
  PublicSummarySchema,
  PublicYearQuerySchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { ResponseCache } from '../../http/response-cache';
import {
  getPublicAgency,
  getPublicPlan,
  getPublicPlanFiles,
  getPublicProvince,
  getPublicSummary,
  publicDataVersion,
  searchPublicAgencies,
} from './public.service';

export const publicRouter = Router();
const tag = 'public';

/** Public answers are the same for everyone: cacheable; Express adds a strong ETag and answers 304. */
const cacheable: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'public, max-age=60, stale-while-revalidate=300');
  next();
};
publicRouter.use('/public', cacheable);

/**
 * Public answers, serialised, for as long as the public data version stays the same (raised by
 * triggers on every write the public pages show; ADR 007). 32 MB at most; 60 s is only a safety net.
 */
const publicAnswers = new ResponseCache({ maxBytes: 32 * 1024 * 1024, ttlMs: 60_000 });
const cache = { store: publicAnswers, version: publicDataVersion };

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/summary',
    summary: 'National headline figures of published reports, by agency type and province',
    tag,
    query: PublicYearQuerySchema,
    response: PublicSummarySchema,
    anonymous: true,
    cache,
  },
  async ({ query }) => getPublicSummary(query.fiscalYear),
);

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/provinces/:provinceId',
    summary: "A province's figures and its agencies (paginated, searchable)",
    tag,
    params: PublicProvinceParamsSchema,
    query: PublicProvinceQuerySchema,
    response: PublicProvinceSchema,
    anonymous: true,
    cache,
  },
  async ({ params, query }) => getPublicProvince(params.provinceId, query),
);

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/agencies',
    summary: 'Search agencies nationwide by name (abbreviations, any word order, Thai or English), best match first',
    tag,
    query: PublicAgencySearchQuerySchema,
    response: PublicAgencySearchResponseSchema,
    anonymous: true,
    cache,
  },
  async ({ query }) => searchPublicAgencies(query),
);

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/agencies/:agencyId',
    summary: 'An agency and its published plans',
    tag,
    params: PublicAgencyParamsSchema,
    response: PublicAgencySchema,
    anonymous: true,
    cache,
  },
  async ({ params }) => getPublicAgency(params.agencyId),
);

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/agencies/:agencyId/plans/:fiscalYear',
    summary: "An agency's published report of one fiscal year (the permalink to cite as ITA evidence)",
    tag,
    params: AgencyPlanParamsSchema,
    response: PlanDetailSchema,
    anonymous: true,
    cache,
  },
  async ({ params }) => getPublicPlan(params.agencyId, params.fiscalYear),
);

defineRoute(
  publicRouter,
  {
    method: 'get',
    path: '/public/agencies/:agencyId/plans/:fiscalYear/files',
    summary: "The evidence files of a published report's measures that the public sees (not internal), with their download links",
    description:
      "Files change only while a plan is being edited, so a published plan's list changes only with the plan itself. 404 for a plan not published.",
    tag,
    params: AgencyPlanParamsSchema,
    response: EvidenceFileListSchema,
    anonymous: true,
    cache,
  },
  async ({ params }) => ({ items: await getPublicPlanFiles(params.agencyId, params.fiscalYear) }),
);
