/** The plans feature's query keys; every plan query and invalidation goes through these. */
export const planKeys = {
  all: ['plans'] as const,
  agencyList: (agencyId: string) => ['plans', 'agency-list', agencyId] as const,
  detail: (agencyId: string, fiscalYear: number) => ['plans', 'detail', agencyId, fiscalYear] as const,
  byId: (planId: string) => ['plans', 'by-id', planId] as const,
};

export type PlanDetailKey = ReturnType<typeof planKeys.detail> | ReturnType<typeof planKeys.byId>;
