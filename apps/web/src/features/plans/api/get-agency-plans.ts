import { queryOptions, useQuery } from '@tanstack/react-query';
import { PlanListResponseSchema, type PlanSummary } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { planKeys } from './plan-keys';

export const getAgencyPlans = async (agencyId: string, signal?: AbortSignal): Promise<PlanSummary[]> =>
  (await api.get(`/agencies/${encodeURIComponent(agencyId)}/plans`, PlanListResponseSchema, { signal })).items;

export const agencyPlansQueryOptions = (agencyId: string) =>
  queryOptions({
    queryKey: planKeys.agencyList(agencyId),
    queryFn: ({ signal }) => getAgencyPlans(agencyId, signal),
  });

export const useAgencyPlans = (agencyId: string) => useQuery(agencyPlansQueryOptions(agencyId));
