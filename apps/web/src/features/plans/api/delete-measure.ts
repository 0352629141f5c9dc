import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureSchema, planProgress, type Measure, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { invalidatePlan } from './get-plan';
import { planKeys } from './plan-keys';

/** Soft delete: the measure moves to the plan's deleted list and can be restored. */
export const deleteMeasure = ({ measureId, version }: { measureId: string; version: number }): Promise<void> =>
  api.delete(`/measures/${encodeURIComponent(measureId)}`, { query: { version } });

export const restoreMeasure = (measureId: string): Promise<Measure> =>
  api.post(`/measures/${encodeURIComponent(measureId)}/restore`, {}, MeasureSchema);

export function useDeleteMeasure(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  const queryKey = planKeys.detail(plan.agencyId, plan.fiscalYear);
  return useMutation({
    mutationFn: deleteMeasure,
    onMutate: async ({ measureId }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PlanDetail>(queryKey);
      const removed = previous?.measures.find((measure) => measure.id === measureId);
      if (previous && removed) {
        const measures = previous.measures.filter((measure) => measure.id !== measureId);
        queryClient.setQueryData<PlanDetail>(queryKey, {
          ...previous,
          measures,
          progress: planProgress(measures),
          deletedMeasures: [
            {
              id: removed.id,
              sequence: removed.sequence,
              title: removed.title,
              version: removed.version,
              deletedAt: new Date().toISOString(),
            },
            ...previous.deletedMeasures,
          ],
        });
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSettled: () => invalidatePlan(queryClient, plan),
  });
}

export function useRestoreMeasure(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreMeasure,
    onSettled: () => invalidatePlan(queryClient, plan),
  });
}
