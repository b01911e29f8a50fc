import { sql, type Kysely } from 'kysely';
import type { OrganisationKind, Role } from '../../common/roles.ts';
import type { OneTimeLinkPurpose, Schema } from '../db/schema.ts';

/** A user with what sign-in and request authentication need. */
export interface UserCredentials {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  disabled_at: Date | null;
  is_demo: boolean;
  organisation_id: string;
  organisation_code: string;
  organisation_kind: OrganisationKind;
  organisation_area_code: string | null;
}

function selectCredentials(db: Kysely<Schema>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id', 'u.email', 'u.name', 'u.roles', 'u.password_hash', 'u.totp_secret', 'u.totp_enabled_at', 'u.totp_last_step', 'u.disabled_at', 'u.is_demo', 'u.organisation_id',
      'o.code as organisation_code', 'o.kind as organisation_kind', 'o.area_code as organisation_area_code',
    ]);
}

export function findCredentialsByEmail(db: Kysely<Schema>, email: string): Promise<UserCredentials | undefined> {
  return selectCredentials(db).where(sql<string>`lower(u.email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function findCredentialsById(db: Kysely<Schema>, id: string): Promise<UserCredentials | undefined> {
  return selectCredentials(db).where('u.id', '=', id).executeTakeFirst();
}

// ---- sign-in attempts (lockout) ----

export async function recordSignInAttempt(db: Kysely<Schema>, email: string, succeeded: boolean, ip: string | null): Promise<void> {
  await db.insertInto('sign_in_attempt').values({ email: email.toLowerCase(), succeeded, ip }).execute();
}

/** Failed attempts for `email` since `since` and after its last successful sign-in. */
export async function countRecentFailures(db: Kysely<Schema>, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_attempt')
    .select(sql<number>`count(*) FILTER (WHERE NOT succeeded AND at > coalesce((SELECT max(at) FROM sign_in_attempt WHERE email = ${email.toLowerCase()} AND succeeded), '-infinity'))`.as('failures'))
    .where('email', '=', email.toLowerCase())
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.failures;
}

// ---- sessions ----

export async function insertSession(db: Kysely<Schema>, session: { idHash: string; userId: string; csrfSecret: string; expiresAt: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await db
    .insertInto('session')
    .values({ id_hash: session.idHash, user_id: session.userId, csrf_secret: session.csrfSecret, expires_at: session.expiresAt, ip: session.ip, user_agent: session.userAgent })
    .execute();
}

export function findLiveSession(db: Kysely<Schema>, idHash: string, now: Date) {
  return db.selectFrom('session').select(['id_hash', 'user_id', 'csrf_secret', 'last_seen_at', 'expires_at']).where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
}

export async function extendSession(db: Kysely<Schema>, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Schema>, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, except (optionally) the one making the request. */
export async function deleteUserSessions(db: Kysely<Schema>, userId: string, exceptHash?: string): Promise<void> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptHash) query = query.where('id_hash', '<>', exceptHash);
  await query.execute();
}

// ---- personal API tokens ----

export async function insertApiToken(db: Kysely<Schema>, token: { userId: string; name: string; tokenHash: string; prefix: string; scope: 'read' | 'read_write'; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('api_token')
    .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, prefix: token.prefix, scope: token.scope, expires_at: token.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listApiTokens(db: Kysely<Schema>, userId: string) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'scope', 'prefix', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findLiveApiToken(db: Kysely<Schema>, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'scope', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<Schema>, id: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeApiToken(db: Kysely<Schema>, id: string, userId: string): Promise<boolean> {
  const result = await db.updateTable('api_token').set({ revoked_at: new Date() }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeUserApiTokens(db: Kysely<Schema>, userId: string): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

// ---- one-time links (invitations, password resets, first-admin setup) ----

export async function insertOneTimeLink(db: Kysely<Schema>, link: { tokenHash: string; purpose: OneTimeLinkPurpose; userId: string | null; createdBy: string | null; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('one_time_link')
    .values({ token_hash: link.tokenHash, purpose: link.purpose, user_id: link.userId, created_by: link.createdBy, expires_at: link.expiresAt })
    .execute();
}

export function findLiveLink(db: Kysely<Schema>, tokenHash: string, now: Date) {
  return db
    .selectFrom('one_time_link as l')
    .leftJoin('app_user as u', 'u.id', 'l.user_id')
    .select(['l.token_hash', 'l.purpose', 'l.user_id', 'l.expires_at', 'u.email', 'u.name'])
    .where('l.token_hash', '=', tokenHash)
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a link used; false when it was already used (a concurrent redemption won). */
export async function consumeLink(db: Kysely<Schema>, tokenHash: string): Promise<boolean> {
  const result = await db.updateTable('one_time_link').set({ used_at: new Date() }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Earlier unused links of the same purpose for the same user (or all setup links) stop working. */
export async function expireOpenLinks(db: Kysely<Schema>, purpose: OneTimeLinkPurpose, userId: string | null): Promise<void> {
  let query = db.updateTable('one_time_link').set({ expires_at: new Date() }).where('purpose', '=', purpose).where('used_at', 'is', null);
  query = userId ? query.where('user_id', '=', userId) : query.where('user_id', 'is', null);
  await query.execute();
}

// ---- passwords and two-factor ----

export async function setPasswordHash(db: Kysely<Schema>, userId: string, passwordHash: string): Promise<void> {
  const now = new Date();
  await db.updateTable('app_user').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', userId).execute();
}

export async function setTotp(db: Kysely<Schema>, userId: string, secret: string | null, enabledAt: Date | null): Promise<void> {
  await db.updateTable('app_user').set({ totp_secret: secret, totp_enabled_at: enabledAt, updated_at: new Date() }).where('id', '=', userId).execute();
}

/**
 * Records a used TOTP step, only if it is newer than the last one; false means the code (or an
 * older one) was already used, which is a replay.
 */
export async function claimTotpStep(db: Kysely<Schema>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countActiveAdmins(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select(sql<number>`count(*)`.as('count'))
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}
