import { Router } from 'express';
import {
  AgencyParamsSchema,
  AgencyPlanParamsSchema,
  CreatePlanInputSchema,
  PlanDetailSchema,
  PlanListResponseSchema,
  PlanParamsSchema,
  PlanReturnInputSchema,
  PlanTransitionInputSchema,
  UpdatePlanInputSchema,
} from '@prongsai/shared';
import { parseBody, parseParams, shape } from '../../http/parse';
import { createPlan, getPlan, getPlanByYear, listAgencyPlans, transitionPlan, updatePlan, type TransitionName } from './plans.service';

export const plansRouter = Router();

plansRouter.get('/agencies/:agencyId/plans', async (req, res) => {
  const { agencyId } = parseParams(req, AgencyParamsSchema);
  res.json(shape(PlanListResponseSchema, { items: await listAgencyPlans(req.actor, agencyId) }));
});

plansRouter.get('/agencies/:agencyId/plans/:fiscalYear', async (req, res) => {
  const { agencyId, fiscalYear } = parseParams(req, AgencyPlanParamsSchema);
  res.json(shape(PlanDetailSchema, await getPlanByYear(req.actor, agencyId, fiscalYear)));
});

plansRouter.post('/agencies/:agencyId/plans/:fiscalYear', async (req, res) => {
  const { agencyId, fiscalYear } = parseParams(req, AgencyPlanParamsSchema);
  const input = parseBody(req, CreatePlanInputSchema);
  res.status(201).json(shape(PlanDetailSchema, await createPlan(req.actor, agencyId, fiscalYear, input)));
});

plansRouter.get('/plans/:planId', async (req, res) => {
  const { planId } = parseParams(req, PlanParamsSchema);
  res.json(shape(PlanDetailSchema, await getPlan(req.actor, planId)));
});

plansRouter.patch('/plans/:planId', async (req, res) => {
  const { planId } = parseParams(req, PlanParamsSchema);
  const input = parseBody(req, UpdatePlanInputSchema);
  res.json(shape(PlanDetailSchema, await updatePlan(req.actor, planId, input)));
});

const transitionSchemas = {
  submit: PlanTransitionInputSchema,
  accept: PlanTransitionInputSchema,
  publish: PlanTransitionInputSchema,
  return: PlanReturnInputSchema,
  reopen: PlanReturnInputSchema,
} satisfies Record<TransitionName, unknown>;

for (const [name, schema] of Object.entries(transitionSchemas) as [TransitionName, typeof PlanTransitionInputSchema | typeof PlanReturnInputSchema][]) {
  plansRouter.post(`/plans/:planId/${name}`, async (req, res) => {
    const { planId } = parseParams(req, PlanParamsSchema);
    const input = parseBody(req, schema);
    res.json(shape(PlanDetailSchema, await transitionPlan(req.actor, planId, name, input)));
  });
}
