import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { AgencyListResponseSchema, type AgencyListQuery, type AgencyListResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { agencyKeys } from './agency-keys';

export type AgencyListParams = Partial<AgencyListQuery>;

export const listAgencies = (query: AgencyListParams, signal?: AbortSignal): Promise<AgencyListResponse> =>
  api.get('/agencies', AgencyListResponseSchema, { query, signal });

export const agencyListQueryOptions = (query: AgencyListParams) =>
  queryOptions({
    queryKey: agencyKeys.list(query),
    queryFn: ({ signal }) => listAgencies(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAgencies = (query: AgencyListParams) => useQuery(agencyListQueryOptions(query));
