import type { CreateReviewCommentInput, ReviewComment } from '@prongsai/shared';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { AppError } from '../../lib/app-error';
import { dbOf } from '../../lib/db';
import { getPrisma } from '../../lib/prisma';
import { recordAudit } from '../audit/audit.service';
import { findVisiblePlan } from '../plans/plans.service';

/** A reviewer's comment on a plan or one of its measures; the editor sees it in context. */
export async function addReviewComment(actor: Actor, planId: string, input: CreateReviewCommentInput): Promise<ReviewComment> {
  return getPrisma().$transaction(async (tx) => {
    const plan = await findVisiblePlan(dbOf(tx), actor, planId);
    assertCan(actor, 'review:plan', plan);
    if (input.measureId) {
      const measure = await tx.measure.findFirst({ where: { id: input.measureId, planId }, select: { id: true } });
      if (!measure) {
        throw new AppError('VALIDATION_FAILED', 'มาตรการนี้ไม่อยู่ในแผนนี้', {
          issues: [{ path: 'body.measureId', message: 'not a measure of this plan', code: 'invalid_reference' }],
        });
      }
    }
    const row = await tx.reviewComment.create({
      data: {
        planId,
        agencyId: plan.agencyId,
        measureId: input.measureId ?? null,
        authorId: actor.userId,
        kind: 'comment',
        body: input.body,
      },
      include: { author: { select: { name: true } } },
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'review',
      entityId: row.id,
      agencyId: plan.agencyId,
      provinceId: plan.provinceId,
      changes: { planId, measureId: row.measureId, body: row.body },
    });
    return {
      id: row.id,
      planId: row.planId,
      measureId: row.measureId,
      kind: row.kind,
      body: row.body,
      authorName: row.author?.name ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
