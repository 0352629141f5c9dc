import type { CreateReviewCommentInput, ReviewComment } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { AppError } from '../../lib/app-error';
import { transaction } from '../../lib/db';
import { recordAudit } from '../audit/audit.service';
import { recordPlanEvent } from '../notifications/notifications.service';
import { findVisiblePlan } from '../plans/plans.service';
import * as queries from './comments.queries';

/** A reviewer's comment on a plan or one of its measures; the editor sees it in context. */
export async function addReviewComment(actor: Actor, planId: string, input: CreateReviewCommentInput): Promise<ReviewComment> {
  return transaction(async (db) => {
    const plan = await findVisiblePlan(db, actor, planId);
    assertCan(actor, 'review:plan', plan);
    if (input.measureId && !(await queries.isMeasureOfPlan(db, planId, input.measureId))) {
      throw new AppError('VALIDATION_FAILED', 'มาตรการนี้ไม่อยู่ในแผนนี้', {
        issues: [{ path: 'body.measureId', message: 'not a measure of this plan', code: 'invalid_reference' }],
      });
    }
    const comment = await queries.insertComment(db, {
      planId,
      agencyId: plan.agencyId,
      measureId: input.measureId ?? null,
      authorId: actor.userId,
      body: input.body,
    });
    await recordAudit(db, actor, {
      action: 'create',
      entityType: 'review',
      entityId: comment.id,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { planId, measureId: comment.measureId, body: comment.body },
    });
    await recordPlanEvent(db, actor, { kind: 'review_comment', planId, comment: comment.body });
    return comment;
  });
}
