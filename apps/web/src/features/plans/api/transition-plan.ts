import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  PlanDetailSchema,
  type PlanApprovalInput,
  type PlanDetail,
  type PlanReturnInput,
  type PlanTransitionInput,
} from '@prongsai/shared';
import { api, isApiError } from '@/lib/api-client';
import { invalidatePlan, storePlan } from './get-plan';

export type PlanTransitionRequest =
  | { planId: string; action: 'submit' | 'withdraw'; input: PlanTransitionInput }
  | { planId: string; action: 'accept' | 'publish'; input: PlanApprovalInput }
  | { planId: string; action: 'return' | 'reopen'; input: PlanReturnInput };

export type PlanTransitionAction = PlanTransitionRequest['action'];

/** POST /plans/:planId/{submit|withdraw|accept|publish|return|reopen}: 409 when the status or version moved on. */
export const transitionPlan = ({ planId, action, input }: PlanTransitionRequest): Promise<PlanDetail> =>
  api.post(`/plans/${encodeURIComponent(planId)}/${action}`, input, PlanDetailSchema);

export function useTransitionPlan(
  plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>,
  { onSuccess }: { onSuccess?: (plan: PlanDetail, action: PlanTransitionAction) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionPlan,
    onSuccess: (updated, request) => {
      storePlan(queryClient, updated);
      onSuccess?.(updated, request.action);
    },
    onError: (error) => {
      // Someone else moved the plan on (or its warnings changed): show them what it is now.
      if (isApiError(error) && (error.status === 409 || error.code === 'ACKNOWLEDGED_WARNING_NOT_FOUND'))
        void invalidatePlan(queryClient, plan);
    },
  });
}
