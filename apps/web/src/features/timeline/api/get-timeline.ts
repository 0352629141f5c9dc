import { queryOptions, useQuery } from '@tanstack/react-query';
import { TimelineListResponseSchema, type TimelineEntry } from '@prongsai/shared';
import { api } from '@/lib/api-client';

export const timelineKeys = {
  all: ['timeline'] as const,
  measure: (measureId: string) => ['timeline', measureId] as const,
};

export const getTimeline = async (measureId: string, signal?: AbortSignal): Promise<TimelineEntry[]> =>
  (await api.get(`/measures/${encodeURIComponent(measureId)}/timeline`, TimelineListResponseSchema, { signal })).items;

export const timelineQueryOptions = (measureId: string) =>
  queryOptions({
    queryKey: timelineKeys.measure(measureId),
    queryFn: ({ signal }) => getTimeline(measureId, signal),
  });

export const useTimeline = (measureId: string) => useQuery(timelineQueryOptions(measureId));
