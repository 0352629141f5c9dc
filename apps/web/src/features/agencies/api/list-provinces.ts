import { queryOptions, useQuery } from '@tanstack/react-query';
import { DistrictSchema, ProvinceSchema, type District, type Province } from '@prongsai/shared';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { agencyKeys } from './agency-keys';

const ProvinceListSchema = z.object({ items: z.array(ProvinceSchema) });
const DistrictListSchema = z.object({ items: z.array(DistrictSchema) });

/** GET /provinces: all 77 provinces with their DOPA codes. */
export const listProvinces = async (signal?: AbortSignal): Promise<Province[]> =>
  (await api.get('/provinces', ProvinceListSchema, { signal })).items;

/** GET /provinces/:provinceId/districts */
export const listDistricts = async (provinceId: number, signal?: AbortSignal): Promise<District[]> =>
  (await api.get(`/provinces/${provinceId}/districts`, DistrictListSchema, { signal })).items;

export const provincesQueryOptions = () =>
  queryOptions({ queryKey: agencyKeys.provinces(), queryFn: ({ signal }) => listProvinces(signal), staleTime: Infinity });

export const districtsQueryOptions = (provinceId: number) =>
  queryOptions({
    queryKey: agencyKeys.districts(provinceId),
    queryFn: ({ signal }) => listDistricts(provinceId, signal),
    staleTime: Infinity,
  });

export const useProvinces = (enabled = true) => useQuery({ ...provincesQueryOptions(), enabled });

export const useDistricts = (provinceId: number | undefined) =>
  useQuery({ ...districtsQueryOptions(provinceId ?? 0), enabled: provinceId !== undefined });
