import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AuthService } from './auth.service.ts';
import { installRequestAuth } from './request-auth.ts';

describe(installRequestAuth.name, () => {
  // Route registration never calls the service; requests are not made in these tests.
  const unusedAuth = {} as AuthService;

  it('refuses to register an API route that declares no policy', async () => {
    const app = Fastify();
    await app.register(fastifyCookie);
    installRequestAuth(app, unusedAuth);
    expect(() => app.post('/api/forgotten', async () => ({}))).toThrow(/declares no policy/);
  });

  it('lists every API route with its declared policy, and leaves non-API routes alone', async () => {
    const app = Fastify();
    await app.register(fastifyCookie);
    const routes = installRequestAuth(app, unusedAuth);
    app.get('/api/things', { config: { policy: 'public' } }, async () => ({}));
    app.post('/api/things', { config: { policy: 'users.manage' } }, async () => ({}));
    app.get('/not-api', async () => 'page');
    expect(routes).toEqual([
      { method: 'GET', url: '/api/things', policy: 'public' },
      { method: 'POST', url: '/api/things', policy: 'users.manage' },
    ]);
  });
});
