/** The review feature's query keys; every review query and invalidation goes through these. */
export const reviewKeys = {
  all: ['review'] as const,
  overview: (provinceId: number, query: object) => ['review', 'overview', provinceId, query] as const,
  compare: (agencyIds: string[]) => ['review', 'compare', [...agencyIds].sort().join(',')] as const,
  heatmap: (provinceId: number, fiscalYear: number) => ['review', 'heatmap', provinceId, fiscalYear] as const,
  trends: (provinceId: number) => ['review', 'trends', provinceId] as const,
};
