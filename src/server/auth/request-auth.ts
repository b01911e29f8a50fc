import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../common/roles.ts';
import { ANONYMOUS, type Actor, type RequestContext } from './actor.ts';
import type { AuthService } from './auth.service.ts';
import { authorize, ForbiddenError, UnauthorizedError, type Permission } from './policies.ts';
import { SESSION_IDLE_DAYS } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; every /api route must declare one (see POLICIES). */
    policy?: Permission;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfSecret: string | null;
  }
}

export const SESSION_COOKIE = 'kembar_session';
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_IDLE_DAYS * 24 * 60 * 60 } as const;

/** Routes added by plugins (API docs) that cannot carry a policy; they are public reads. */
const PLUGIN_ROUTES = /^\/api\/(docs|openapi\.json)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every /api route, with the policy it declared, as registered (the permission matrix reads this). */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: Permission;
}

/**
 * Authentication and the route half of authorization, for every request:
 * 1. refuses to register an /api route that declares no policy (so none can be forgotten);
 * 2. recognises the caller (Bearer API token, else session cookie, else anonymous);
 * 3. checks the route's permission for the caller's roles (services check the area scope);
 * 4. on writes, refuses read-only tokens, and cookie sessions without a valid CSRF token.
 */
export function installRequestAuth(app: FastifyInstance, auth: AuthService): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  // Fastify decorations may not hold objects, so the actor lives beside the request.
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      return actors.get(this) ?? ANONYMOUS;
    },
    setter(this: FastifyRequest, actor: Actor) {
      actors.set(this, actor);
    },
  });
  app.decorateRequest('csrfSecret', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || PLUGIN_ROUTES.test(route.url)) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy: add config.policy`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
  });

  app.addHook('onRequest', async (request, reply) => {
    const policy: Permission | undefined = request.routeOptions.config.policy ?? (PLUGIN_ROUTES.test(request.url) ? 'public' : undefined);
    if (!policy) return; // no such route: the 404 handler answers
    const bearer = bearerToken(request);
    const sessionCookie = request.cookies[SESSION_COOKIE] ?? null;
    const authentication = await auth.authenticate({ bearer, sessionCookie });
    if (!authentication) {
      if (bearer) throw new UnauthorizedError('The API token is unknown, revoked or expired');
      reply.clearCookie(SESSION_COOKIE, { path: '/' }); // an expired session: carry on signed out
    } else {
      request.actor = authentication.actor;
      request.csrfSecret = authentication.csrfSecret;
    }
    if (policy === 'public') return;
    authorize(request.actor, policy);
    if (SAFE_METHODS.has(request.method) || request.actor.kind !== 'user') return;
    const via = request.actor.via;
    if (via.kind === 'token' && via.scope === 'read') throw new ForbiddenError('This API token is read-only');
    if (via.kind === 'session') {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !request.csrfSecret || !auth.isValidCsrf(request.csrfSecret, token)) {
        throw new ForbiddenError(`Missing or invalid ${CSRF_HEADER} header: send the csrfToken from sign-in or /api/auth/me`);
      }
    }
  });
  return routes;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id };
}

export function clientMeta(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  // "ApiToken" is how DHIS2 scripts send a personal access token: they work here with only the token changed.
  const match = /^(?:Bearer|ApiToken)\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new UnauthorizedError('Authorization header must be "Bearer <token>" (or DHIS2\'s "ApiToken <token>")');
  return match[1];
}
