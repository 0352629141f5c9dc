import { Router } from 'express';
import { z } from 'zod';
import {
  AgencyListQuerySchema,
  AgencyListResponseSchema,
  AgencyParamsSchema,
  AgencySchema,
  DistrictSchema,
  ProvinceSchema,
} from '@prongsai/shared';
import { parseParams, parseQuery, shape } from '../../http/parse';
import { getAgency, listAgencies, listDistricts, listProvinces } from './agencies.service';

export const agenciesRouter = Router();

const ProvinceParamsSchema = z.object({ provinceId: z.coerce.number().int().min(10).max(99) });

agenciesRouter.get('/provinces', async (_req, res) => {
  res.json(shape(z.object({ items: z.array(ProvinceSchema) }), { items: await listProvinces() }));
});

agenciesRouter.get('/provinces/:provinceId/districts', async (req, res) => {
  const { provinceId } = parseParams(req, ProvinceParamsSchema);
  res.json(shape(z.object({ items: z.array(DistrictSchema) }), { items: await listDistricts(provinceId) }));
});

agenciesRouter.get('/agencies', async (req, res) => {
  const query = parseQuery(req, AgencyListQuerySchema);
  res.json(shape(AgencyListResponseSchema, await listAgencies(req.actor, query)));
});

agenciesRouter.get('/agencies/:agencyId', async (req, res) => {
  const { agencyId } = parseParams(req, AgencyParamsSchema);
  res.json(shape(AgencySchema, await getAgency(req.actor, agencyId)));
});
