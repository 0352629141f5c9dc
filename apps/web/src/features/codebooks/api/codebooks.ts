import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CodebookListResponseSchema,
  CodebookSchema,
  type Codebook,
  type CodebookListResponse,
  type UploadCodebookInput,
} from '@prongsai/shared';
import { api, isApiError } from '@/lib/api-client';

/** The codebooks feature's query keys (the codebook cache the measure editor reads starts with 'codebooks' too). */
export const codebookKeys = {
  all: ['codebooks'] as const,
  list: () => ['codebooks', 'list'] as const,
  year: (fiscalYear: number) => ['codebooks', 'year', fiscalYear] as const,
};

/** GET /codebooks: the years that have an OIT codebook, with their item counts. */
export const listCodebooks = (signal?: AbortSignal): Promise<CodebookListResponse> =>
  api.get('/codebooks', CodebookListResponseSchema, { signal });

/** GET /codebooks/:fiscalYear: that year's items exactly (null when the year has none). */
export async function getCodebook(fiscalYear: number, signal?: AbortSignal): Promise<Codebook | null> {
  try {
    return await api.get(`/codebooks/${fiscalYear}`, CodebookSchema, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** PUT /codebooks/:fiscalYear: replace a year's codebook from CSV (code,title,group); 400 lists the bad lines. */
export const uploadCodebook = (fiscalYear: number, input: UploadCodebookInput): Promise<Codebook> =>
  api.put(`/codebooks/${fiscalYear}`, input, CodebookSchema);

export const codebookListQueryOptions = () =>
  queryOptions({ queryKey: codebookKeys.list(), queryFn: ({ signal }) => listCodebooks(signal) });

export const codebookQueryOptions = (fiscalYear: number) =>
  queryOptions({ queryKey: codebookKeys.year(fiscalYear), queryFn: ({ signal }) => getCodebook(fiscalYear, signal) });

export const useCodebookList = () => useQuery(codebookListQueryOptions());

export const useCodebookOfYear = (fiscalYear: number | undefined) =>
  useQuery({ ...codebookQueryOptions(fiscalYear ?? 0), enabled: fiscalYear !== undefined });

export function useUploadCodebook({ onSuccess }: { onSuccess?: (codebook: Codebook) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fiscalYear, input }: { fiscalYear: number; input: UploadCodebookInput }) => uploadCodebook(fiscalYear, input),
    onSuccess: (codebook) => {
      // Every codebook cache, including the one the measure editor uses for its picker.
      void queryClient.invalidateQueries({ queryKey: codebookKeys.all });
      onSuccess?.(codebook);
    },
  });
}
