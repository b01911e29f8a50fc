import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import type { Session } from '../../common/api/auth.ts';
import { ApiError } from './client.ts';

/** Where the signed-in user and the CSRF token live: `Session`, or `null` when signed out. */
export const SESSION_KEY = ['session'] as const;

/**
 * Query roots anyone may see. Everything else belongs to the signed-in user and is dropped when
 * the user changes, so a shared phone never shows the previous user's data.
 */
const PUBLIC_QUERY_ROOTS: ReadonlySet<unknown> = new Set(['area', 'areaSearch', 'health', 'organisations', 'demoAccounts', 'link', 'indicators', 'observations']);

/** The code the server gives a request that has no (or no longer a) session. */
const SIGNED_OUT_CODE = 'unauthorized';

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 or 400 will be the same next time; only network errors and 5xx are worth two more tries.
      retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2,
      // Refetching every time a phone user switches apps costs data and shows spinners for nothing.
      refetchOnWindowFocus: false,
    },
  },
  // A 401 on any page means the session has ended (expired, or signed out on another device).
  queryCache: new QueryCache({
    onError: (error, query: Query<unknown, unknown, unknown>) => {
      if (error instanceof ApiError && error.isUnauthorized && query.queryKey[0] !== SESSION_KEY[0]) setSession(null);
    },
  }),
  // Writes answer 401 for other reasons too (a wrong current password), so only the signed-out code counts.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (error instanceof ApiError && error.isUnauthorized && error.code === SIGNED_OUT_CODE) setSession(null);
    },
  }),
});

/** The session as last seen, without subscribing to it. */
export function currentSession(): Session | null | undefined {
  return queryClient.getQueryData<Session | null>(SESSION_KEY);
}

/** Records who is signed in now; when that is someone else (or no one), the previous user's data goes. */
export function setSession(session: Session | null): void {
  if (currentSession()?.user.id !== session?.user.id) {
    queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERY_ROOTS.has(query.queryKey[0]) && query.queryKey[0] !== SESSION_KEY[0] });
  }
  queryClient.setQueryData<Session | null>(SESSION_KEY, session);
}
