import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserSchema, type CreateUserInput, type User } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { userKeys } from './list-users';

/** POST /users: a new account with one role (409 when the e-mail is taken). */
export const createUser = (input: CreateUserInput): Promise<User> => api.post('/users', input, UserSchema);

export function useCreateUser({ onSuccess }: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onSuccess?.(user);
    },
  });
}
