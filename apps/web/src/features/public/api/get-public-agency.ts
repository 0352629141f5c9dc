import { queryOptions, useQuery } from '@tanstack/react-query';
import { PublicAgencySchema, type PublicAgency } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

/** GET /public/agencies/:agencyId: the agency and its published plans (never drafts). */
export const getPublicAgency = (agencyId: string, signal?: AbortSignal): Promise<PublicAgency> =>
  api.get(`/public/agencies/${encodeURIComponent(agencyId)}`, PublicAgencySchema, { signal });

export const publicAgencyQueryOptions = (agencyId: string) =>
  queryOptions({
    queryKey: publicKeys.agency(agencyId),
    queryFn: ({ signal }) => getPublicAgency(agencyId, signal),
    staleTime: PUBLIC_STALE_TIME,
  });

export const usePublicAgency = (agencyId: string) => useQuery(publicAgencyQueryOptions(agencyId));
