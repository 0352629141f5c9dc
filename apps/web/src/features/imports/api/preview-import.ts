import { useMutation } from '@tanstack/react-query';
import { ImportPreviewSchema, type ImportPreview, type ImportPreviewInput } from '@prongsai/shared';
import { api } from '@/lib/api-client';

/** POST /agencies/:agencyId/imports/preview: what the server understood of a report. Writes nothing. */
export const previewImport = (agencyId: string, input: ImportPreviewInput): Promise<ImportPreview> =>
  api.post(`/agencies/${encodeURIComponent(agencyId)}/imports/preview`, input, ImportPreviewSchema);

export const usePreviewImport = (agencyId: string) =>
  useMutation({ mutationFn: (input: ImportPreviewInput) => previewImport(agencyId, input) });
