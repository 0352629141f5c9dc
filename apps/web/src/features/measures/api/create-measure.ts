import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureSchema, type CreateMeasureInput, type Measure } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { measureKeys } from './measure-keys';

export const createMeasure = ({ planId, input }: { planId: string; input: CreateMeasureInput }): Promise<Measure> =>
  api.post(`/plans/${encodeURIComponent(planId)}/measures`, input, MeasureSchema);

export function useCreateMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeasure,
    onSuccess: (measure) => queryClient.setQueryData(measureKeys.detail(measure.id), measure),
  });
}
