import { Router } from 'express';
import {
  AgencyParamsSchema,
  AgencyPlanParamsSchema,
  CreatePlanInputSchema,
  PlanDetailSchema,
  PlanListResponseSchema,
  PlanApprovalInputSchema,
  PlanParamsSchema,
  PlanReturnInputSchema,
  PlanTransitionInputSchema,
  ReopenRequestInputSchema,
  ReopenRequestResponseSchema,
  UpdatePlanInputSchema,
  type ErrorCode,
  type PlanTransitionName,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { createPlan, getPlan, getPlanByYear, listAgencyPlans, requestReopen, transitionPlan, updatePlan } from './plans.service';

export const plansRouter = Router();
const tag = 'plans';

defineRoute(
  plansRouter,
  {
    method: 'get',
    path: '/agencies/:agencyId/plans',
    summary: "An agency's plans, newest fiscal year first",
    tag,
    params: AgencyParamsSchema,
    response: PlanListResponseSchema,
  },
  async ({ actor, params }) => ({ items: await listAgencyPlans(actor, params.agencyId) }),
);

defineRoute(
  plansRouter,
  {
    method: 'get',
    path: '/agencies/:agencyId/plans/:fiscalYear',
    summary: "An agency's plan of one fiscal year (BE)",
    tag,
    params: AgencyPlanParamsSchema,
    sessionInStatement: true,
    response: PlanDetailSchema,
    exactResponse: true,
  },
  async ({ actor, params }) => getPlanByYear(actor, params.agencyId, params.fiscalYear),
);

defineRoute(
  plansRouter,
  {
    method: 'post',
    path: '/agencies/:agencyId/plans/:fiscalYear',
    summary: 'Create the plan of a fiscal year, empty or copied from an earlier year',
    tag,
    params: AgencyPlanParamsSchema,
    body: CreatePlanInputSchema,
    response: PlanDetailSchema,
    status: 201,
  },
  async ({ actor, params, body }) => createPlan(actor, params.agencyId, params.fiscalYear, body),
);

defineRoute(
  plansRouter,
  {
    method: 'get',
    path: '/plans/:planId',
    summary: 'One plan with its measures, comments and warnings',
    tag,
    params: PlanParamsSchema,
    sessionInStatement: true,
    response: PlanDetailSchema,
    exactResponse: true,
  },
  async ({ actor, params }) => getPlan(actor, params.planId),
);

defineRoute(
  plansRouter,
  {
    method: 'patch',
    path: '/plans/:planId',
    summary: "Update a plan's own fields (with its version)",
    tag,
    params: PlanParamsSchema,
    body: UpdatePlanInputSchema,
    response: PlanDetailSchema,
  },
  async ({ actor, params, body }) => updatePlan(actor, params.planId, body),
);

const ACKNOWLEDGEMENT_DOC = [
  'Serious quality warnings (another agency named, another website cited, a date outside the fiscal year, a copy that names',
  'the agency it came from) need an acknowledgement with a reason, one per warning code and measure, from a caller who may',
  'review plans (ADR 021); otherwise 422 `SERIOUS_WARNINGS_UNACKNOWLEDGED` with the open `warnings`. An acknowledgement of a',
  'warning the plan does not have is 422 `ACKNOWLEDGED_WARNING_NOT_FOUND`; one sent by an editor is 403. Publishing relies on',
  "the acceptance's acknowledgements while the measures they concern are unchanged. Acknowledgements are kept on the",
  "transition's audit row (`changes.acknowledgements`).",
].join(' ');

const TRANSITION_DOCS: Record<
  PlanTransitionName,
  {
    summary: string;
    description?: string;
    body: typeof PlanTransitionInputSchema | typeof PlanReturnInputSchema | typeof PlanApprovalInputSchema;
    errors?: ErrorCode[];
  }
> = {
  submit: { summary: 'Editor: submit a draft or returned plan for review', body: PlanTransitionInputSchema },
  withdraw: { summary: 'Editor: withdraw a submitted plan (back to draft) until a reviewer acts on it', body: PlanTransitionInputSchema },
  return: { summary: 'Reviewer: return a submitted plan with a reason', body: PlanReturnInputSchema },
  accept: {
    summary: 'Reviewer: accept a submitted plan, acknowledging each open serious warning with a reason',
    description: ACKNOWLEDGEMENT_DOC,
    body: PlanApprovalInputSchema,
    errors: ['SERIOUS_WARNINGS_UNACKNOWLEDGED', 'ACKNOWLEDGED_WARNING_NOT_FOUND'],
  },
  publish: {
    summary: 'Editor: publish an accepted plan (serious warnings acknowledged at acceptance, or now by a reviewer)',
    description: ACKNOWLEDGEMENT_DOC,
    body: PlanApprovalInputSchema,
    errors: ['SERIOUS_WARNINGS_UNACKNOWLEDGED', 'ACKNOWLEDGED_WARNING_NOT_FOUND'],
  },
  reopen: { summary: 'Reviewer: reopen an accepted or published plan for changes, with a reason', body: PlanReturnInputSchema },
};

for (const [name, doc] of Object.entries(TRANSITION_DOCS) as [PlanTransitionName, (typeof TRANSITION_DOCS)[PlanTransitionName]][]) {
  defineRoute(
    plansRouter,
    {
      method: 'post',
      path: `/plans/:planId/${name}`,
      summary: doc.summary,
      description: doc.description,
      tag,
      params: PlanParamsSchema,
      body: doc.body,
      errors: doc.errors,
      response: PlanDetailSchema,
    },
    async ({ actor, params, body }) => transitionPlan(actor, params.planId, name, body),
  );
}

defineRoute(
  plansRouter,
  {
    method: 'post',
    path: '/plans/:planId/reopen-request',
    summary:
      "Editor: ask the province's reviewers to reopen an accepted or published plan, with a reason (they are notified; reopening is theirs)",
    tag,
    params: PlanParamsSchema,
    body: ReopenRequestInputSchema,
    response: ReopenRequestResponseSchema,
  },
  async ({ actor, params, body }) => requestReopen(actor, params.planId, body),
);
