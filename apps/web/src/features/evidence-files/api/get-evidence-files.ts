import { queryOptions, useQuery } from '@tanstack/react-query';
import { EvidenceFileListSchema, type EvidenceFile } from '@prongsai/shared';
import { api } from '@/lib/api-client';

export const evidenceFileKeys = {
  all: ['evidence-files'] as const,
  measure: (measureId: string) => ['evidence-files', measureId] as const,
};

export const getEvidenceFiles = async (measureId: string, signal?: AbortSignal): Promise<EvidenceFile[]> =>
  (await api.get(`/measures/${encodeURIComponent(measureId)}/files`, EvidenceFileListSchema, { signal })).items;

export const evidenceFilesQueryOptions = (measureId: string) =>
  queryOptions({ queryKey: evidenceFileKeys.measure(measureId), queryFn: ({ signal }) => getEvidenceFiles(measureId, signal) });

export const useEvidenceFiles = (measureId: string) => useQuery(evidenceFilesQueryOptions(measureId));
