import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from './queryClient.ts';
import { USERS_KEY } from './useUsersQuery.ts';
import { createResetLink, inviteUser, updateUser } from './users.ts';
import type { UpdateUserInput } from './users.ts';

/** `POST /api/users`: the new user and the invitation link for the admin to pass on. */
export function useInviteUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }) });
}

/** `PATCH /api/users/{id}`. An admin may change their own roles, so the session is reread too. */
export function useUpdateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserInput }) => updateUser(id, changes),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: USERS_KEY }), queryClient.invalidateQueries({ queryKey: SESSION_KEY })]);
    },
  });
}

/** `POST /api/users/{id}/reset-link`: a one-time link that lets the user choose a new password. */
export function useResetLinkMutation() {
  return useMutation({ mutationFn: createResetLink });
}
