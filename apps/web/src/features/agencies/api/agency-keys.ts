import type { AgencyListQuery } from '@prongsai/shared';

/** The agencies feature's query keys; invalidate through these. */
export const agencyKeys = {
  all: ['agencies'] as const,
  lists: () => ['agencies', 'list'] as const,
  list: (query: Partial<AgencyListQuery>) => ['agencies', 'list', query] as const,
  detail: (agencyId: string) => ['agencies', 'detail', agencyId] as const,
  reportSignature: (agencyId: string) => ['agencies', 'detail', agencyId, 'report-signature'] as const,
  provinces: () => ['provinces'] as const,
  districts: (provinceId: number) => ['provinces', provinceId, 'districts'] as const,
};
