import type { z } from 'zod';
import type { Session } from '../../common/api/auth.ts';
import type { inviteUserSchema, updateUserSchema, User } from '../../common/api/users.ts';
import type { Role } from '../../common/roles.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { AuthService, ClientMeta } from '../auth/auth.service.ts';
import { countActiveAdmins, deleteUserSessions, revokeUserApiTokens } from '../auth/credentials.repo.ts';
import type { IssuedLink, LinksService } from '../auth/links.service.ts';
import { assertStrongPassword, hashPassword } from '../auth/passwords.ts';
import { authorize } from '../auth/policies.ts';
import { csrfTokenFor, openSession } from '../auth/sessions.ts';
import type { Database } from '../db/connect.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { findUserById, insertUser, listUsers, updateUser } from './users.repo.ts';

type InviteUser = z.infer<typeof inviteUserSchema>;
type UpdateUser = z.infer<typeof updateUserSchema>;

/** Managing user accounts (admins), the first admin, the CLI's users and the demo accounts. */
export class UsersService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationsService,
    private readonly links: LinksService,
    private readonly auth: AuthService,
  ) {}

  async list(context: RequestContext, filter: { q?: string; organisation?: string; limit: number }): Promise<User[]> {
    authorize(context.actor, 'users.manage');
    return listUsers(this.database.db, { q: filter.q, organisationCode: filter.organisation, limit: filter.limit });
  }

  async get(id: string): Promise<User> {
    const user = await findUserById(this.database.db, id);
    if (!user) throw new NotFoundError(`No user has the id ${id}`);
    return user;
  }

  /** Creates an account without a password and returns the invitation link that sets one. */
  async invite(context: RequestContext, input: InviteUser): Promise<{ user: User; link: IssuedLink }> {
    authorize(context.actor, 'users.manage');
    const organisation = await this.organisationFor(input.organisationCode);
    const { id, link } = await this.insert(context, { ...input, organisationId: organisation.id, passwordHash: null }, true);
    return { user: await this.get(id), link: link as IssuedLink };
  }

  async update(context: RequestContext, id: string, changes: UpdateUser): Promise<User> {
    authorize(context.actor, 'users.manage');
    const user = await this.get(id);
    const organisationId = changes.organisationCode ? (await this.organisationFor(changes.organisationCode)).id : undefined;
    const losesAdmin = user.roles.includes('admin') && !user.disabled && ((changes.roles && !changes.roles.includes('admin')) || changes.disabled === true);
    if (losesAdmin && (await countActiveAdmins(this.database.db)) <= 1) throw new ConflictError('This is the last active admin: make someone else admin first');
    await inActorTransaction(this.database.db, context, async (trx) => {
      const disabledAt = changes.disabled === undefined ? undefined : changes.disabled ? new Date() : null;
      await updateUser(trx, id, { name: changes.name, roles: changes.roles ? unique(changes.roles) : undefined, organisationId, disabledAt });
      if (changes.disabled) {
        await deleteUserSessions(trx, id);
        await revokeUserApiTokens(trx, id);
      }
    });
    return this.get(id);
  }

  async issueResetLink(context: RequestContext, id: string): Promise<IssuedLink> {
    authorize(context.actor, 'users.manage');
    await this.get(id);
    return this.links.issue(context, 'reset_password', id);
  }

  /** `kembar users create`: an account with a password chosen now (the CLI reads it from stdin). */
  async createWithPassword(context: RequestContext, input: { email: string; name: string; organisationCode: string; roles: Role[]; password: string }): Promise<User> {
    authorize(context.actor, 'users.manage');
    await assertStrongPassword(input.password, [input.email, input.name]);
    const organisation = await this.organisationFor(input.organisationCode);
    const { id } = await this.insert(context, { ...input, organisationId: organisation.id, passwordHash: await hashPassword(input.password) }, false);
    return this.get(id);
  }

  /** Redeems the setup link: creates the first admin, in the organisation that runs this installation, and signs in. */
  async setUpFirstAdmin(input: { token: string; email: string; name: string; password: string }, meta: ClientMeta): Promise<Session & { sessionToken: string }> {
    await assertStrongPassword(input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    const organisation = await this.organisationFor('kembar');
    const context: RequestContext = { actor: { kind: 'system', label: 'setup' }, requestId: null };
    const userId = await inActorTransaction(this.database.db, context, async (trx) => {
      if (!(await this.links.consumeSetupLink(trx, input.token))) throw new NotFoundError('This setup link is unknown, already used or expired: restart the server for a new one');
      return insertUser(trx, { email: input.email, name: input.name, organisationId: organisation.id, roles: ['admin'], passwordHash }).catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictError(`email: ${input.email} already has an account`) : error;
      });
    });
    const { token, csrfSecret } = await openSession(this.database.db, userId, meta);
    return { sessionToken: token, user: await this.auth.currentUser(userId), csrfToken: csrfTokenFor(csrfSecret) };
  }

  /** Demo accounts for the sign-in page: listed only while `kembar demo load` has created them. */
  async demoAccounts(): Promise<{ password: string | null; items: { email: string; name: string; roles: Role[]; organisationName: string }[] }> {
    const users = await listUsers(this.database.db, { demoOnly: true, limit: 50 });
    return {
      password: users.length > 0 ? DEMO_PASSWORD : null,
      items: users.map((user) => ({ email: user.email, name: user.name, roles: user.roles, organisationName: user.organisation.name })),
    };
  }

  async loadDemoAccounts(context: RequestContext): Promise<{ created: string[] }> {
    const existing = new Set((await listUsers(this.database.db, { limit: 1000 })).map((user) => user.email));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const created: string[] = [];
    for (const account of DEMO_ACCOUNTS.filter((candidate) => !existing.has(candidate.email))) {
      const organisation = await this.organisationFor(account.organisationCode);
      await inActorTransaction(this.database.db, context, (trx) => insertUser(trx, { ...account, organisationId: organisation.id, passwordHash, isDemo: true }));
      created.push(account.email);
    }
    return { created };
  }

  private async insert(context: RequestContext, input: { email: string; name: string; organisationId: string; roles: Role[]; passwordHash: string | null }, withInvite: boolean) {
    try {
      return await inActorTransaction(this.database.db, context, async (trx) => {
        const id = await insertUser(trx, { ...input, roles: unique(input.roles) });
        const link = withInvite ? await this.links.issue(context, 'invite', id, trx) : null;
        return { id, link };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`email: ${input.email} already has an account`);
      throw error;
    }
  }

  private async organisationFor(code: string) {
    return this.organisations.get(code).catch(() => {
      throw new InvalidRequestError(`organisationCode: no organisation has the code ${code}`);
    });
  }
}

function unique(roles: readonly Role[]): Role[] {
  return [...new Set(roles)];
}
