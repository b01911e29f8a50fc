import type { ApiToken } from '../../common/api/auth.ts';
import type { TokenScope } from '../../common/roles.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { Database } from '../db/connect.ts';
import { DomainError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { RequestContext } from './actor.ts';
import { requireUser } from './auth.service.ts';
import {
  deleteUserSessions,
  findCredentialsById,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  setPasswordHash,
  setTotp,
} from './credentials.repo.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './secrets.ts';
import { describeTotp, newTotpSecret, totpStep } from './totp.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** API tokens start with this, so leaked ones are recognisable (and scannable) as Kembar tokens. */
const TOKEN_PREFIX = 'kmb_';

/** What a signed-in user does to their own account: password, two-factor, personal API tokens. */
export class ProfileService {
  constructor(private readonly database: Database) {}

  /** Changes the password after checking the current one; every other session ends. */
  async changePassword(context: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = requireUser(context.actor);
    const user = await this.credentials(actor.userId);
    if (!(await verifyPassword(user.password_hash, currentPassword))) throw new DomainError('invalid_credentials', 'currentPassword: the current password is wrong');
    await assertStrongPassword(newPassword, [user.email, user.name]);
    const passwordHash = await hashPassword(newPassword);
    await inActorTransaction(this.database.db, context, async (trx) => {
      await setPasswordHash(trx, actor.userId, passwordHash);
      await deleteUserSessions(trx, actor.userId, actor.via.kind === 'session' ? actor.via.sessionHash : undefined);
    });
  }

  /** Starts two-factor set-up: a new secret, stored but not yet required until confirmed with a code. */
  async startTotp(context: RequestContext): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
    const actor = requireUser(context.actor);
    const user = await this.credentials(actor.userId);
    if (user.totp_enabled_at) throw new DomainError('conflict', 'Two-factor sign-in is already on: turn it off first to set up a new device');
    const secret = newTotpSecret();
    await inActorTransaction(this.database.db, context, (trx) => setTotp(trx, actor.userId, secret, null));
    return { secret, ...(await describeTotp(secret, user.email)) };
  }

  async enableTotp(context: RequestContext, code: string): Promise<void> {
    const actor = requireUser(context.actor);
    const user = await this.credentials(actor.userId);
    if (!user.totp_secret || user.totp_enabled_at) throw new DomainError('conflict', 'Start two-factor set-up first');
    if (totpStep(user.totp_secret, user.email, code) === null) throw new InvalidRequestError('code: the code does not match; check the time on your phone and try the next code');
    const secret = user.totp_secret;
    await inActorTransaction(this.database.db, context, (trx) => setTotp(trx, actor.userId, secret, new Date()));
  }

  async disableTotp(context: RequestContext, password: string): Promise<void> {
    const actor = requireUser(context.actor);
    const user = await this.credentials(actor.userId);
    if (!(await verifyPassword(user.password_hash, password))) throw new DomainError('invalid_credentials', 'password: the password is wrong');
    await inActorTransaction(this.database.db, context, (trx) => setTotp(trx, actor.userId, null, null));
  }

  async listTokens(context: RequestContext): Promise<ApiToken[]> {
    const actor = requireUser(context.actor);
    return (await listApiTokens(this.database.db, actor.userId)).map((row) => ({
      id: row.id,
      name: row.name,
      scope: row.scope,
      prefix: row.prefix,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
    }));
  }

  /** Creates a personal API token; the token itself is returned once and only its hash is kept. */
  async createToken(context: RequestContext, input: { name: string; scope: TokenScope; expiresInDays: number }): Promise<{ token: string; item: ApiToken }> {
    const actor = requireUser(context.actor);
    const token = `${TOKEN_PREFIX}${newToken()}`;
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertApiToken(trx, {
        userId: actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        scope: input.scope,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      }),
    );
    const item = (await this.listTokens(context)).find((candidate) => candidate.id === id);
    if (!item) throw new Error('created token not found');
    return { token, item };
  }

  async revokeToken(context: RequestContext, id: string): Promise<void> {
    const actor = requireUser(context.actor);
    const revoked = await inActorTransaction(this.database.db, context, (trx) => revokeApiToken(trx, id, actor.userId));
    if (!revoked) throw new NotFoundError(`You have no active token with the id ${id}`);
  }

  private async credentials(userId: string) {
    const user = await findCredentialsById(this.database.db, userId);
    if (!user) throw new NotFoundError('User not found');
    return user;
  }
}
