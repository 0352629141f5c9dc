import { Router } from 'express';
import { CreateReviewCommentInputSchema, PlanParamsSchema, ReviewCommentSchema } from '@prongsai/shared';
import { parseBody, parseParams, shape } from '../../http/parse';
import { addReviewComment } from './reviews.service';

export const reviewsRouter = Router();

reviewsRouter.post('/plans/:planId/comments', async (req, res) => {
  const { planId } = parseParams(req, PlanParamsSchema);
  const input = parseBody(req, CreateReviewCommentInputSchema);
  res.status(201).json(shape(ReviewCommentSchema, await addReviewComment(req.actor, planId, input)));
});
