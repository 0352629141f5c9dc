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
import { parseBody, parseParams, parseQuery, shape } from '../../http/parse';
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

measuresRouter.post('/plans/:planId/measures', async (req, res) => {
  const { planId } = parseParams(req, PlanParamsSchema);
  const input = parseBody(req, CreateMeasureInputSchema);
  res.status(201).json(shape(MeasureSchema, await createMeasure(req.actor, planId, input)));
});

measuresRouter.put('/plans/:planId/measure-order', async (req, res) => {
  const { planId } = parseParams(req, PlanParamsSchema);
  const input = parseBody(req, ReorderMeasuresInputSchema);
  res.json(shape(PlanDetailSchema, await reorderMeasures(req.actor, planId, input)));
});

measuresRouter.get('/measures/:measureId', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  res.json(shape(MeasureSchema, await getMeasure(req.actor, measureId)));
});

measuresRouter.patch('/measures/:measureId', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  const input = parseBody(req, UpdateMeasureInputSchema);
  res.json(shape(MeasureSchema, await updateMeasure(req.actor, measureId, input)));
});

measuresRouter.delete('/measures/:measureId', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  const { version } = parseQuery(req, DeleteMeasureQuerySchema);
  await deleteMeasure(req.actor, measureId, version);
  res.status(204).end();
});

measuresRouter.post('/measures/:measureId/restore', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  res.json(shape(MeasureSchema, await restoreMeasure(req.actor, measureId)));
});

measuresRouter.get('/measures/:measureId/timeline', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  res.json(shape(TimelineListResponseSchema, { items: await listTimeline(req.actor, measureId) }));
});

measuresRouter.post('/measures/:measureId/timeline', async (req, res) => {
  const { measureId } = parseParams(req, MeasureParamsSchema);
  const input = parseBody(req, CreateTimelineEntryInputSchema);
  res.status(201).json(shape(TimelineEntrySchema, await addTimelineNote(req.actor, measureId, input)));
});
