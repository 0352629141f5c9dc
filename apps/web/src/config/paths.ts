/** Every route path of the SPA and how to link to it. Pages and links use only these. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: {
    path: '/login',
    getHref: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
  review: { path: '/review', getHref: () => '/review' },
  adminUsers: { path: '/admin/users', getHref: () => '/admin/users' },
  agency: {
    path: '/agencies/:agencyId',
    getHref: (agencyId: string) => `/agencies/${encodeURIComponent(agencyId)}`,
  },
  plan: {
    path: '/agencies/:agencyId/plans/:fiscalYear',
    getHref: (agencyId: string, fiscalYear: number) => `/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}`,
  },
  measureEdit: {
    path: '/measures/:measureId/edit',
    getHref: (measureId: string) => `/measures/${encodeURIComponent(measureId)}/edit`,
  },
} as const;

/** A `next` redirect target is followed only when it is a path on this site. */
export function safeNextPath(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith(paths.login.path)) return undefined;
  return next;
}
