import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { PublicAgencySearchResponseSchema, type PublicAgencySearchResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

export const PUBLIC_SEARCH_PAGE_SIZE = 20;

/** GET /public/agencies?q=: agencies nationwide by name (abbreviations, any word order, Thai or English), best match first. */
export const searchPublicAgencies = (q: string, page: number, signal?: AbortSignal): Promise<PublicAgencySearchResponse> =>
  api.get('/public/agencies', PublicAgencySearchResponseSchema, { query: { q, page, pageSize: PUBLIC_SEARCH_PAGE_SIZE }, signal });

export const publicAgencySearchQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: publicKeys.agencySearch(q, page),
    queryFn: ({ signal }) => searchPublicAgencies(q, page, signal),
    staleTime: PUBLIC_STALE_TIME,
    placeholderData: keepPreviousData,
  });

/** Nothing is asked until something is typed. */
export const usePublicAgencySearch = (q: string, page: number) =>
  useQuery({ ...publicAgencySearchQueryOptions(q, page), enabled: q !== '' });
