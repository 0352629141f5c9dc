import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureSchema, type Measure, type UpdateMeasureInput } from '@prongsai/shared';
import { api, isApiError, type ApiError } from '@/lib/api-client';
import { measureKeys } from './measure-keys';

/** PATCH /measures/:measureId with the version the edit was based on; 409 VERSION_CONFLICT if stale. */
export const updateMeasure = ({ measureId, input }: { measureId: string; input: UpdateMeasureInput }): Promise<Measure> =>
  api.patch(`/measures/${encodeURIComponent(measureId)}`, input, MeasureSchema);

/** The measure as it is on the server, from a VERSION_CONFLICT answer. */
export function conflictCurrent(error: unknown): Measure | undefined {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return undefined;
  const parsed = MeasureSchema.safeParse((error as ApiError).current);
  return parsed.success ? parsed.data : undefined;
}

export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMeasure,
    onSuccess: (measure) => queryClient.setQueryData(measureKeys.detail(measure.id), measure),
    onError: (error) => {
      const current = conflictCurrent(error);
      if (current) queryClient.setQueryData(measureKeys.detail(current.id), current);
    },
  });
}
