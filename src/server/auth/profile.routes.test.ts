import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../common/api/errors.ts';
import { createUser, signIn, signedInUser, TEST_PASSWORD } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from './actor.ts';
import { currentTotp } from './totp.ts';

describe.each(testEngines())('a user managing their own account on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  describe('password', () => {
    it.each([
      ['too short', 'pendek'],
      ['a common password', 'password1234'],
      ['a word and a year', 'indonesia2024'],
      ['the user’s own email', 'user-own-mail'],
    ])('rejects %s with a reason', async (_case, newPassword) => {
      const user = await signedInUser(context.app, ['observer'], 'kemenkes');
      const candidate = newPassword === 'user-own-mail' ? `${user.email}` : newPassword;
      const response = await user.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: candidate } });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.message).toMatch(/^password: /);
    });

    it('changes the password after checking the current one, ending the other sessions', async () => {
      const { email } = await createUser(context.app, ['observer'], 'kemenkes');
      const here = await signIn(context.app, email);
      const elsewhere = await signIn(context.app, email);
      const wrongCurrent = await here.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'not-it-at-all', newPassword: 'tikar-pandan-biru-laut' } });
      expect(wrongCurrent.statusCode).toBe(401);
      const changed = await here.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'tikar-pandan-biru-laut' } });
      expect(changed.statusCode).toBe(204);
      expect((await here.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      expect((await elsewhere.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      await expect(signIn(context.app, email)).rejects.toThrow(/401/);
      await signIn(context.app, email, 'tikar-pandan-biru-laut');
    });
  });

  describe('two-factor sign-in', () => {
    it('is set up with a QR code, confirmed with a code, then required at sign-in', async () => {
      const { email } = await createUser(context.app, ['coordinator'], '52.07');
      const user = await signIn(context.app, email);
      const setup = await user.request({ method: 'POST', url: '/api/auth/totp/setup' });
      const { secret, otpauthUrl, qrSvg } = setup.json<{ secret: string; otpauthUrl: string; qrSvg: string }>();
      expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Kembar:/);
      expect(qrSvg).toContain('<svg');
      expect((await user.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: '000000' } })).statusCode).toBe(400);
      expect((await user.request({ method: 'POST', url: '/api/auth/totp/enable', payload: { code: currentTotp(secret, email) } })).statusCode).toBe(204);

      const withoutCode = await context.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD } });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json<ErrorBody>().error.code).toBe('totp_required');
      const wrongCode = await context.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD, totp: '123456' } });
      expect(wrongCode.json<ErrorBody>().error.code).toBe('invalid_credentials');
      // The same code twice: a fresh currentTotp() for the replay could fall in the next 30-second step and be a new, valid code.
      const code = currentTotp(secret, email);
      const withCode = await context.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD, totp: code } });
      expect(withCode.statusCode).toBe(200);
      expect(withCode.json<{ user: { totpEnabled: boolean } }>().user.totpEnabled).toBe(true);
      const replayed = await context.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD, totp: code } });
      expect(replayed.statusCode).toBe(401);
      expect(replayed.json<ErrorBody>().error.message).toContain('already used');

      expect((await user.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD } })).statusCode).toBe(204);
      await signIn(context.app, email);
    });
  });

  describe('personal API tokens', () => {
    const createToken = async (scope: 'read' | 'read_write') => {
      const admin = await signedInUser(context.app, ['admin'], 'kembar');
      const response = await admin.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: `script ${scope}`, scope, expiresInDays: 30 } });
      expect(response.statusCode).toBe(201);
      const created = response.json<{ token: string; item: { id: string; prefix: string } }>();
      return { admin, ...created };
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const invite = { email: 'via-token@test.example', name: 'Lewat Token', organisationCode: '52.07', roles: ['observer'] };

    it('is shown once, listed by prefix, and works as a Bearer credential without CSRF', async () => {
      const { admin, token, item } = await createToken('read_write');
      expect(token.startsWith(item.prefix)).toBe(true);
      const list = await admin.request({ method: 'GET', url: '/api/auth/tokens' });
      expect(JSON.stringify(list.json())).not.toContain(token);
      const me = await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      expect(me.json<{ user: { email: string } }>().user.email).toBe(admin.email);
      const write = await context.app.inject({ method: 'POST', url: '/api/users', payload: invite, headers: bearer(token) });
      expect(write.statusCode).toBe(201);
    });

    it('with read-only scope reads but may not write', async () => {
      const { token } = await createToken('read');
      expect((await context.app.inject({ method: 'GET', url: '/api/users', headers: bearer(token) })).statusCode).toBe(200);
      const write = await context.app.inject({ method: 'POST', url: '/api/users', payload: { ...invite, email: 'ro@test.example' }, headers: bearer(token) });
      expect(write.statusCode).toBe(403);
      expect(write.json<ErrorBody>().error.message).toContain('read-only');
    });

    it('stops working when expired or revoked', async () => {
      const expired = await createToken('read');
      await inActorTransaction(context.database.db, systemContext('cli'), (trx) =>
        sql`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ${expired.item.id}`.execute(trx),
      );
      expect((await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(expired.token) })).statusCode).toBe(401);

      const revoked = await createToken('read');
      expect((await revoked.admin.request({ method: 'DELETE', url: `/api/auth/tokens/${revoked.item.id}` })).statusCode).toBe(204);
      expect((await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(revoked.token) })).statusCode).toBe(401);
      expect((await context.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer('kmb_made_up') })).statusCode).toBe(401);
    });
  });

  describe('one-time links', () => {
    it('lets an invited user set a password once, then sign in', async () => {
      const admin = await signedInUser(context.app, ['admin'], 'kembar');
      const invited = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'new.officer@test.example', name: 'Petugas Baru', organisationCode: '32.75', roles: ['data_officer'] } });
      const { user, link } = invited.json<{ user: { id: string; hasPassword: boolean }; link: { url: string } }>();
      expect(user.hasPassword).toBe(false);
      const token = link.url.split('/tautan/')[1] ?? '';
      const info = await context.app.inject({ method: 'GET', url: `/api/auth/links/${token}` });
      expect(info.json()).toMatchObject({ purpose: 'invite', email: 'new.officer@test.example' });
      expect((await context.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token, newPassword: 'weak' } })).statusCode).toBe(400);
      expect((await context.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token, newPassword: 'lumbung-padi-desa-sejahtera' } })).statusCode).toBe(204);
      expect((await context.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token, newPassword: 'lumbung-padi-desa-sejahtera' } })).statusCode).toBe(404);
      await signIn(context.app, 'new.officer@test.example', 'lumbung-padi-desa-sejahtera');
    });

    it('resets a password through an admin-issued link, voiding the previous link', async () => {
      const admin = await signedInUser(context.app, ['admin'], 'kembar');
      const target = await createUser(context.app, ['observer'], 'kemenkes');
      const first = (await admin.request({ method: 'POST', url: `/api/users/${target.id}/reset-link` })).json<{ url: string }>();
      const second = (await admin.request({ method: 'POST', url: `/api/users/${target.id}/reset-link` })).json<{ url: string }>();
      const tokenOf = (url: string) => url.split('/tautan/')[1] ?? '';
      expect((await context.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token: tokenOf(first.url), newPassword: 'jembatan-kayu-sungai-deras' } })).statusCode).toBe(404);
      expect((await context.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { token: tokenOf(second.url), newPassword: 'jembatan-kayu-sungai-deras' } })).statusCode).toBe(204);
      await signIn(context.app, target.email, 'jembatan-kayu-sungai-deras');
    });

    it('creates the first admin with the setup link, once', async () => {
      const fresh = await createTestApp(engine);
      try {
        const link = await fresh.app.services.links.setupLinkIfNoAdmin();
        const token = link?.url.split('/tautan/')[1] ?? '';
        const payload = { token, email: 'first.admin@test.example', name: 'Admin Pertama', password: 'sawah-hijau-pagi-cerah' };
        const created = await fresh.app.inject({ method: 'POST', url: '/api/auth/setup', payload });
        expect(created.statusCode).toBe(200);
        expect(created.json<{ user: { roles: string[] } }>().user.roles).toEqual(['admin']);
        expect((await fresh.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...payload, email: 'second@test.example' } })).statusCode).toBe(404);
        expect(await fresh.app.services.links.setupLinkIfNoAdmin()).toBeNull();
      } finally {
        await fresh.dispose();
      }
    });
  });
});
