import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { linkInfoSchema } from '../../common/api/auth.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { Database } from '../db/connect.ts';
import type { OneTimeLinkPurpose, Schema } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import type { RequestContext } from './actor.ts';
import { consumeLink, countActiveAdmins, deleteUserSessions, expireOpenLinks, findLiveLink, insertOneTimeLink, setPasswordHash } from './credentials.repo.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { hashToken, newToken } from './secrets.ts';

const HOUR_MS = 60 * 60 * 1000;
const LIFETIME_MS: Record<OneTimeLinkPurpose, number> = { invite: 7 * 24 * HOUR_MS, reset_password: 24 * HOUR_MS, setup: 24 * HOUR_MS };

/** Path of the web page that opens every kind of link. */
const LINK_PATH = '/tautan/';

export interface IssuedLink {
  url: string;
  expiresAt: string;
}

/**
 * One-time links: invitations, admin-issued password resets and the first-admin setup link. No
 * mail server is assumed: the link is shown to the admin (or printed by the CLI) to pass on.
 * Only the token's hash is stored; issuing a new link of a kind voids the user's earlier ones.
 */
export class LinksService {
  constructor(
    private readonly database: Database,
    private readonly publicUrl: string,
  ) {}

  async issue(context: RequestContext, purpose: OneTimeLinkPurpose, userId: string | null, trx?: Kysely<Schema>): Promise<IssuedLink> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + LIFETIME_MS[purpose]);
    const write = async (db: Kysely<Schema>) => {
      await expireOpenLinks(db, purpose, userId);
      await insertOneTimeLink(db, { tokenHash: hashToken(token), purpose, userId, createdBy: context.actor.kind === 'user' ? context.actor.userId : null, expiresAt });
    };
    await (trx ? write(trx) : write(this.database.db));
    return { url: `${this.publicUrl}${LINK_PATH}${token}`, expiresAt: expiresAt.toISOString() };
  }

  async info(token: string): Promise<z.infer<typeof linkInfoSchema>> {
    const link = await findLiveLink(this.database.db, hashToken(token), new Date());
    if (!link) throw new NotFoundError('This link is unknown, already used or expired: ask your administrator for a new one');
    return { purpose: link.purpose, email: link.email, name: link.name, expiresAt: link.expires_at.toISOString() };
  }

  /** Sets the password of the user an invitation or reset link was issued for, and uses the link up. */
  async redeemPassword(token: string, newPassword: string): Promise<void> {
    const tokenHash = hashToken(token);
    const link = await findLiveLink(this.database.db, tokenHash, new Date());
    if (!link || link.purpose === 'setup' || !link.user_id) throw new NotFoundError('This link is unknown, already used or expired: ask your administrator for a new one');
    await assertStrongPassword(newPassword, [link.email ?? '', link.name ?? '']);
    const passwordHash = await hashPassword(newPassword);
    const userId = link.user_id;
    await inActorTransaction(this.database.db, { actor: { kind: 'system', label: 'link' }, requestId: null }, async (trx) => {
      if (!(await consumeLink(trx, tokenHash))) throw new NotFoundError('This link has just been used');
      await setPasswordHash(trx, userId, passwordHash);
      await deleteUserSessions(trx, userId);
    });
  }

  /** Uses up a setup link inside the caller's transaction; false when it is not a live setup link. */
  async consumeSetupLink(trx: Kysely<Schema>, token: string): Promise<boolean> {
    const tokenHash = hashToken(token);
    const link = await findLiveLink(trx, tokenHash, new Date());
    return link?.purpose === 'setup' && (await consumeLink(trx, tokenHash));
  }

  /** When no active admin exists, a fresh setup link for creating one (earlier ones stop working). */
  async setupLinkIfNoAdmin(): Promise<IssuedLink | null> {
    if ((await countActiveAdmins(this.database.db)) > 0) return null;
    return this.issue({ actor: { kind: 'system', label: 'setup' }, requestId: null }, 'setup', null);
  }
}
