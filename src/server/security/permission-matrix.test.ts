import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles.ts';
import { createUser, signIn, TEST_PASSWORD, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from '../auth/actor.ts';
import type { Permission } from '../auth/policies.ts';
import { currentTotp } from '../auth/totp.ts';
import type { Database } from '../db/connect.ts';
import { programmeMatrixFixture } from '../../../test/support/programme-fixtures.ts';
import { samplePng } from '../../../test/support/sample-files.ts';
import { AGREEMENT_CASES } from '../../../test/support/agreement-matrix-cases.ts';

/**
 * The permission matrix: every non-public route × every role (and anonymous) × a target in the
 * user's own area (Kota Bekasi, 32.75) or another region's (Kabupaten Sumbawa Barat, 52.07).
 * Routes come from the app's own route table, so a new route without a case here fails.
 * The expectations are written out by hand, independently of the policy table in the code.
 */
type Caller = Role | 'public';
type Scope = 'own' | 'other';
const CALLERS: readonly Caller[] = [...ROLES, 'public'];
const SCOPES: readonly Scope[] = ['own', 'other'];
const AREA: Record<Scope, string> = { own: '32.75', other: '52.07' };
const HOME_ORGANISATION: Record<Role, string> = { admin: 'kembar', coordinator: '32.75', data_officer: '32.75', facilitator: 'forkalim', observer: 'kemenkes' };

/** Who may, written independently of src/server/auth/policies.ts. */
const EXPECTED: Record<Permission, (caller: Caller, scope: Scope) => boolean> = {
  public: () => true,
  self: (caller) => caller !== 'public',
  'users.manage': (caller) => caller === 'admin',
  'organisations.create': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
  'organisations.update': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
  'observations.write': (caller, scope) => caller === 'admin' || (caller === 'data_officer' && scope === 'own'),
  'audit.read': (caller) => caller === 'admin',
  // Agreements: admins, and coordinators of a legal party (own: Kota Bekasi is a party; other: it is not).
  'agreements.create': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
  'agreements.update': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
  'agreements.transition': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
  // Programmes and results: people who take part in the agreement (own: Kota Bekasi is a party and FORKALIM facilitates).
  'programmes.write': (caller, scope) => caller === 'admin' || (['coordinator', 'data_officer', 'facilitator'].includes(caller) && scope === 'own'),
  'results.submit': (caller, scope) => caller === 'admin' || (['coordinator', 'data_officer', 'facilitator'].includes(caller) && scope === 'own'),
  // Declared by no route on its own: the transitions route checks it in the service for return/approve.
  'results.review': (caller, scope) => caller === 'admin' || (caller === 'coordinator' && scope === 'own'),
};

/** A village in each area: Kota Bekasi's and Kabupaten Sumbawa Barat's. */
const VILLAGE: Record<Scope, string> = { own: '32.75.01.1001', other: '52.07.02.2001' };

interface Cell {
  app: FastifyInstance;
  database: Database;
  scope: Scope;
  /** The signed-in caller, or null for anonymous. */
  user: SignedIn | null;
  unique: string;
}

/** For each route: the permission it must declare, and a valid request for a target in `scope`. */
interface Case {
  permission: Permission;
  request: (cell: Cell) => Promise<InjectOptions>;
  /** Undoes an allowed request's effect on the caller, so the next cell can sign in as usual. */
  restore?: (user: SignedIn) => Promise<void>;
}

/** Programmes and results: own = an agreement where Kota Bekasi is a party, other = one where it is not. */
const fixture = (cell: Cell) => programmeMatrixFixture(cell.app, cell.scope);
let periodYear = 2030;
const PROGRAMME_CASES: Record<string, Case> = {
  'PUT /api/agreements/:id/programme': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'PUT', url: `/api/agreements/${(await fixture(cell)).agreementId}/programme`, payload: { title: `Program ${cell.unique}` } }),
  },
  'POST /api/agreements/:id/programme/transitions': {
    permission: 'programmes.write',
    request: async (cell) => {
      const { agreementId } = await fixture(cell);
      const stage = (await cell.app.services.programmes.find(agreementId))?.stage;
      return { method: 'POST', url: `/api/agreements/${agreementId}/programme/transitions`, payload: { to: stage === 'diagnostic' ? 'identification' : 'diagnostic' } };
    },
  },
  'POST /api/agreements/:id/activities': {
    permission: 'programmes.write',
    request: async (cell) => ({
      method: 'POST',
      url: `/api/agreements/${(await fixture(cell)).agreementId}/activities`,
      payload: { type: 'webinar', title: `Webinar ${cell.unique}`, hostOrganisationCode: '52.07', plannedStart: '2099-02-01' },
    }),
  },
  'PATCH /api/activities/:id': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'PATCH', url: `/api/activities/${(await fixture(cell)).activityId}`, payload: { location: `Ruang ${cell.unique}` } }),
  },
  'POST /api/activities/:id/evidence/links': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'POST', url: `/api/activities/${(await fixture(cell)).activityId}/evidence/links`, payload: { url: `https://example.org/${cell.unique}`, caption: 'Tautan uji' } }),
  },
  'POST /api/activities/:id/evidence': {
    permission: 'programmes.write',
    request: async (cell) => ({
      method: 'POST',
      url: `/api/activities/${(await fixture(cell)).activityId}/evidence?kind=photo&caption=Foto&fileName=foto.png`,
      payload: samplePng(),
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  'POST /api/agreements/:id/results': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'POST', url: `/api/agreements/${(await fixture(cell)).agreementId}/results`, payload: { type: 'outcome', title: `Hasil ${cell.unique}` } }),
  },
  'POST /api/results/:id/indicators': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'POST', url: `/api/results/${(await fixture(cell)).resultId}/indicators`, payload: { title: `Indikator ${cell.unique}`, type: 'qualitative', targetKind: 'learning' } }),
  },
  'POST /api/result-indicators/:id/periods': {
    permission: 'programmes.write',
    request: async (cell) => {
      const year = (periodYear += 1);
      return { method: 'POST', url: `/api/result-indicators/${(await fixture(cell)).indicatorId}/periods`, payload: { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, targetValue: 1 } };
    },
  },
  'PATCH /api/result-periods/:id': {
    permission: 'programmes.write',
    request: async (cell) => ({ method: 'PATCH', url: `/api/result-periods/${(await fixture(cell)).periodId}`, payload: { targetComment: `Target ${cell.unique}` } }),
  },
  'POST /api/result-periods/:id/updates': {
    permission: 'results.submit',
    request: async (cell) => ({ method: 'POST', url: `/api/result-periods/${(await fixture(cell)).periodId}/updates`, payload: { value: 1 } }),
  },
  'PATCH /api/result-updates/:id': {
    permission: 'results.submit',
    request: async (cell) => {
      const draft = await cell.app.services.resultUpdates.create(systemContext('cli'), (await fixture(cell)).periodId, { value: 1 });
      return { method: 'PATCH', url: `/api/result-updates/${draft.id}`, payload: { value: 2 } };
    },
  },
  'POST /api/result-updates/:id/transitions': {
    permission: 'results.submit',
    request: async (cell) => {
      const draft = await cell.app.services.resultUpdates.create(systemContext('cli'), (await fixture(cell)).periodId, { value: 3 });
      return { method: 'POST', url: `/api/result-updates/${draft.id}/transitions`, payload: { action: 'submit' } };
    },
  },
};

