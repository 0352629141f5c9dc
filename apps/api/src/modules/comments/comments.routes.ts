import { Router } from 'express';
import { CreateReviewCommentInputSchema, PlanParamsSchema, ReviewCommentSchema } from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { addReviewComment } from './comments.service';

export const commentsRouter = Router();

defineRoute(
  commentsRouter,
  {
    method: 'post',
    path: '/plans/:planId/comments',
    summary: 'Reviewer: comment on a plan or one of its measures',
    tag: 'reviews',
    params: PlanParamsSchema,
    body: CreateReviewCommentInputSchema,
    response: ReviewCommentSchema,
    status: 201,
  },
  async ({ actor, params, body }) => addReviewComment(actor, params.planId, body),
);
