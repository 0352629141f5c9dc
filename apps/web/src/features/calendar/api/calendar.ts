import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CalendarSchema, DeadlinesResponseSchema, type Calendar, type DeadlinesResponse, type UpdateCalendarInput } from '@prongsai/shared';
import { api } from '@/lib/api-client';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (fiscalYear: number) => ['calendar', 'year', fiscalYear] as const,
  deadlines: (fiscalYear?: number) => ['calendar', 'deadlines', fiscalYear ?? 'current'] as const,
};

/** GET /calendar/:fiscalYear: the year's deadlines, set or defaulted. */
export const useCalendar = (fiscalYear: number) =>
  useQuery({
    queryKey: calendarKeys.year(fiscalYear),
    queryFn: ({ signal }): Promise<Calendar> => api.get(`/calendar/${fiscalYear}`, CalendarSchema, { signal }),
  });

/** PUT /calendar/:fiscalYear (national admins). */
export function useUpdateCalendar(fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCalendarInput) => api.put(`/calendar/${fiscalYear}`, input, CalendarSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.year(fiscalYear), saved);
      void queryClient.invalidateQueries({ queryKey: ['calendar', 'deadlines'] });
    },
  });
}

/** GET /deadlines: what is due for the caller's agencies (their own, their province's, or all). */
export const useDeadlines = (fiscalYear?: number) =>
  useQuery({
    queryKey: calendarKeys.deadlines(fiscalYear),
    queryFn: ({ signal }): Promise<DeadlinesResponse> =>
      api.get('/deadlines', DeadlinesResponseSchema, { query: fiscalYear ? { fiscalYear } : {}, signal }),
  });
