/** The similarity feature's query keys. */
export const similarityKeys = {
  all: ['similarity'] as const,
  plan: (planId: string) => ['similarity', 'plan', planId] as const,
  clusters: (fiscalYear: number, provinceId: number | undefined) => ['similarity', 'clusters', fiscalYear, provinceId ?? 'all'] as const,
};
