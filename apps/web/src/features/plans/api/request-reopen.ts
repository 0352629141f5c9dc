import { useMutation } from '@tanstack/react-query';
import { ReopenRequestResponseSchema, type ReopenRequestResponse } from '@prongsai/shared';
import { api } from '@/lib/api-client';

/** POST /plans/:planId/reopen-request: an editor asks the province's reviewers to reopen an accepted or published plan. */
export const requestReopen = ({ planId, reason }: { planId: string; reason: string }): Promise<ReopenRequestResponse> =>
  api.post(`/plans/${encodeURIComponent(planId)}/reopen-request`, { reason }, ReopenRequestResponseSchema);

export const useRequestReopen = () => useMutation({ mutationFn: requestReopen });
