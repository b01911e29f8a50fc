import Tokens from '@fastify/csrf';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import {
  extendSession,
  findCredentialsById,
  findLiveApiToken,
  findLiveSession,
  insertSession,
  touchApiToken,
  type UserCredentials,
} from './credentials.repo.ts';
import { hashToken, newToken } from './secrets.ts';

/** A session lasts this long after its last use. */
export const SESSION_IDLE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const csrf = new Tokens({});

export interface AuthenticatedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfSecret: string;
}

export function userActor(user: UserCredentials, via: Extract<Actor, { kind: 'user' }>['via']): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    roles: user.roles,
    organisation: { id: user.organisation_id, code: user.organisation_code, kind: user.organisation_kind, areaCode: user.organisation_area_code },
    via,
  };
}

/** Opens a session: returns the raw token for the cookie (only its hash is stored). */
export async function openSession(db: Kysely<Schema>, userId: string, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; csrfSecret: string }> {
  const token = newToken();
  const csrfSecret = csrf.secretSync();
  await insertSession(db, { idHash: hashToken(token), userId, csrfSecret, expiresAt: new Date(Date.now() + SESSION_IDLE_DAYS * DAY_MS), ...meta });
  return { token, csrfSecret };
}

export async function resolveSession(db: Kysely<Schema>, token: string): Promise<AuthenticatedSession | null> {
  const now = new Date();
  const idHash = hashToken(token);
  const session = await findLiveSession(db, idHash, now);
  if (!session) return null;
  const user = await findCredentialsById(db, session.user_id);
  if (!user || user.disabled_at) return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await extendSession(db, idHash, now, new Date(now.getTime() + SESSION_IDLE_DAYS * DAY_MS));
  }
  return { actor: userActor(user, { kind: 'session', sessionHash: idHash }), csrfSecret: session.csrf_secret };
}

export async function resolveApiToken(db: Kysely<Schema>, token: string): Promise<Extract<Actor, { kind: 'user' }> | null> {
  const now = new Date();
  const found = await findLiveApiToken(db, hashToken(token), now);
  if (!found) return null;
  const user = await findCredentialsById(db, found.user_id);
  if (!user || user.disabled_at) return null;
  if (!found.last_used_at || now.getTime() - found.last_used_at.getTime() > TOUCH_INTERVAL_MS) await touchApiToken(db, found.id, now);
  return userActor(user, { kind: 'token', tokenId: found.id, scope: found.scope });
}

export function csrfTokenFor(csrfSecret: string): string {
  return csrf.create(csrfSecret);
}

export function isValidCsrfToken(csrfSecret: string, token: string): boolean {
  return csrf.verify(csrfSecret, token);
}
