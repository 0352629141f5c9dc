import { useMutation } from '@tanstack/react-query';
import type { ResetPasswordInput } from '@prongsai/shared';
import { apiSend } from '@/lib/api-client';

/** Set a new password with the one-time code an administrator handed over (no session needed). */
export const redeemPasswordReset = (input: ResetPasswordInput) =>
  apiSend('/auth/password-reset', { method: 'POST', body: input, skipUnauthorizedHandler: true });

export const useRedeemPasswordReset = () => useMutation({ mutationFn: redeemPasswordReset });
