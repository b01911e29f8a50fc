import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenListSchema, changePasswordSchema, createApiTokenSchema, createdApiTokenSchema, totpCodeSchema, totpDisableSchema, totpSetupSchema } from '../../common/api/auth.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import type { ProfileService } from './profile.service.ts';
import { contextOf } from './request-auth.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const self = { policy: 'self' } as const;

export const profileRoutes: FastifyPluginAsyncZod<{ profile: ProfileService }> = async (app, { profile }) => {
  app.post(
    '/api/auth/password',
    { config: self, schema: { tags: ['profile'], summary: 'Change your password; your other sessions end', body: changePasswordSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await profile.changePassword(contextOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { config: self, schema: { tags: ['profile'], summary: 'Start two-factor set-up: a secret and its QR code', response: { 200: totpSetupSchema, ...errors } } },
    async (request) => profile.startTotp(contextOf(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    { config: self, schema: { tags: ['profile'], summary: 'Confirm two-factor set-up with a code', body: totpCodeSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await profile.enableTotp(contextOf(request), request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    { config: self, schema: { tags: ['profile'], summary: 'Turn two-factor sign-in off (needs your password)', body: totpDisableSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await profile.disableTotp(contextOf(request), request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    { config: self, schema: { tags: ['profile'], summary: 'Your active personal API tokens', response: { 200: apiTokenListSchema, ...errors } } },
    async (request) => ({ items: await profile.listTokens(contextOf(request)) }),
  );

  app.post(
    '/api/auth/tokens',
    { config: self, schema: { tags: ['profile'], summary: 'Create a personal API token (shown once)', body: createApiTokenSchema, response: { 201: createdApiTokenSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await profile.createToken(contextOf(request), request.body)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    { config: self, schema: { tags: ['profile'], summary: 'Revoke a personal API token', params: z.object({ id: z.string().uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await profile.revokeToken(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
