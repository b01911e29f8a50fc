import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Session } from '../../src/common/api/auth.ts';
import type { Role } from '../../src/common/roles.ts';
import { systemContext } from '../../src/server/auth/actor.ts';

/** A password every test account shares; strong enough for the policy. */
export const TEST_PASSWORD = 'kuda-hijau-melompat-jauh';

let counter = 0;

export interface SignedIn {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** app.inject with this user's session cookie and, on writes, the CSRF header. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Creates a user directly through the service (as the CLI would); returns its id and email. */
export async function createUser(app: FastifyInstance, roles: Role[], organisationCode: string, name = 'Test User'): Promise<{ id: string; email: string }> {
  counter += 1;
  const email = `user${counter}-${roles.join('-')}@test.example`;
  const user = await app.services.users.createWithPassword(systemContext('cli'), { email, name, organisationCode, roles, password: TEST_PASSWORD });
  return { id: user.id, email };
}

/** Signs in through the API and returns a client that sends the session cookie (and CSRF on writes). */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  counter += 1;
  // Each test sign-in comes from its own address, so the per-address rate limit stays out of the way.
  const remoteAddress = `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
  if (response.statusCode !== 200) throw new Error(`sign-in failed (${response.statusCode}): ${response.body}`);
  const session = response.json<Session>();
  const cookie = response.cookies.find((candidate) => candidate.name === 'kembar_session');
  if (!cookie) throw new Error('no session cookie');
  const cookieHeader = `kembar_session=${cookie.value}`;
  return {
    userId: session.user.id,
    email,
    cookie: cookieHeader,
    csrfToken: session.csrfToken,
    request: (options) => {
      const write = options.method !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(String(options.method).toUpperCase());
      return app.inject({ ...options, headers: { ...options.headers, cookie: cookieHeader, ...(write && { 'x-csrf-token': session.csrfToken }) } });
    },
  };
}

/** A user with these roles in this organisation, signed in. */
export async function signedInUser(app: FastifyInstance, roles: Role[], organisationCode: string): Promise<SignedIn> {
  const { email } = await createUser(app, roles, organisationCode);
  return signIn(app, email);
}
