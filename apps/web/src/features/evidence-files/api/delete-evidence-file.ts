import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { evidenceFileKeys } from './get-evidence-files';

export const deleteEvidenceFile = (fileId: string): Promise<void> => api.delete(`/files/${encodeURIComponent(fileId)}`);

export function useDeleteEvidenceFile(measureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvidenceFile,
    onSettled: () => queryClient.invalidateQueries({ queryKey: evidenceFileKeys.measure(measureId) }),
  });
}
