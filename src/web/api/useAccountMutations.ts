import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword, disableTotp, enableTotp, redeemLink, startTotpSetup } from './auth.ts';
import { SESSION_KEY } from './queryClient.ts';

/** `POST /api/auth/reset`: sets the password of an invitation or reset link. */
export function useRedeemLinkMutation() {
  return useMutation({ mutationFn: ({ token, newPassword }: { token: string; newPassword: string }) => redeemLink(token, newPassword) });
}

/** `POST /api/auth/password`; the server ends the user's other sessions. */
export function useChangePasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      changePassword(currentPassword, newPassword),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** `POST /api/auth/totp/setup`: a new secret and its QR code, not active until confirmed. */
export function useTotpSetupMutation() {
  return useMutation({ mutationFn: startTotpSetup });
}

/** `POST /api/auth/totp/enable` with a code from the app, which proves the app has the secret. */
export function useTotpEnableMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: enableTotp, onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }) });
}

/** `POST /api/auth/totp/disable`, confirmed with the password. */
export function useTotpDisableMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disableTotp, onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }) });
}
