import type { z } from 'zod';
import { CSRF_HEADER } from '../../common/roles.ts';
import { requestEmpty, requestJson } from './client.ts';
import type { WriteMethod } from './client.ts';
import { currentSession } from './queryClient.ts';

/**
 * Writes from the web. Each carries the session's CSRF token (kept in the query cache with the
 * session), without which the server refuses a cookie-authenticated write with 403. Signed out
 * (signing in, following a link) there is no token yet, and none is needed.
 */
export function writeJson<T>(method: WriteMethod, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return requestJson(path, schema, { method, body, headers: csrfHeaders() });
}

/** A write answered with 204 No Content. */
export function writeEmpty(method: WriteMethod, path: string, body?: unknown): Promise<void> {
  return requestEmpty(path, { method, body, headers: csrfHeaders() });
}

function csrfHeaders(): Record<string, string> {
  const token = currentSession()?.csrfToken;
  return token ? { [CSRF_HEADER]: token } : {};
}
