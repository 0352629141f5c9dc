import { queryOptions, useQuery } from '@tanstack/react-query';
import { CopyClustersResponseSchema, type CopyClustersResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { similarityKeys } from './similarity-keys';

/** GET /review/copy-clusters: results and summaries several agencies share word for word. */
export const getCopyClusters = (fiscalYear: number, provinceId: number | undefined, signal?: AbortSignal): Promise<CopyClustersResponse> =>
  api.get('/review/copy-clusters', CopyClustersResponseSchema, { query: { fiscalYear, provinceId }, signal });

export const copyClustersQueryOptions = (fiscalYear: number, provinceId: number | undefined) =>
  queryOptions({
    queryKey: similarityKeys.clusters(fiscalYear, provinceId),
    queryFn: ({ signal }) => getCopyClusters(fiscalYear, provinceId, signal),
  });

export const useCopyClusters = (fiscalYear: number, provinceId: number | undefined) =>
  useQuery(copyClustersQueryOptions(fiscalYear, provinceId));
