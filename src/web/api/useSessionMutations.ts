import { useMutation } from '@tanstack/react-query';
import { setUpFirstAdmin, signIn, signOut } from './auth.ts';
import { ApiError } from './client.ts';
import { setSession } from './queryClient.ts';

/** `POST /api/auth/sign-in`; on success the session (and its CSRF token) goes into the cache. */
export function useSignInMutation() {
  return useMutation({ mutationFn: signIn, onSuccess: setSession });
}

/** `POST /api/auth/setup`: creates the first admin and signs them in. */
export function useSetupMutation() {
  return useMutation({ mutationFn: setUpFirstAdmin, onSuccess: setSession });
}

/** `POST /api/auth/sign-out`, here or on every device. Already signed out counts as done. */
export function useSignOutMutation() {
  return useMutation({
    mutationFn: async (everywhere: boolean) => {
      try {
        await signOut(everywhere);
      } catch (error) {
        if (!(error instanceof ApiError && error.isUnauthorized)) throw error;
      }
    },
    onSuccess: () => setSession(null),
  });
}
