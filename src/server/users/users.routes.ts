import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { invitedUserSchema, inviteUserSchema, oneTimeLinkSchema, updateUserSchema, userListQuerySchema, userListSchema, userSchema } from '../../common/api/users.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { UsersService } from './users.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const manage = { policy: 'users.manage' } as const;
const idParams = z.object({ id: z.string().uuid() });

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get(
    '/api/users',
    { config: manage, schema: { tags: ['users'], summary: 'List users (admins)', querystring: userListQuerySchema, response: { 200: userListSchema, ...errors } } },
    async (request) => ({ items: await users.list(contextOf(request), request.query) }),
  );

  app.post(
    '/api/users',
    { config: manage, schema: { tags: ['users'], summary: 'Invite a user: returns the invitation link to pass on', body: inviteUserSchema, response: { 201: invitedUserSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await users.invite(contextOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    { config: manage, schema: { tags: ['users'], summary: 'Change roles, organisation or name; disable or enable', params: idParams, body: updateUserSchema, response: { 200: userSchema, ...errors } } },
    async (request) => users.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-link',
    { config: manage, schema: { tags: ['users'], summary: 'Issue a one-time password reset link', params: idParams, response: { 200: oneTimeLinkSchema, ...errors } } },
    async (request) => users.issueResetLink(contextOf(request), request.params.id),
  );
};
