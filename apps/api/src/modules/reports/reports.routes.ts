import { Router } from 'express';
import {
  AgencyParamsSchema,
  AgencyPlanParamsSchema,
  ExportQuerySchema,
  ImportCommitInputSchema,
  ImportPreviewInputSchema,
  ImportPreviewSchema,
  PlanDetailSchema,
  PlanParamsSchema,
} from '@prongsai/shared';
import { ANONYMOUS } from '../../access/actor';
import { defineRoute } from '../../http/define-route';
import { sendFile } from '../../http/send-file';
import { commitImport, exportMeasures, getPlanReport, getPublicReport, previewImport, type ReportFormat } from './reports.service';

export const reportsRouter = Router();
const tag = 'reports';

defineRoute(
  reportsRouter,
  {
    method: 'post',
    path: '/agencies/:agencyId/imports/preview',
    summary: 'Parse a report (text, .docx as base64, or CSV) and show what was understood with quality warnings; writes nothing',
    tag,
    params: AgencyParamsSchema,
    body: ImportPreviewInputSchema,
    response: ImportPreviewSchema,
    operationId: 'previewImport',
    errors: ['IMPORT_UNPARSABLE', 'ARCHIVE_LIMIT_EXCEEDED'],
  },
  async ({ actor, params, body }) => previewImport(actor, params.agencyId, body),
);

defineRoute(
  reportsRouter,
  {
    method: 'post',
    path: '/agencies/:agencyId/plans/:fiscalYear/import',
    summary: 'Save confirmed measures into the draft plan of that year (created when missing), in one transaction',
    tag,
    params: AgencyPlanParamsSchema,
    body: ImportCommitInputSchema,
    response: PlanDetailSchema,
    status: 201,
    operationId: 'importPlan',
  },
  async ({ actor, params, body }) => commitImport(actor, params.agencyId, params.fiscalYear, body),
);

const FORMATS: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  pdf: 'application/pdf',
};

for (const [format, mediaType] of Object.entries(FORMATS) as [ReportFormat, string][]) {
  defineRoute(
    reportsRouter,
    {
      method: 'get',
      path: `/plans/:planId/report.${format}`,
      summary: `The official report of a plan as ${format.toUpperCase()}`,
      tag,
      params: PlanParamsSchema,
      produces: mediaType,
    },
    async ({ actor, params, res }) => sendFile(res, await getPlanReport(actor, params.planId, format)),
  );
  defineRoute(
    reportsRouter,
    {
      method: 'get',
      path: `/public/agencies/:agencyId/plans/:fiscalYear/report.${format}`,
      summary: `Public permalink: a published report as ${format.toUpperCase()} (cite it as ITA evidence)`,
      tag,
      params: AgencyPlanParamsSchema,
      produces: mediaType,
      anonymous: true,
      errors: ['RATE_LIMITED'],
    },
    async ({ params, res }) => sendFile(res, await getPublicReport(params.agencyId, params.fiscalYear, format)),
  );
}

const EXPORTS = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

for (const [format, mediaType] of Object.entries(EXPORTS) as ['csv' | 'xlsx', string][]) {
  defineRoute(
    reportsRouter,
    {
      method: 'get',
      path: `/exports/measures.${format}`,
      summary: `Measures the caller may read (own agency, province or country), filtered, streamed as ${format.toUpperCase()}`,
      tag,
      query: ExportQuerySchema,
      produces: mediaType,
      // An agency out of scope answers 404; a client holding two exports already, 429.
      errors: ['NOT_FOUND', 'RATE_LIMITED'],
    },
    async ({ actor, query, req, res }) => sendFile(res, await exportMeasures(actor, query, format, false, req.ip)),
  );
  defineRoute(
    reportsRouter,
    {
      method: 'get',
      path: `/public/exports/measures.${format}`,
      summary: `Open data: published measures, filtered, streamed as ${format.toUpperCase()} (docs/open-data.md)`,
      tag,
      query: ExportQuerySchema,
      produces: mediaType,
      anonymous: true,
    },
    // The same open data for everyone, signed in or not: read as the anonymous public.
    async ({ query, req, res }) => sendFile(res, await exportMeasures(ANONYMOUS, query, format, true, req.ip)),
  );
}
