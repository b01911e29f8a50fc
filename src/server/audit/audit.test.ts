import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../common/api/audit.ts';
import { signedInUser, TEST_PASSWORD, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

describe.each(testEngines())('the audit trail on %s', (engine) => {
  let context: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    admin = await signedInUser(context.app, ['admin'], 'kembar');
  });
  afterAll(() => context.dispose());

  const history = async (query: string) => {
    const response = await admin.request({ method: 'GET', url: `/api/audit?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: AuditEntry[]; nextBefore: number | null }>();
  };

  it('records who created a record, in which request, with the values after', async () => {
    const invited = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'audited@test.example', name: 'Diaudit', organisationCode: '32.75', roles: ['observer'] },
      headers: { 'x-request-id': 'audit-test-0001' },
    });
    const { user } = invited.json<{ user: { id: string } }>();
    const { items } = await history(`entity=app_user&id=${user.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'insert',
      entity: 'app_user',
      entityId: user.id,
      requestId: 'audit-test-0001',
      actor: { userId: admin.userId, email: admin.email },
      before: null,
      after: { email: 'audited@test.example', roles: ['observer'] },
    });
  });

  it('records before and after of an update, and never a password hash or 2FA secret', async () => {
    const target = await signedInUser(context.app, ['observer'], 'kemenkes');
    await admin.request({ method: 'PATCH', url: `/api/users/${target.userId}`, payload: { roles: ['observer', 'facilitator'] } });
    await target.request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'perahu-layar-teluk-saleh' } });
    const { items } = await history(`entity=app_user&id=${target.userId}`);
    const roleChange = items.find((entry) => entry.action === 'update' && entry.actor.userId === admin.userId);
    expect(roleChange?.before).toMatchObject({ roles: ['observer'] });
    expect(roleChange?.after).toMatchObject({ roles: ['observer', 'facilitator'] });
    const passwordChange = items.find((entry) => entry.actor.userId === target.userId);
    expect(passwordChange?.after).toHaveProperty('password_changed_at');
    expect(JSON.stringify(items)).not.toMatch(/password_hash|totp_secret|\$argon2/);
  });

  it('filters by user and time, and pages from newest to oldest', async () => {
    const mine = await history(`user=${admin.userId}&limit=1`);
    expect(mine.items).toHaveLength(1);
    expect(mine.nextBefore).toBe(mine.items[0]?.id);
    const older = await history(`user=${admin.userId}&limit=50&before=${mine.nextBefore}`);
    expect(older.items.every((entry) => entry.id < (mine.nextBefore ?? 0))).toBe(true);
    const future = await history(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.items).toEqual([]);
  });

  it('is readable by admins only', async () => {
    const observer = await signedInUser(context.app, ['observer'], 'kemenkes');
    expect((await observer.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await context.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('cannot be changed or deleted, even with SQL', async () => {
    const { db } = context.database;
    await expect(sql`UPDATE audit_log SET actor_label = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('refuses a change to audited data made without saying who makes it', async () => {
    const { db } = context.database;
    await expect(sql`UPDATE organisation SET name = 'Anonim' WHERE code = 'forkalim'`.execute(db)).rejects.toThrow(/no actor/);
    const forkalim = await context.app.inject({ method: 'GET', url: '/api/organisations/forkalim' });
    expect(forkalim.json<{ name: string }>().name).toBe('FORKALIM');
  });
});
