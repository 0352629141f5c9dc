import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlanDetailSchema, type CreatePlanInput, type PlanDetail } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { storePlan } from './get-plan';

export const createPlan = ({
  agencyId,
  fiscalYear,
  input,
}: {
  agencyId: string;
  fiscalYear: number;
  input: CreatePlanInput;
}): Promise<PlanDetail> => api.post(`/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}`, input, PlanDetailSchema);

export function useCreatePlan({ onSuccess }: { onSuccess?: (plan: PlanDetail) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: (plan) => {
      storePlan(queryClient, plan);
      onSuccess?.(plan);
    },
  });
}
