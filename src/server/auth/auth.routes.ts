import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demoAccountsSchema, linkInfoSchema, oneTimeTokenSchema, redeemLinkSchema, sessionSchema, setupSchema, signInSchema, signOutSchema } from '../../common/api/auth.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AuthService } from './auth.service.ts';
import type { LinksService } from './links.service.ts';
import { clientMeta, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from './request-auth.ts';

/** Sign-in attempts per client address per minute (the per-account lockout is separate). */
const SIGN_IN_RATE = { max: 20, timeWindow: '1 minute' };
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema };

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; links: LinksService; users: UsersService }> = async (app, { auth, links, users }) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: signInSchema, response: { 200: sessionSchema, ...errors } },
    },
    async (request, reply) => {
      const { sessionToken, ...session } = await auth.signIn(request.body, clientMeta(request));
      reply.setCookie(SESSION_COOKIE, sessionToken, SESSION_COOKIE_OPTIONS);
      return session;
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { policy: 'self' }, schema: { tags: ['auth'], summary: 'End this session, or every session', body: signOutSchema.optional(), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await auth.signOut(request.actor, request.body?.everywhere ?? false);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { policy: 'self' }, schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: sessionSchema, ...errors } } },
    async (request) => auth.session(request.actor),
  );

  app.get(
    '/api/auth/links/:token',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: { tags: ['auth'], summary: 'What a one-time link is for', params: z.object({ token: oneTimeTokenSchema }), response: { 200: linkInfoSchema, ...errors } },
    },
    async (request) => links.info(request.params.token),
  );

  app.post(
    '/api/auth/reset',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: { tags: ['auth'], summary: 'Set a password with an invitation or reset link', body: redeemLinkSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await links.redeemPassword(request.body.token, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/setup',
    {
      config: { policy: 'public', rateLimit: SIGN_IN_RATE },
      schema: { tags: ['auth'], summary: 'Create the first admin with the setup link the server printed', body: setupSchema, response: { 200: sessionSchema, ...errors } },
    },
    async (request, reply) => {
      const { sessionToken, ...session } = await users.setUpFirstAdmin(request.body, clientMeta(request));
      reply.setCookie(SESSION_COOKIE, sessionToken, SESSION_COOKIE_OPTIONS);
      return session;
    },
  );

  app.get(
    '/api/auth/demo-accounts',
    { config: { policy: 'public' }, schema: { tags: ['auth'], summary: 'Example accounts, listed only while demo data is loaded', response: { 200: demoAccountsSchema } } },
    async () => users.demoAccounts(),
  );
};
