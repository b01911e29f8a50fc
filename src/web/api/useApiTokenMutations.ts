import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApiToken, revokeApiToken } from './auth.ts';
import { API_TOKENS_KEY } from './useApiTokensQuery.ts';

/** `POST /api/auth/tokens`: the answer holds the token itself, shown this once. */
export function useCreateApiTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: API_TOKENS_KEY }) });
}

/** `DELETE /api/auth/tokens/{id}`. */
export function useRevokeApiTokenMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: API_TOKENS_KEY }) });
}
