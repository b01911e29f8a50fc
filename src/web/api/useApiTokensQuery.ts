import { useQuery } from '@tanstack/react-query';
import { fetchApiTokens } from './auth.ts';

export const API_TOKENS_KEY = ['apiTokens'] as const;

/** The signed-in user's API tokens (`GET /api/auth/tokens`), never the secrets themselves. */
export function useApiTokensQuery() {
  return useQuery({
    queryKey: API_TOKENS_KEY,
    queryFn: ({ signal }) => fetchApiTokens(signal),
  });
}
