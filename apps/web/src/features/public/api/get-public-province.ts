import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { PublicProvinceSchema, type AgencyType, type PublicProvince } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

export interface PublicProvinceParams {
  fiscalYear?: number;
  /** Thai substring of the agency name. */
  q?: string;
  type?: AgencyType;
  page?: number;
  pageSize?: number;
}

/** GET /public/provinces/:provinceId: the province's figures and one page of its agencies. */
export const getPublicProvince = (provinceId: number, query: PublicProvinceParams, signal?: AbortSignal): Promise<PublicProvince> =>
  api.get(`/public/provinces/${provinceId}`, PublicProvinceSchema, { query: { ...query }, signal });

export const publicProvinceQueryOptions = (provinceId: number, query: PublicProvinceParams) =>
  queryOptions({
    queryKey: publicKeys.province(provinceId, query),
    queryFn: ({ signal }) => getPublicProvince(provinceId, query, signal),
    staleTime: PUBLIC_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export const usePublicProvince = (provinceId: number, query: PublicProvinceParams) =>
  useQuery({ ...publicProvinceQueryOptions(provinceId, query), enabled: Number.isInteger(provinceId) });
