import { queryOptions, useQuery } from '@tanstack/react-query';
import { AgencySchema, type Agency } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { agencyKeys } from './agency-keys';

export const getAgency = (agencyId: string, signal?: AbortSignal): Promise<Agency> =>
  api.get(`/agencies/${encodeURIComponent(agencyId)}`, AgencySchema, { signal });

export const agencyQueryOptions = (agencyId: string) =>
  queryOptions({
    queryKey: agencyKeys.detail(agencyId),
    queryFn: ({ signal }) => getAgency(agencyId, signal),
  });

export const useAgency = (agencyId: string) => useQuery(agencyQueryOptions(agencyId));
