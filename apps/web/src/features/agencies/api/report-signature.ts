import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReportSignatureResponseSchema, type ReportSignatureResponse, type UpdateReportSignatureInput } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { agencyKeys } from './agency-keys';

/** The signature block that ends the agency's official reports (ADR 022). */
const path = (agencyId: string) => `/agencies/${encodeURIComponent(agencyId)}/report-signature`;

export const getReportSignature = (agencyId: string, signal?: AbortSignal): Promise<ReportSignatureResponse> =>
  api.get(path(agencyId), ReportSignatureResponseSchema, { signal });

export const reportSignatureQueryOptions = (agencyId: string) =>
  queryOptions({
    queryKey: agencyKeys.reportSignature(agencyId),
    queryFn: ({ signal }) => getReportSignature(agencyId, signal),
  });

export const useReportSignature = (agencyId: string) => useQuery(reportSignatureQueryOptions(agencyId));

/** PUT (a block) or DELETE (null): editors of the agency and national admins. */
export function useSaveReportSignature(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateReportSignatureInput | null): Promise<ReportSignatureResponse> => {
      if (input) return api.put(path(agencyId), input, ReportSignatureResponseSchema);
      await api.delete(path(agencyId));
      return { signature: null };
    },
    onSuccess: (saved) => queryClient.setQueryData(agencyKeys.reportSignature(agencyId), saved),
  });
}
