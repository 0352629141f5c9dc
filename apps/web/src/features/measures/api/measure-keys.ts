/** The measures feature's query keys. */
export const measureKeys = {
  all: ['measures'] as const,
  detail: (measureId: string) => ['measures', 'detail', measureId] as const,
  codebook: (fiscalYear: number) => ['codebooks', 'for-year', fiscalYear] as const,
};
