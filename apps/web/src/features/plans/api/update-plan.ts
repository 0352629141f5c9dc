import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlanDetailSchema, type PlanDetail, type UpdatePlanInput } from '@prongsai/shared';
import { ApiError, api, isApiError } from '@/lib/api-client';
import { getPlanById, invalidatePlan, storePlan } from './get-plan';

/** PATCH /plans/:planId: the plan's own fields (its introduction) with the version they were based on; 409 if stale. */
export const updatePlan = ({ planId, input }: { planId: string; input: UpdatePlanInput }): Promise<PlanDetail> =>
  api.patch(`/plans/${encodeURIComponent(planId)}`, input, PlanDetailSchema);

/** The plan as it is on the server now, from a VERSION_CONFLICT rejection of `useUpdatePlan`. */
export function planConflictCurrent(error: unknown): PlanDetail | undefined {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return undefined;
  const parsed = PlanDetailSchema.safeParse(error.current);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Saves the plan's introduction; the plan the server answers replaces the cached copies. The
 * server's VERSION_CONFLICT names only the current version number, so the plan is fetched again and
 * the rejection carries it in `current` (read it with `planConflictCurrent`), as a measure conflict does.
 */
export function useUpdatePlan(plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdatePlanInput) => {
      try {
        return await updatePlan({ planId: plan.id, input });
      } catch (error) {
        if (!isApiError(error) || error.code !== 'VERSION_CONFLICT' || planConflictCurrent(error)) throw error;
        const current = await getPlanById(plan.id).catch(() => undefined);
        if (!current) throw error;
        throw new ApiError({
          status: error.status,
          code: error.code,
          message: error.message,
          issues: error.issues,
          requestId: error.requestId,
          reason: error.reason,
          params: error.params,
          current,
        });
      }
    },
    onSuccess: (updated) => storePlan(queryClient, updated),
    onError: (error) => {
      const current = planConflictCurrent(error);
      if (current) storePlan(queryClient, current);
      // The plan moved on (submitted, or a conflict whose plan could not be fetched): show it as it is now.
      else if (isApiError(error) && error.status === 409) void invalidatePlan(queryClient, plan);
    },
  });
}
