import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TimelineEntrySchema, type CreateTimelineEntryInput, type TimelineEntry } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { timelineKeys } from './get-timeline';

export const createTimelineEntry = ({ measureId, input }: { measureId: string; input: CreateTimelineEntryInput }): Promise<TimelineEntry> =>
  api.post(`/measures/${encodeURIComponent(measureId)}/timeline`, input, TimelineEntrySchema);

export function useCreateTimelineEntry(measureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTimelineEntryInput) => createTimelineEntry({ measureId, input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: timelineKeys.measure(measureId) }),
  });
}
