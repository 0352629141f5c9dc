import { queryOptions, useQuery } from '@tanstack/react-query';
import { TrendsSchema, type Trends } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { reviewKeys } from './review-keys';

/** GET /review/provinces/:provinceId/trends: the province over fiscal years, and score change by completion. */
export const getProvinceTrends = (provinceId: number, signal?: AbortSignal): Promise<Trends> =>
  api.get(`/review/provinces/${provinceId}/trends`, TrendsSchema, { signal });

export const provinceTrendsQueryOptions = (provinceId: number) =>
  queryOptions({
    queryKey: reviewKeys.trends(provinceId),
    queryFn: ({ signal }) => getProvinceTrends(provinceId, signal),
  });

export const useProvinceTrends = (provinceId: number | undefined) =>
  useQuery({ ...provinceTrendsQueryOptions(provinceId ?? 0), enabled: provinceId !== undefined });
