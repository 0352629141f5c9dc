import { useMutation } from '@tanstack/react-query';
import { UploadItaResultsResponseSchema } from '@prongsai/shared';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type UploadItaResultsResponse = z.infer<typeof UploadItaResultsResponseSchema>;

/** POST /ita-results: the NACC's published scores as CSV (agency_code,fiscal_year,score). */
export const uploadItaResults = (csv: string): Promise<UploadItaResultsResponse> =>
  api.post('/ita-results', { csv }, UploadItaResultsResponseSchema);

export const useUploadItaResults = () => useMutation({ mutationFn: uploadItaResults });
