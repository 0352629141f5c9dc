import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { UserListQuerySchema, UserListResponseSchema } from '@prongsai/shared';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type UserListParams = Partial<z.infer<typeof UserListQuerySchema>>;
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListParams) => ['users', 'list', query] as const,
};

export const listUsers = (query: UserListParams, signal?: AbortSignal): Promise<UserListResponse> =>
  api.get('/users', UserListResponseSchema, { query, signal });

export const userListQueryOptions = (query: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UserListParams) => useQuery(userListQueryOptions(query));
