import { queryOptions, useQuery } from '@tanstack/react-query';
import { CodebookListResponseSchema, CodebookSchema, type Codebook } from '@prongsai/shared';
import { api, isApiError } from '@/lib/api-client';
import { measureKeys } from './measure-keys';

/**
 * The OIT codebook that applies to a fiscal year: that year's, or else the newest one before it
 * (codes change meaning between years, so a later year's book is never used). Null when none.
 */
export async function getCodebookForYear(fiscalYear: number, signal?: AbortSignal): Promise<Codebook | null> {
  try {
    return await api.get(`/codebooks/${fiscalYear}`, CodebookSchema, { signal });
  } catch (error) {
    if (!isApiError(error) || error.status !== 404) throw error;
  }
  const { items } = await api.get('/codebooks', CodebookListResponseSchema, { signal });
  const year = items
    .map((item) => item.fiscalYear)
    .filter((year) => year <= fiscalYear)
    .sort((a, b) => b - a)[0];
  if (year === undefined) return null;
  return api.get(`/codebooks/${year}`, CodebookSchema, { signal });
}

export const codebookQueryOptions = (fiscalYear: number) =>
  queryOptions({
    queryKey: measureKeys.codebook(fiscalYear),
    queryFn: ({ signal }) => getCodebookForYear(fiscalYear, signal),
    staleTime: 60 * 60 * 1000,
  });

export const useCodebook = (fiscalYear: number | undefined) =>
  useQuery({ ...codebookQueryOptions(fiscalYear ?? 0), enabled: fiscalYear !== undefined });
