import { useMutation } from '@tanstack/react-query';
import { PlanDetailSchema, type ImportCommitInput, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';

export interface CommitImportRequest {
  fiscalYear: number;
  input: ImportCommitInput;
}

/** POST /agencies/:agencyId/plans/:fiscalYear/import: adds the confirmed measures to that year's draft plan (created if missing). */
export const commitImport = (agencyId: string, { fiscalYear, input }: CommitImportRequest): Promise<PlanDetail> =>
  api.post(`/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}/import`, input, PlanDetailSchema);

/** The page that uses it refreshes the plan caches in onSuccess (they belong to the plans feature). */
export const useCommitImport = (agencyId: string, { onSuccess }: { onSuccess?: (plan: PlanDetail) => void } = {}) =>
  useMutation({ mutationFn: (request: CommitImportRequest) => commitImport(agencyId, request), onSuccess });
