import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureSchema, type Measure, type Outcome, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { withMeasure } from '../utils/plan-cache';
import { invalidatePlan } from './get-plan';
import { planKeys } from './plan-keys';

export interface OutcomeChange {
  measureId: string;
  version: number;
  outcome: Outcome;
  /** Required by the server when the outcome is "could not be carried out". */
  outcomeReason?: string;
}

export const changeMeasureOutcome = ({ measureId, ...body }: OutcomeChange): Promise<Measure> =>
  api.patch(`/measures/${encodeURIComponent(measureId)}`, body, MeasureSchema);

/** Outcome changes from the plan table: shown at once, rolled back when the server says no. */
export function useChangeMeasureOutcome(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  const queryKey = planKeys.detail(plan.agencyId, plan.fiscalYear);
  return useMutation({
    mutationFn: changeMeasureOutcome,
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PlanDetail>(queryKey);
      if (previous) {
        queryClient.setQueryData(
          queryKey,
          withMeasure(previous, change.measureId, {
            outcome: change.outcome,
            ...(change.outcomeReason !== undefined ? { outcomeReason: change.outcomeReason } : {}),
          }),
        );
      }
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (measure) => {
      const current = queryClient.getQueryData<PlanDetail>(queryKey);
      if (current) queryClient.setQueryData(queryKey, withMeasure(current, measure.id, measure));
    },
    // Progress, warnings and the timeline are the server's to compute.
    onSettled: () => invalidatePlan(queryClient, plan),
  });
}
