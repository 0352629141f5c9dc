/** Every route path of the SPA and how to link to it. Pages and links use only these. */

type SearchValue = string | number | undefined | null;

/** `?a=1&b=x` from the non-empty values, or '' when there are none. */
export function toSearch(params: Record<string, SearchValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: {
    path: '/login',
    getHref: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
  resetPassword: { path: '/reset-password', getHref: () => '/reset-password' },

  // Public dashboard: no login, published data only. Never link from here to staff pages.
  publicHome: {
    path: '/public',
    getHref: (fiscalYear?: number) => `/public${toSearch({ fy: fiscalYear })}`,
  },
  publicProvince: {
    path: '/public/provinces/:provinceId',
    getHref: (provinceId: number, fiscalYear?: number) => `/public/provinces/${provinceId}${toSearch({ fy: fiscalYear })}`,
  },
  publicAgency: {
    path: '/public/agencies/:agencyId',
    getHref: (agencyId: string) => `/public/agencies/${id(agencyId)}`,
  },
  publicPlan: {
    path: '/public/agencies/:agencyId/plans/:fiscalYear',
    getHref: (agencyId: string, fiscalYear: number) => `/public/agencies/${id(agencyId)}/plans/${fiscalYear}`,
  },

  review: {
    path: '/review',
    getHref: (search: Record<string, SearchValue> = {}) => `/review${toSearch(search)}`,
  },
  /** A reviewer's home: submitted plans waiting for them (issue 14). */
  reviewWaiting: { path: '/review/waiting', getHref: () => '/review/waiting' },
  reviewCompare: {
    path: '/review/compare',
    getHref: (agencyIds: string[], search: Record<string, SearchValue> = {}) =>
      `/review/compare${toSearch({ agencyIds: agencyIds.join(','), ...search })}`,
  },
  reviewIndicators: {
    path: '/review/indicators',
    getHref: (search: Record<string, SearchValue> = {}) => `/review/indicators${toSearch(search)}`,
  },
  /** Copied reports: the largest groups of identical results and summaries (ADR 014). */
  reviewCopies: {
    path: '/review/copies',
    getHref: (search: Record<string, SearchValue> = {}) => `/review/copies${toSearch(search)}`,
  },
  reviewTrends: {
    path: '/review/trends',
    getHref: (search: Record<string, SearchValue> = {}) => `/review/trends${toSearch(search)}`,
  },

  adminUsers: { path: '/admin/users', getHref: () => '/admin/users' },
  adminCodebooks: {
    path: '/admin/codebooks',
    getHref: (fiscalYear?: number) => `/admin/codebooks${toSearch({ fy: fiscalYear })}`,
  },
  adminItaResults: { path: '/admin/ita-results', getHref: () => '/admin/ita-results' },
  adminAudit: { path: '/admin/audit', getHref: () => '/admin/audit' },
  /** A national admin sets each fiscal year's ITA deadlines (issue 14). */
  adminCalendar: {
    path: '/admin/calendar',
    getHref: (fiscalYear?: number) => `/admin/calendar${toSearch({ fy: fiscalYear })}`,
  },
  /** Every signed-in user: how they hear of each kind of notification. */
  settingsNotifications: { path: '/settings/notifications', getHref: () => '/settings/notifications' },

  agency: {
    path: '/agencies/:agencyId',
    getHref: (agencyId: string) => `/agencies/${id(agencyId)}`,
  },
  agencyImport: {
    path: '/agencies/:agencyId/import',
    getHref: (agencyId: string) => `/agencies/${id(agencyId)}/import`,
  },
  plan: {
    path: '/agencies/:agencyId/plans/:fiscalYear',
    getHref: (agencyId: string, fiscalYear: number) => `/agencies/${id(agencyId)}/plans/${fiscalYear}`,
  },
  measureEdit: {
    path: '/measures/:measureId/edit',
    getHref: (measureId: string) => `/measures/${id(measureId)}/edit`,
  },
} as const;

/** A `next` redirect target is followed only when it is a path on this site. */
export function safeNextPath(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith(paths.login.path)) return undefined;
  return next;
}
