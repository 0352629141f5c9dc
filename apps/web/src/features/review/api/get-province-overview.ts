import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ProvinceOverviewSchema, type ProvinceOverview, type ProvinceOverviewQuery } from '@prongsai/shared';
import { api, buildUrl } from '@/lib/api-client';
import { reviewKeys } from './review-keys';

/** Filters, sort and page of the province overview (fiscalYear is required, the rest optional). */
export type OverviewParams = Pick<ProvinceOverviewQuery, 'fiscalYear'> & Partial<Omit<ProvinceOverviewQuery, 'fiscalYear'>>;

export type OverviewSort = ProvinceOverviewQuery['sort'];
export type OverviewStatusFilter = NonNullable<ProvinceOverviewQuery['status']>;

/** GET /review/provinces/:provinceId/overview: every agency of the province for a fiscal year. */
export const getProvinceOverview = (provinceId: number, query: OverviewParams, signal?: AbortSignal): Promise<ProvinceOverview> =>
  api.get(`/review/provinces/${provinceId}/overview`, ProvinceOverviewSchema, { query: { ...query }, signal });

export const provinceOverviewQueryOptions = (provinceId: number, query: OverviewParams) =>
  queryOptions({
    queryKey: reviewKeys.overview(provinceId, query),
    queryFn: ({ signal }) => getProvinceOverview(provinceId, query, signal),
    placeholderData: keepPreviousData,
  });

export const useProvinceOverview = (provinceId: number | undefined, query: OverviewParams) =>
  useQuery({ ...provinceOverviewQueryOptions(provinceId ?? 0, query), enabled: provinceId !== undefined });

/** The same overview as a CSV or Excel file, with the same filters and sort, every page. */
export function overviewExportUrl(provinceId: number, format: 'csv' | 'xlsx', query: OverviewParams): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return buildUrl(`/review/provinces/${provinceId}/overview.${format}`, { ...filters });
}
