/** The public feature's query keys (published data only, the same for every reader). */
export const publicKeys = {
  all: ['public'] as const,
  summary: (fiscalYear: number | undefined) => ['public', 'summary', fiscalYear ?? 'latest'] as const,
  province: (provinceId: number, query: object) => ['public', 'province', provinceId, query] as const,
  agency: (agencyId: string) => ['public', 'agency', agencyId] as const,
  agencySearch: (q: string, page: number) => ['public', 'agency-search', q, page] as const,
  plan: (agencyId: string, fiscalYear: number) => ['public', 'plan', agencyId, fiscalYear] as const,
  planFiles: (agencyId: string, fiscalYear: number) => ['public', 'plan-files', agencyId, fiscalYear] as const,
};

/** Public answers change rarely (the API caches them for a minute too). */
export const PUBLIC_STALE_TIME = 5 * 60 * 1000;
