import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MarkNotificationsReadResponseSchema,
  NotificationListResponseSchema,
  NotificationPreferencesSchema,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
  WaitingPlansResponseSchema,
  type MarkNotificationsReadInput,
  type NotificationListResponse,
  type WaitingPlansResponse,
} from '@prongsai/shared';
import { api } from '@/lib/api-client';

/** The notifications feature's query keys. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (pageSize: number) => ['notifications', 'list', pageSize] as const,
  waiting: ['notifications', 'waiting'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** GET /notifications: the signed-in user's, newest first, with the unread count. */
export const getNotifications = (pageSize: number, signal?: AbortSignal): Promise<NotificationListResponse> =>
  api.get('/notifications', NotificationListResponseSchema, { query: { pageSize }, signal });

export const notificationsQueryOptions = (pageSize = 20) =>
  queryOptions({
    queryKey: notificationKeys.list(pageSize),
    queryFn: ({ signal }) => getNotifications(pageSize, signal),
    // The bell's count stays fresh without a page load.
    refetchInterval: 60_000,
  });

export const useNotifications = (pageSize = 20) => useQuery(notificationsQueryOptions(pageSize));

export const markNotificationsRead = (input: MarkNotificationsReadInput) =>
  api.post('/notifications/read', input, MarkNotificationsReadResponseSchema);

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** GET /review/waiting: a reviewer's queue of submitted plans, oldest first. */
export const getWaitingPlans = (signal?: AbortSignal): Promise<WaitingPlansResponse> =>
  api.get('/review/waiting', WaitingPlansResponseSchema, { signal });

export const waitingPlansQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.waiting, queryFn: ({ signal }) => getWaitingPlans(signal), refetchInterval: 60_000 });

export const useWaitingPlans = (enabled: boolean) => useQuery({ ...waitingPlansQueryOptions(), enabled });

/** GET /notifications/preferences: how the user hears of each kind. */
export const useNotificationPreferences = () =>
  useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }): Promise<NotificationPreferences> =>
      api.get('/notifications/preferences', NotificationPreferencesSchema, { signal }),
  });

/** PUT /notifications/preferences. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNotificationPreferencesInput) => api.put('/notifications/preferences', input, NotificationPreferencesSchema),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
