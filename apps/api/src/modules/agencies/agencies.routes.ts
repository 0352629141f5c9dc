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
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { getAgency, listAgencies, listDistricts, listProvinces } from './agencies.service';

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
  },
  async ({ actor, query }) => listAgencies(actor, query),
);

defineRoute(
  agenciesRouter,
  { method: 'get', path: '/agencies/:agencyId', summary: 'One agency', tag, params: AgencyParamsSchema, response: AgencySchema },
  async ({ actor, params }) => getAgency(actor, params.agencyId),
);
