import { queryOptions, useQuery } from '@tanstack/react-query';
import { IndicatorHeatmapSchema, type IndicatorHeatmap } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { reviewKeys } from './review-keys';

/** GET /review/provinces/:provinceId/indicators: how many measures of each agency cite each OIT item. */
export const getIndicatorHeatmap = (provinceId: number, fiscalYear: number, signal?: AbortSignal): Promise<IndicatorHeatmap> =>
  api.get(`/review/provinces/${provinceId}/indicators`, IndicatorHeatmapSchema, { query: { fiscalYear }, signal });

export const indicatorHeatmapQueryOptions = (provinceId: number, fiscalYear: number) =>
  queryOptions({
    queryKey: reviewKeys.heatmap(provinceId, fiscalYear),
    queryFn: ({ signal }) => getIndicatorHeatmap(provinceId, fiscalYear, signal),
  });

export const useIndicatorHeatmap = (provinceId: number | undefined, fiscalYear: number) =>
  useQuery({ ...indicatorHeatmapQueryOptions(provinceId ?? 0, fiscalYear), enabled: provinceId !== undefined });
