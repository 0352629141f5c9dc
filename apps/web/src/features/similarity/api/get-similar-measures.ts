import { queryOptions, useQuery } from '@tanstack/react-query';
import { SimilarMeasuresResponseSchema, type SimilarMeasuresResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { similarityKeys } from './similarity-keys';

/** GET /plans/:planId/similar-measures (reviewers): texts of the plan other agencies' plans share. */
export const getSimilarMeasures = (planId: string, signal?: AbortSignal): Promise<SimilarMeasuresResponse> =>
  api.get(`/plans/${encodeURIComponent(planId)}/similar-measures`, SimilarMeasuresResponseSchema, { signal });

export const similarMeasuresQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: similarityKeys.plan(planId),
    queryFn: ({ signal }) => getSimilarMeasures(planId, signal),
  });

export const useSimilarMeasures = (planId: string, enabled: boolean) => useQuery({ ...similarMeasuresQueryOptions(planId), enabled });
