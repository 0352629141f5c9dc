import { Router } from 'express';
import {
  CompareQuerySchema,
  CompareResponseSchema,
  IndicatorHeatmapSchema,
  ProvinceOverviewParamsSchema,
  ProvinceOverviewQuerySchema,
  ProvinceOverviewSchema,
  ProvinceYearQuerySchema,
  TrendsSchema,
  UploadItaResultsInputSchema,
  UploadItaResultsResponseSchema,
  WaitingPlansResponseSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { sendFile } from '../../http/send-file';
import { exportOverviewCsv, exportOverviewXlsx } from './overview-export';
import {
  compareAgencies,
  getIndicatorHeatmap,
  getProvinceOverview,
  getProvinceTrends,
  listWaitingPlans,
  uploadItaResults,
} from './review.service';

export const reviewRouter = Router();
const tag = 'review';

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/provinces/:provinceId/overview',
    summary:
      'Reviewer: every agency of the province for a fiscal year — status, completion, warnings, ITA score (sortable, filterable, paginated)',
    tag,
    params: ProvinceOverviewParamsSchema,
    query: ProvinceOverviewQuerySchema,
    sessionInStatement: true,
    response: ProvinceOverviewSchema,
    exactResponse: true,
  },
  async ({ actor, params, query }) => getProvinceOverview(actor, params.provinceId, query),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/provinces/:provinceId/overview.csv',
    summary: 'Reviewer: the overview as CSV (UTF-8 with BOM), with the same filters, all pages',
    tag,
    params: ProvinceOverviewParamsSchema,
    query: ProvinceOverviewQuerySchema,
    produces: 'text/csv',
  },
  async ({ actor, params, query, res }) => sendFile(res, await exportOverviewCsv(actor, params.provinceId, query)),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/provinces/:provinceId/overview.xlsx',
    summary: 'Reviewer: the overview as an Excel workbook, with the same filters, all pages',
    tag,
    params: ProvinceOverviewParamsSchema,
    query: ProvinceOverviewQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  async ({ actor, params, query, res }) => sendFile(res, await exportOverviewXlsx(actor, params.provinceId, query)),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/compare',
    summary: 'Reviewer: 2–6 agencies side by side across fiscal years',
    tag,
    query: CompareQuerySchema,
    response: CompareResponseSchema,
  },
  async ({ actor, query }) => compareAgencies(actor, query.agencyIds),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/provinces/:provinceId/indicators',
    summary: 'Reviewer: agencies × OIT items heatmap for a fiscal year',
    tag,
    params: ProvinceOverviewParamsSchema,
    query: ProvinceYearQuerySchema,
    response: IndicatorHeatmapSchema,
  },
  async ({ actor, params, query }) => getIndicatorHeatmap(actor, params.provinceId, query.fiscalYear),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/provinces/:provinceId/trends',
    summary: 'Reviewer: province trends over fiscal years and ITA score change by completion',
    tag,
    params: ProvinceOverviewParamsSchema,
    response: TrendsSchema,
  },
  async ({ actor, params }) => getProvinceTrends(actor, params.provinceId),
);

defineRoute(
  reviewRouter,
  {
    method: 'post',
    path: '/ita-results',
    summary: "Admin: load the NACC's published ITA scores (CSV agency_code,fiscal_year,score)",
    tag,
    body: UploadItaResultsInputSchema,
    response: UploadItaResultsResponseSchema,
    operationId: 'uploadItaResults',
  },
  async ({ actor, body }) => uploadItaResults(actor, body.csv),
);

defineRoute(
  reviewRouter,
  {
    method: 'get',
    path: '/review/waiting',
    summary: 'Reviewer: "waiting for me", the submitted plans of the province in every fiscal year, oldest submission first',
    tag,
    response: WaitingPlansResponseSchema,
  },
  async ({ actor }) => listWaitingPlans(actor),
);
