import type { z } from 'zod';
import {
  apiTokenListSchema,
  createdApiTokenSchema,
  demoAccountsSchema,
  linkInfoSchema,
  sessionSchema,
  totpSetupSchema,
} from '../../common/api/auth.ts';
import type { ApiToken, Session, createApiTokenSchema, setupSchema, signInSchema } from '../../common/api/auth.ts';
import { ApiError, getJson } from './client.ts';
import { writeEmpty, writeJson } from './write.ts';

export type SignInInput = z.input<typeof signInSchema>;
export type SetupInput = z.input<typeof setupSchema>;
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type LinkInfo = z.infer<typeof linkInfoSchema>;
export type DemoAccounts = z.infer<typeof demoAccountsSchema>;
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

/** `GET /api/auth/me`: the session, or `null` when signed out (a 401 here is an answer, not a failure). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await getJson('/api/auth/me', sessionSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) return null;
    throw error;
  }
}

export function signIn(input: SignInInput): Promise<Session> {
  return writeJson('POST', '/api/auth/sign-in', input, sessionSchema);
}

export function signOut(everywhere = false): Promise<void> {
  return writeEmpty('POST', '/api/auth/sign-out', { everywhere });
}

export function setUpFirstAdmin(input: SetupInput): Promise<Session> {
  return writeJson('POST', '/api/auth/setup', input, sessionSchema);
}

export function fetchLink(token: string, signal?: AbortSignal): Promise<LinkInfo> {
  return getJson(`/api/auth/links/${encodeURIComponent(token)}`, linkInfoSchema, signal);
}

/** Completes an invitation or a reset link by setting the password. */
export function redeemLink(token: string, newPassword: string): Promise<void> {
  return writeEmpty('POST', '/api/auth/reset', { token, newPassword });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return writeEmpty('POST', '/api/auth/password', { currentPassword, newPassword });
}

export function fetchDemoAccounts(signal?: AbortSignal): Promise<DemoAccounts> {
  return getJson('/api/auth/demo-accounts', demoAccountsSchema, signal);
}

export function startTotpSetup(): Promise<TotpSetup> {
  return writeJson('POST', '/api/auth/totp/setup', undefined, totpSetupSchema);
}

export function enableTotp(code: string): Promise<void> {
  return writeEmpty('POST', '/api/auth/totp/enable', { code });
}

export function disableTotp(password: string): Promise<void> {
  return writeEmpty('POST', '/api/auth/totp/disable', { password });
}

export function fetchApiTokens(signal?: AbortSignal): Promise<{ items: ApiToken[] }> {
  return getJson('/api/auth/tokens', apiTokenListSchema, signal);
}

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return writeJson('POST', '/api/auth/tokens', input, createdApiTokenSchema);
}

export function revokeApiToken(id: string): Promise<void> {
  return writeEmpty('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`);
}
