import { Router } from 'express';
import {
  CreateMeasureInputSchema,
  CreateTimelineEntryInputSchema,
  DeleteMeasureQuerySchema,
  MeasureParamsSchema,
  MeasureSchema,
  PlanDetailSchema,
  PlanParamsSchema,
  ReorderMeasuresInputSchema,
  TimelineEntrySchema,
  TimelineListResponseSchema,
  UpdateMeasureInputSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import {
  addTimelineNote,
  createMeasure,
  deleteMeasure,
  getMeasure,
  listTimeline,
  reorderMeasures,
  restoreMeasure,
  updateMeasure,
} from './measures.service';

export const measuresRouter = Router();
const tag = 'measures';

defineRoute(
  measuresRouter,
  {
    method: 'post',
    path: '/plans/:planId/measures',
    summary: 'Add a measure to a draft or returned plan',
    tag,
    params: PlanParamsSchema,
    body: CreateMeasureInputSchema,
    response: MeasureSchema,
    status: 201,
  },
  async ({ actor, params, body }) => createMeasure(actor, params.planId, body),
);

defineRoute(
  measuresRouter,
  {
    method: 'put',
    path: '/plans/:planId/measure-order',
    summary: "Set the order of a plan's measures",
    tag,
    params: PlanParamsSchema,
    body: ReorderMeasuresInputSchema,
    response: PlanDetailSchema,
  },
  async ({ actor, params, body }) => reorderMeasures(actor, params.planId, body),
);

defineRoute(
  measuresRouter,
  { method: 'get', path: '/measures/:measureId', summary: 'One measure', tag, params: MeasureParamsSchema, response: MeasureSchema },
  async ({ actor, params }) => getMeasure(actor, params.measureId),
);

defineRoute(
  measuresRouter,
  {
    method: 'patch',
    path: '/measures/:measureId',
    summary: 'Update a measure; a stale version gets 409 VERSION_CONFLICT with the current record',
    tag,
    params: MeasureParamsSchema,
    body: UpdateMeasureInputSchema,
    response: MeasureSchema,
    exactResponse: true,
    // The save's first statement confirms the session (ADR 027): two round trips, not three.
    sessionInStatement: true,
  },
  async ({ actor, params, body }) => updateMeasure(actor, params.measureId, body),
);

defineRoute(
  measuresRouter,
  {
    method: 'delete',
    path: '/measures/:measureId',
    summary: 'Soft-delete a measure (restorable)',
    tag,
    params: MeasureParamsSchema,
    query: DeleteMeasureQuerySchema,
    status: 204,
  },
  async ({ actor, params, query }) => deleteMeasure(actor, params.measureId, query.version),
);

defineRoute(
  measuresRouter,
  {
    method: 'post',
    path: '/measures/:measureId/restore',
    summary: 'Restore a deleted measure',
    tag,
    params: MeasureParamsSchema,
    response: MeasureSchema,
  },
  async ({ actor, params }) => restoreMeasure(actor, params.measureId),
);

defineRoute(
  measuresRouter,
  {
    method: 'get',
    path: '/measures/:measureId/timeline',
    summary: "A measure's progress timeline, newest first",
    tag,
    params: MeasureParamsSchema,
    response: TimelineListResponseSchema,
  },
  async ({ actor, params }) => ({ items: await listTimeline(actor, params.measureId) }),
);

defineRoute(
  measuresRouter,
  {
    method: 'post',
    path: '/measures/:measureId/timeline',
    summary: 'Record a progress note',
    tag,
    params: MeasureParamsSchema,
    body: CreateTimelineEntryInputSchema,
    response: TimelineEntrySchema,
    status: 201,
  },
  async ({ actor, params, body }) => addTimelineNote(actor, params.measureId, body),
);
