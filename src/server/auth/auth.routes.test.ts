import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../common/api/errors.ts';
import { createUser, signIn, TEST_PASSWORD } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from './actor.ts';

describe.each(testEngines())('signing in and out on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  const signInRequest = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    context.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

  it('sets an httpOnly, SameSite session cookie and answers /me with the user and a CSRF token', async () => {
    const { email } = await createUser(context.app, ['data_officer'], '32.75');
    const response = await signInRequest(email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'kembar_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `kembar_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    const body = me.json<{ user: { email: string; roles: string[]; organisation: { name: string } }; csrfToken: string }>();
    expect(body.user).toMatchObject({ email, roles: ['data_officer'], organisation: { name: 'Pemerintah Kota Bekasi' } });
    expect(body.csrfToken.length).toBeGreaterThan(10);
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const { email } = await createUser(context.app, ['observer'], 'kemenkes');
    const viaHttps = { method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } } as const;
    // Without trustProxy the forwarded header is not believed: plain http, so no Secure flag.
    expect((await context.app.inject(viaHttps)).cookies[0]?.secure).toBeUndefined();
    const behindProxy = await createTestApp(engine, { trustProxy: true });
    try {
      const { email: proxied } = await createUser(behindProxy.app, ['observer'], 'kemenkes');
      const response = await behindProxy.app.inject({ ...viaHttps, payload: { email: proxied, password: TEST_PASSWORD } });
      expect(response.cookies[0]?.secure).toBe(true);
    } finally {
      await behindProxy.dispose();
    }
  });

  it('answers /me with 401 when signed out, and after sign-out', async () => {
    expect((await context.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const { email } = await createUser(context.app, ['observer'], 'kemenkes');
    const user = await signIn(context.app, email);
    expect((await user.request({ method: 'POST', url: '/api/auth/sign-out', payload: {} })).statusCode).toBe(204);
    const after = await user.request({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json<ErrorBody>().error.code).toBe('unauthorized');
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const { email } = await createUser(context.app, ['observer'], 'kemenkes');
    const phone = await signIn(context.app, email);
    const laptop = await signIn(context.app, email);
    expect((await laptop.request({ method: 'POST', url: '/api/auth/sign-out', payload: { everywhere: true } })).statusCode).toBe(204);
    expect((await phone.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const { email } = await createUser(context.app, ['observer'], 'kemenkes');
    const wrong = await signInRequest(email, 'not-the-password-at-all');
    const unknown = await signInRequest('nobody@test.example', 'not-the-password-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<ErrorBody>().error).toEqual(unknown.json<ErrorBody>().error);
  });

  it('locks an account for 15 minutes after 5 failed sign-ins, even with the right password', async () => {
    const { email } = await createUser(context.app, ['observer'], 'kemenkes');
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signInRequest(email, 'wrong-password-123', `10.0.1.${attempt}`)).statusCode).toBe(401);
    const locked = await signInRequest(email, TEST_PASSWORD, '10.0.2.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<ErrorBody>().error.code).toBe('too_many_requests');
    // Once the failures are older than the window, the right password works again.
    await sql`UPDATE sign_in_attempt SET at = at - interval '16 minutes' WHERE email = ${email}`.execute(context.database.db);
    expect((await signInRequest(email, TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per client address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) statuses.push((await signInRequest(`nobody${attempt}@test.example`, 'whatever-password', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with one', async () => {
    const admin = await signIn(context.app, (await createUser(context.app, ['admin'], 'kembar')).email);
    const payload = { email: 'csrf-victim@test.example', name: 'Korban', organisationCode: '32.75', roles: ['observer'] };
    const forged = await context.app.inject({ method: 'POST', url: '/api/users', payload, headers: { cookie: admin.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<ErrorBody>().error.message).toContain('x-csrf-token');
    const wrongToken = await context.app.inject({ method: 'POST', url: '/api/users', payload, headers: { cookie: admin.cookie, 'x-csrf-token': 'forged-token' } });
    expect(wrongToken.statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/users', payload })).statusCode).toBe(201);
  });

  it('answers a write without any credentials with 401', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/api/users', payload: { email: 'x@test.example', name: 'X', organisationCode: '32.75', roles: ['observer'] } });
    expect(response.statusCode).toBe(401);
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const admin = await signIn(context.app, (await createUser(context.app, ['admin'], 'kembar')).email);
    const target = await createUser(context.app, ['observer'], 'kemenkes');
    const session = await signIn(context.app, target.email);
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await signInRequest(target.email, TEST_PASSWORD, '10.0.3.1')).statusCode).toBe(401);
  });

  it('keeps at least one active admin', async () => {
    const database = await createTestApp(engine);
    try {
      const only = await createUser(database.app, ['admin'], 'kembar');
      const admin = await signIn(database.app, only.email);
      const response = await admin.request({ method: 'PATCH', url: `/api/users/${only.id}`, payload: { roles: ['observer'] } });
      expect(response.statusCode).toBe(409);
    } finally {
      await database.dispose();
    }
  });

  it('offers demo accounts on the sign-in page only once demo data is loaded', async () => {
    const before = await context.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(before.json()).toEqual({ password: null, items: [] });
    await context.app.services.users.loadDemoAccounts(systemContext('demo'));
    const after = (await context.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })).json<{ password: string; items: { roles: string[] }[] }>();
    expect(new Set(after.items.flatMap((item) => item.roles))).toEqual(new Set(['admin', 'coordinator', 'data_officer', 'facilitator', 'observer']));
    const demoAdmin = await signInRequest('admin@contoh.kembar.test', after.password, '10.0.4.1');
    expect(demoAdmin.statusCode).toBe(200);
    expect(demoAdmin.json<{ user: { isDemo: boolean } }>().user.isDemo).toBe(true);
  });
});
