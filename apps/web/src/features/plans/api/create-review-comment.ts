import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReviewCommentSchema, type CreateReviewCommentInput, type PlanDetail, type ReviewComment } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { invalidatePlan } from './get-plan';

export const createReviewComment = ({ planId, input }: { planId: string; input: CreateReviewCommentInput }): Promise<ReviewComment> =>
  api.post(`/plans/${encodeURIComponent(planId)}/comments`, input, ReviewCommentSchema);

export function useCreateReviewComment(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReviewCommentInput) => createReviewComment({ planId: plan.id, input }),
    onSettled: () => invalidatePlan(queryClient, plan),
  });
}