const CASES: Record<string, Case> = {
  'POST /api/auth/sign-out': { permission: 'self', request: async () => ({ method: 'POST', url: '/api/auth/sign-out', payload: {} }) },
  'GET /api/auth/me': { permission: 'self', request: async () => ({ method: 'GET', url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    permission: 'self',
    request: async () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'ombak-putih-pantai-maluk' } }),
    restore: (user) => expectNoContent(user, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'ombak-putih-pantai-maluk', newPassword: TEST_PASSWORD } }),
  },
  'POST /api/auth/totp/setup': { permission: 'self', request: async () => ({ method: 'POST', url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': {
    permission: 'self',
    request: async ({ user }) => {
      const setup = user ? (await user.request({ method: 'POST', url: '/api/auth/totp/setup' })).json<{ secret: string }>() : { secret: 'JBSWY3DPEHPK3PXP' };
      return { method: 'POST', url: '/api/auth/totp/enable', payload: { code: currentTotp(setup.secret, user?.email ?? 'x') } };
    },
    restore: (user) => expectNoContent(user, { method: 'POST', url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD } }),
  },
  'POST /api/auth/totp/disable': { permission: 'self', request: async () => ({ method: 'POST', url: '/api/auth/totp/disable', payload: { password: TEST_PASSWORD } }) },
  'GET /api/auth/tokens': { permission: 'self', request: async () => ({ method: 'GET', url: '/api/auth/tokens' }) },
  'POST /api/auth/tokens': { permission: 'self', request: async () => ({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'matrix', scope: 'read', expiresInDays: 1 } }) },
  'DELETE /api/auth/tokens/:id': {
    permission: 'self',
    request: async ({ user }) => {
      const created = user && (await user.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'to revoke', scope: 'read', expiresInDays: 1 } })).json<{ item: { id: string } }>();
      return { method: 'DELETE', url: `/api/auth/tokens/${created?.item.id ?? '00000000-0000-4000-8000-000000000000'}` };
    },
  },
  'GET /api/users': { permission: 'users.manage', request: async () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    permission: 'users.manage',
    request: async ({ scope, unique }) => ({ method: 'POST', url: '/api/users', payload: { email: `${unique}@matrix.example`, name: 'Matrix', organisationCode: AREA[scope], roles: ['observer'] } }),
  },
  'PATCH /api/users/:id': {
    permission: 'users.manage',
    request: async ({ app, scope }) => ({ method: 'PATCH', url: `/api/users/${(await createUser(app, ['observer'], AREA[scope])).id}`, payload: { name: 'Nama Baru' } }),
  },
  'POST /api/users/:id/reset-link': {
    permission: 'users.manage',
    request: async ({ app, scope }) => ({ method: 'POST', url: `/api/users/${(await createUser(app, ['observer'], AREA[scope])).id}/reset-link` }),
  },
  'POST /api/organisations': {
    permission: 'organisations.create',
    request: async ({ scope, unique }) => ({ method: 'POST', url: '/api/organisations', payload: { code: `dinkes-${unique}`, name: 'Dinas Kesehatan (uji)', kind: 'opd', parentCode: AREA[scope] } }),
  },
  'PATCH /api/organisations/:code': {
    permission: 'organisations.update',
    request: async ({ app, scope, unique }) => {
      await app.services.organisations.create(systemContext('cli'), { code: `opd-${unique}`, name: 'OPD uji', kind: 'opd', parentCode: AREA[scope] });
      return { method: 'PATCH', url: `/api/organisations/opd-${unique}`, payload: { name: 'OPD uji (baru)' } };
    },
  },
  'PUT /api/observations': {
    permission: 'observations.write',
    request: async ({ scope, unique }) => ({
      method: 'PUT',
      url: '/api/observations',
      payload: { areaCode: VILLAGE[scope], period: '2026', values: [{ indicatorCode: 'STBM.DS.KK_TOTAL', value: unique.length * 100 }] },
    }),
  },
  // A DHIS2 data value set whose only value lies in the target area: outside the caller's area the whole file is forbidden.
  'POST /api/dataValueSets': {
    permission: 'observations.write',
    request: async ({ scope, unique }) => ({
      method: 'POST',
      url: '/api/dataValueSets',
      payload: { dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', period: '2026', orgUnit: VILLAGE[scope], value: String(unique.length * 100) }] },
    }),
  },
  'GET /api/audit': { permission: 'audit.read', request: async () => ({ method: 'GET', url: '/api/audit' }) },
  // Imports: the file is for an area (default the caller's own); another region's area is refused before the file is read.
  'POST /api/imports': {
    permission: 'observations.write',
    request: async ({ scope }) => ({
      method: 'POST',
      url: `/api/imports?format=stbm-recap&dryRun=true&period=2026&area=${AREA[scope]}`,
      payload: `kode_desa,jumlah_kk\n${VILLAGE[scope]},100\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/imports/:id': { permission: 'observations.write', request: async (cell) => ({ method: 'GET', url: `/api/imports/${await importJobIn(cell)}` }) },
  'GET /api/imports/:id/errors.csv': { permission: 'observations.write', request: async (cell) => ({ method: 'GET', url: `/api/imports/${await importJobIn(cell)}/errors.csv` }) },
  'GET /api/imports/:id/errors.xlsx': { permission: 'observations.write', request: async (cell) => ({ method: 'GET', url: `/api/imports/${await importJobIn(cell)}/errors.xlsx` }) },
  // History: own = the caller's own list, other = everyone's (all=true, admins only).
  'GET /api/imports': { permission: 'observations.write', request: async ({ scope }) => ({ method: 'GET', url: scope === 'own' ? '/api/imports' : '/api/imports?all=true' }) },
  // The kept file and confirming a dry run: the uploader and admins. Own = a dry run the caller uploaded (when allowed to), other = the CLI's in the other area.
  'GET /api/imports/:id/file': { permission: 'observations.write', request: async (cell) => ({ method: 'GET', url: `/api/imports/${await ownImportJob(cell)}/file` }) },
  'POST /api/imports/:id/confirm': { permission: 'observations.write', request: async (cell) => ({ method: 'POST', url: `/api/imports/${await ownImportJob(cell)}/confirm` }) },
  ...PROGRAMME_CASES,
  ...AGREEMENT_CASES,
};

describe.each(testEngines())('permission matrix on %s', (engine) => {
  let context: TestApp;
  const emails = new Map<Role, string>();
  let cells = 0;

  beforeAll(async () => {
    context = await createTestApp(engine);
    for (const role of ROLES) emails.set(role, (await createUser(context.app, [role], HOME_ORGANISATION[role])).email);
  });
  afterAll(async () => {
    console.log(`permission matrix on ${engine}: ${cells} cells`);
    await context.dispose();
  });

  it('has a case for every route that is not a public read, with the permission it must declare', () => {
    const guarded = context.app.declaredRoutes.filter((route) => !(route.policy === 'public' && route.method === 'GET'));
    for (const route of guarded) {
      const key = `${route.method} ${route.url}`;
      if (route.policy === 'public') continue; // public writes: sign-in, links, setup (tested in auth tests)
      expect(CASES[key], `no permission-matrix case for ${key}`).toBeDefined();
      expect(route.policy, key).toBe(CASES[key]?.permission);
    }
    const mutating = context.app.declaredRoutes.filter((route) => route.method !== 'GET' && route.policy !== 'public');
    expect(mutating.length).toBeGreaterThan(5);
  });

  for (const [key, testCase] of Object.entries(CASES)) {
    it(`${key}: ${CALLERS.length} callers × own/other area`, async () => {
      for (const caller of CALLERS) {
        for (const scope of SCOPES) {
          const email = caller === 'public' ? null : emails.get(caller);
          const user = email ? await signIn(context.app, email) : null;
          const unique = `m${(cells += 1)}-${engine}`;
          const options = await testCase.request({ app: context.app, database: context.database, scope, user, unique });
          const response = user ? await user.request(options) : await context.app.inject(options);
          const allowed = EXPECTED[testCase.permission](caller, scope);
          const where = `${key} as ${caller}, ${scope} area → ${response.statusCode} ${response.body.slice(0, 160)}`;
          if (allowed) expect(response.statusCode, where).toBeLessThan(300);
          else expect(response.statusCode, where).toBe(caller === 'public' ? 401 : 403);
          if (allowed && user) await testCase.restore?.(user);
        }
      }
    });
  }
});

async function expectNoContent(user: SignedIn, options: InjectOptions): Promise<void> {
  const response = await user.request(options);
  if (response.statusCode !== 204) throw new Error(`could not restore the caller: ${response.body}`);
}

/** A dry run the caller uploaded into the own area when they may; otherwise (and in the other area) the CLI's. */
async function ownImportJob(cell: Cell): Promise<string> {
  if (cell.scope === 'own' && cell.user) {
    const upload = await cell.user.request({
      method: 'POST',
      url: `/api/imports?format=stbm-recap&dryRun=true&period=2026&area=${AREA.own}`,
      payload: `kode_desa,jumlah_kk\n${VILLAGE.own},100\n`,
      headers: { 'content-type': 'text/csv' },
    });
    if (upload.statusCode === 202) {
      await cell.app.services.imports.idle();
      return upload.json<{ id: string }>().id;
    }
  }
  return importJobIn(cell);
}

/** An import job (a dry run) for the target area, started by the CLI: only admins and that area's data officers may read it. */
async function importJobIn({ app, scope }: Cell): Promise<string> {
  const file = { bytes: Buffer.from(`kode_desa,jumlah_kk\n${VILLAGE[scope]},100\n`), fileName: 'matrix.csv' };
  const { id } = await app.services.imports.start(systemContext('cli'), file, { format: 'stbm-recap', dryRun: true, period: '2026', area: AREA[scope] });
  await app.services.imports.idle();
  return id;
}
