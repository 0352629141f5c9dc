import { queryOptions, useQuery } from '@tanstack/react-query';
import { PlanDetailSchema, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

/** GET /public/agencies/:agencyId/plans/:fiscalYear: a published report; 404 for anything unpublished. */
export const getPublicPlan = (agencyId: string, fiscalYear: number, signal?: AbortSignal): Promise<PlanDetail> =>
  api.get(`/public/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}`, PlanDetailSchema, { signal });

export const publicPlanQueryOptions = (agencyId: string, fiscalYear: number) =>
  queryOptions({
    queryKey: publicKeys.plan(agencyId, fiscalYear),
    queryFn: ({ signal }) => getPublicPlan(agencyId, fiscalYear, signal),
    staleTime: PUBLIC_STALE_TIME,
  });

export const usePublicPlan = (agencyId: string, fiscalYear: number) =>
  useQuery({ ...publicPlanQueryOptions(agencyId, fiscalYear), enabled: Number.isInteger(fiscalYear) });
