import { queryOptions, useQuery } from '@tanstack/react-query';
import { EvidenceFileListSchema, type EvidenceFile } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { PUBLIC_STALE_TIME, publicKeys } from './public-keys';

/** GET /public/agencies/:agencyId/plans/:fiscalYear/files: a published report's public evidence files; 404 when unpublished. */
export const getPublicPlanFiles = async (agencyId: string, fiscalYear: number, signal?: AbortSignal): Promise<EvidenceFile[]> =>
  (await api.get(`/public/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}/files`, EvidenceFileListSchema, { signal })).items;

export const publicPlanFilesQueryOptions = (agencyId: string, fiscalYear: number) =>
  queryOptions({
    queryKey: publicKeys.planFiles(agencyId, fiscalYear),
    queryFn: ({ signal }) => getPublicPlanFiles(agencyId, fiscalYear, signal),
    staleTime: PUBLIC_STALE_TIME,
  });

export const usePublicPlanFiles = (agencyId: string, fiscalYear: number, enabled = true) =>
  useQuery({ ...publicPlanFilesQueryOptions(agencyId, fiscalYear), enabled: enabled && Number.isInteger(fiscalYear) });
