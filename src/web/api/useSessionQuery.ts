import { useQuery } from '@tanstack/react-query';
import { fetchSession } from './auth.ts';
import { SESSION_KEY } from './queryClient.ts';

/** Rechecked now and then, so roles an admin changed reach an open page without a reload. */
const SESSION_STALE_TIME = 5 * 60_000;

/** Who is signed in (`GET /api/auth/me`): `Session`, or `null` when signed out. */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: SESSION_STALE_TIME,
  });
}
