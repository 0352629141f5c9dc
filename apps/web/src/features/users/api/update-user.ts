import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserSchema, type UpdateUserInput, type User } from '@prongsai/shared';
import { api } from '@/lib/api-client';
import { userKeys } from './list-users';

export interface UpdateUserRequest {
  userId: string;
  input: UpdateUserInput;
}

/** PATCH /users/:userId: rename, disable / enable, or change the role (and its agency or province). */
export const updateUser = ({ userId, input }: UpdateUserRequest): Promise<User> =>
  api.patch(`/users/${encodeURIComponent(userId)}`, input, UserSchema);

export function useUpdateUser({ onSuccess }: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onSuccess?.(user);
    },
  });
}
