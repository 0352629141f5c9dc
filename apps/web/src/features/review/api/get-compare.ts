import { queryOptions, useQuery } from '@tanstack/react-query';
import { CompareResponseSchema, type CompareResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { reviewKeys } from './review-keys';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

/** GET /review/compare?agencyIds=a,b,c: 2–6 agencies side by side across fiscal years. */
export const getCompare = (agencyIds: string[], signal?: AbortSignal): Promise<CompareResponse> =>
  api.get('/review/compare', CompareResponseSchema, { query: { agencyIds: agencyIds.join(',') }, signal });

export const compareQueryOptions = (agencyIds: string[]) =>
  queryOptions({
    queryKey: reviewKeys.compare(agencyIds),
    queryFn: ({ signal }) => getCompare(agencyIds, signal),
  });

export const useCompare = (agencyIds: string[]) =>
  useQuery({ ...compareQueryOptions(agencyIds), enabled: agencyIds.length >= COMPARE_MIN && agencyIds.length <= COMPARE_MAX });
