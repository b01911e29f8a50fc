import type { CurrentUser, Session } from '../../common/api/auth.ts';
import type { Database } from '../db/connect.ts';
import { DomainError } from '../errors.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import type { Actor, UserActor } from './actor.ts';
import { claimTotpStep, countRecentFailures, deleteSession, deleteUserSessions, findCredentialsByEmail, findCredentialsById, findLiveSession, recordSignInAttempt } from './credentials.repo.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { UnauthorizedError } from './policies.ts';
import { csrfTokenFor, isValidCsrfToken, openSession, resolveApiToken, resolveSession } from './sessions.ts';
import { totpStep } from './totp.ts';

/** Lockout: this many failed sign-ins within the window block the account for the rest of it. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface Authentication {
  actor: Actor;
  /** Set for cookie sessions: writes must carry a CSRF token made from it. */
  csrfSecret: string | null;
}

// A hash of a random password, verified when the email is unknown so both paths take as long.
const decoyHash = hashPassword(`decoy-${Math.random()}`);

/** Signing in and out, and recognising who sends a request (session cookie or API token). */
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationsService,
  ) {}

  async signIn(input: { email: string; password: string; totp?: string | undefined }, meta: ClientMeta): Promise<Session & { sessionToken: string }> {
    const { db } = this.database;
    const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
    if ((await countRecentFailures(db, input.email, since)) >= LOCKOUT_FAILURES) {
      throw new DomainError('too_many_requests', `Too many failed sign-ins for ${input.email}: try again in 15 minutes, or ask an administrator for a reset link`);
    }
    const user = await findCredentialsByEmail(db, input.email);
    const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
    if (!user || !passwordOk || user.disabled_at) {
      await recordSignInAttempt(db, input.email, false, meta.ip);
      throw new DomainError('invalid_credentials', 'The email or password is wrong');
    }
    if (user.totp_enabled_at && user.totp_secret) {
      if (!input.totp) throw new DomainError('totp_required', 'Enter the 6-digit code from your authenticator app');
      const step = totpStep(user.totp_secret, user.email, input.totp);
      if (step === null || !(await claimTotpStep(db, user.id, step))) {
        await recordSignInAttempt(db, input.email, false, meta.ip);
        throw new DomainError('invalid_credentials', step === null ? 'The code from the authenticator app is wrong' : 'This code was already used: wait for the next one');
      }
    }
    await recordSignInAttempt(db, input.email, true, meta.ip);
    const { token, csrfSecret } = await openSession(db, user.id, meta);
    return { sessionToken: token, user: await this.currentUser(user.id), csrfToken: csrfTokenFor(csrfSecret) };
  }

  /** Ends the current session, or every session of the user. */
  async signOut(actor: Actor, everywhere: boolean): Promise<void> {
    const user = requireUser(actor);
    if (everywhere) await deleteUserSessions(this.database.db, user.userId);
    else if (user.via.kind === 'session') await deleteSession(this.database.db, user.via.sessionHash);
  }

  async session(actor: Actor): Promise<Session> {
    const user = requireUser(actor);
    let csrfToken = '';
    if (user.via.kind === 'session') {
      const session = await findLiveSession(this.database.db, user.via.sessionHash, new Date());
      if (session) csrfToken = csrfTokenFor(session.csrf_secret);
    }
    return { user: await this.currentUser(user.userId), csrfToken };
  }

  async currentUser(userId: string): Promise<CurrentUser> {
    const user = await findCredentialsById(this.database.db, userId);
    if (!user) throw new UnauthorizedError();
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organisation: await this.organisations.getById(user.organisation_id),
      totpEnabled: user.totp_enabled_at !== null,
      isDemo: user.is_demo,
    };
  }

  /** Who sends a request: an API token (Authorization: Bearer) wins over a session cookie. */
  async authenticate(credentials: { bearer: string | null; sessionCookie: string | null }): Promise<Authentication | null> {
    if (credentials.bearer) {
      const actor = await resolveApiToken(this.database.db, credentials.bearer);
      return actor && { actor, csrfSecret: null };
    }
    if (credentials.sessionCookie) return resolveSession(this.database.db, credentials.sessionCookie);
    return { actor: { kind: 'anonymous' }, csrfSecret: null };
  }

  isValidCsrf(csrfSecret: string, token: string): boolean {
    return isValidCsrfToken(csrfSecret, token);
  }
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthorizedError();
  return actor;
}
