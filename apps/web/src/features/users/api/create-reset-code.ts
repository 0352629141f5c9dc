import { useMutation } from '@tanstack/react-query';
import { PasswordResetCodeResponseSchema } from '@prongsai/shared';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type PasswordResetCode = z.infer<typeof PasswordResetCodeResponseSchema>;

/** POST /users/:userId/password-reset: a one-time code, returned once and never again. */
export const createResetCode = (userId: string): Promise<PasswordResetCode> =>
  api.post(`/users/${encodeURIComponent(userId)}/password-reset`, undefined, PasswordResetCodeResponseSchema);

export const useCreateResetCode = () => useMutation({ mutationFn: createResetCode });
