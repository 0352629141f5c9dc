import { Router } from 'express';
import { z } from 'zod';
import {
  AgencyListQuerySchema,
  AgencyListResponseSchema,
  AgencyParamsSchema,
  AgencySchema,
  DistrictSchema,
  ProvinceParamsSchema,
  ProvinceSchema,
  ReportSignatureResponseSchema,
  UpdateReportSignatureInputSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { getAgency, getReportSignature, listAgencies, listDistricts, listProvinces, updateReportSignature } from './agencies.service';

export const agenciesRouter = Router();
const tag = 'agencies';

defineRoute(
  agenciesRouter,
  { method: 'get', path: '/provinces', summary: 'All provinces (DOPA codes)', tag, response: z.object({ items: z.array(ProvinceSchema) }) },
  async () => ({ items: await listProvinces() }),
);

defineRoute(
  agenciesRouter,
  {
    method: 'get',
    path: '/provinces/:provinceId/districts',
    summary: 'Districts of a province',
    tag,
    params: ProvinceParamsSchema,
    response: z.object({ items: z.array(DistrictSchema) }),
  },
  async ({ params }) => ({ items: await listDistricts(params.provinceId) }),
);

defineRoute(
  agenciesRouter,
  {
    method: 'get',
    path: '/agencies',
    summary: 'Agencies the caller may see, filtered and paginated',
    tag,
    query: AgencyListQuerySchema,
    sessionInStatement: true,
    response: AgencyListResponseSchema,
    exactResponse: true,
  },
  async ({ actor, query }) => listAgencies(actor, query),
);

defineRoute(
  agenciesRouter,
  { method: 'get', path: '/agencies/:agencyId', summary: 'One agency', tag, params: AgencyParamsSchema, response: AgencySchema },
  async ({ actor, params }) => getAgency(actor, params.agencyId),
);

defineRoute(
  agenciesRouter,
  {
    method: 'get',
    path: '/agencies/:agencyId/report-signature',
    summary: "The signature block that ends the agency's official reports (null when unset)",
    tag,
    params: AgencyParamsSchema,
    response: ReportSignatureResponseSchema,
  },
  async ({ actor, params }) => getReportSignature(actor, params.agencyId),
);

defineRoute(
  agenciesRouter,
  {
    method: 'put',
    path: '/agencies/:agencyId/report-signature',
    summary:
      "An editor of the agency (or an admin) sets the reports' signature block: name, position, and the day or none (signed by hand); audited",
    tag,
    params: AgencyParamsSchema,
    body: UpdateReportSignatureInputSchema,
    response: ReportSignatureResponseSchema,
  },
  async ({ actor, params, body }) => updateReportSignature(actor, params.agencyId, body),
);

defineRoute(
  agenciesRouter,
  {
    method: 'delete',
    path: '/agencies/:agencyId/report-signature',
    summary: "Remove the reports' signature block: reports end with the table again; audited",
    tag,
    params: AgencyParamsSchema,
    status: 204,
  },
  async ({ actor, params }) => {
    await updateReportSignature(actor, params.agencyId, null);
  },
);
