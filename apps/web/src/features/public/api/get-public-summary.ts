import { queryOptions, useQuery } from '@tanstack/react-query';
import { PublicSummarySchema, type PublicSummary } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

/** GET /public/summary: national figures of published reports; without a year, the latest with data. */
export const getPublicSummary = (fiscalYear: number | undefined, signal?: AbortSignal): Promise<PublicSummary> =>
  api.get('/public/summary', PublicSummarySchema, { query: { fiscalYear }, signal });

export const publicSummaryQueryOptions = (fiscalYear: number | undefined) =>
  queryOptions({
    queryKey: publicKeys.summary(fiscalYear),
    queryFn: ({ signal }) => getPublicSummary(fiscalYear, signal),
    staleTime: PUBLIC_STALE_TIME,
  });

export const usePublicSummary = (fiscalYear: number | undefined) => useQuery(publicSummaryQueryOptions(fiscalYear));
