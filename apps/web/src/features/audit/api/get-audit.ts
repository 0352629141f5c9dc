import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { AuditListResponseSchema, type AuditListResponse, type AuditQuery } from '@prongsai/shared';
import { api } from '@/lib/api-client';

export type AuditParams = Partial<AuditQuery>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditParams) => ['audit', query] as const,
};

export const listAudit = (query: AuditParams, signal?: AbortSignal): Promise<AuditListResponse> =>
  api.get('/audit', AuditListResponseSchema, { query, signal });

export const auditQueryOptions = (query: AuditParams) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAudit = (query: AuditParams) => useQuery(auditQueryOptions(query));
