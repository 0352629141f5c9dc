import { queryOptions, useQuery } from '@tanstack/react-query';
import { MeasureSchema, type Measure } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { measureKeys } from './measure-keys';

export const getMeasure = (measureId: string, signal?: AbortSignal): Promise<Measure> =>
  api.get(`/measures/${encodeURIComponent(measureId)}`, MeasureSchema, { signal });

export const measureQueryOptions = (measureId: string) =>
  queryOptions({
    queryKey: measureKeys.detail(measureId),
    queryFn: ({ signal }) => getMeasure(measureId, signal),
    // An editor must start from the newest version; never show a stale copy first.
    staleTime: 0,
  });

export const useMeasure = (measureId: string) => useQuery(measureQueryOptions(measureId));
