import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlanDetailSchema, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { withMeasureOrder } from '../utils/plan-cache';
import { invalidatePlan, storePlan } from './get-plan';
import { planKeys } from './plan-keys';

export const reorderMeasures = ({ planId, measureIds }: { planId: string; measureIds: string[] }): Promise<PlanDetail> =>
  api.put(`/plans/${encodeURIComponent(planId)}/measure-order`, { measureIds }, PlanDetailSchema);

/** Reorder with the new order shown at once and rolled back if the server refuses. */
export function useReorderMeasures(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  const queryKey = planKeys.detail(plan.agencyId, plan.fiscalYear);
  return useMutation({
    mutationFn: (measureIds: string[]) => reorderMeasures({ planId: plan.id, measureIds }),
    onMutate: async (measureIds) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PlanDetail>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, withMeasureOrder(previous, measureIds));
      return { previous };
    },
    onError: (_error, _measureIds, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      void invalidatePlan(queryClient, plan);
    },
    onSuccess: (updated) => storePlan(queryClient, updated),
  });
}
