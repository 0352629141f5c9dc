import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { PlanDetailSchema, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { planKeys } from './plan-keys';

/** GET /agencies/:agencyId/plans/:fiscalYear; 404 when the agency has no plan that year. */
export const getPlan = (agencyId: string, fiscalYear: number, signal?: AbortSignal): Promise<PlanDetail> =>
  api.get(`/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}`, PlanDetailSchema, { signal });

export const getPlanById = (planId: string, signal?: AbortSignal): Promise<PlanDetail> =>
  api.get(`/plans/${encodeURIComponent(planId)}`, PlanDetailSchema, { signal });

export const planQueryOptions = (agencyId: string, fiscalYear: number) =>
  queryOptions({
    queryKey: planKeys.detail(agencyId, fiscalYear),
    queryFn: ({ signal }) => getPlan(agencyId, fiscalYear, signal),
  });

export const planByIdQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: planKeys.byId(planId),
    queryFn: ({ signal }) => getPlanById(planId, signal),
  });

export const usePlan = (agencyId: string, fiscalYear: number) => useQuery(planQueryOptions(agencyId, fiscalYear));

export const usePlanById = (planId: string | undefined) => useQuery({ ...planByIdQueryOptions(planId ?? ''), enabled: Boolean(planId) });

/** Put a plan the server just returned into both caches it lives in, and refresh the lists. */
export function storePlan(queryClient: QueryClient, plan: PlanDetail): void {
  queryClient.setQueryData(planKeys.detail(plan.agencyId, plan.fiscalYear), plan);
  queryClient.setQueryData(planKeys.byId(plan.id), plan);
  void queryClient.invalidateQueries({ queryKey: planKeys.agencyList(plan.agencyId) });
}

/** Refetch every cached copy of one plan. */
export function invalidatePlan(queryClient: QueryClient, plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'>): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: planKeys.detail(plan.agencyId, plan.fiscalYear) }),
    queryClient.invalidateQueries({ queryKey: planKeys.byId(plan.id) }),
    queryClient.invalidateQueries({ queryKey: planKeys.agencyList(plan.agencyId) }),
  ]).then(() => undefined);
}
