import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { areasRoutes } from './areas/areas.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { profileRoutes } from './auth/profile.routes.ts';
import { installRequestAuth, type DeclaredRoute } from './auth/request-auth.ts';
import type { Database } from './db/connect.ts';
import { healthRoutes } from './health/health.routes.ts';
import type { FileStoreOptions } from './files/file-store.ts';
import { sendError } from './http-errors.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { dhis2Routes } from './imports/dhis2.routes.ts';
import { agreementDocumentsRoutes } from './agreements/agreement-documents.routes.ts';
import { agreementLifecycleRoutes } from './agreements/agreement-lifecycle.routes.ts';
import { agreementsRoutes } from './agreements/agreements.routes.ts';
import { observationsRoutes } from './observations/observations.routes.ts';
import { organisationsRoutes } from './organisations/organisations.routes.ts';
import { programmesRoutes } from './programmes/programmes.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { publishedFiguresRoutes } from './published/published-figures.routes.ts';
import { createServices, type Services } from './services.ts';
import { usersRoutes } from './users/users.routes.ts';
import { registerWebApp } from './web-app.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared policy (read by the permission matrix test). */
    declaredRoutes: DeclaredRoute[];
    services: Services;
  }
}

export interface AppOptions {
  database: Database;
  version: string;
  /** Where users reach the app: one-time links point here. */
  publicUrl?: string;
  /** Believe X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Folder of the built web app; omitted in API-only tests. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Where uploads are stored and how large they may be; a temporary folder when omitted (tests). */
  files?: FileStoreOptions;
}

/** A caller-supplied request id is kept (so logs join across services) when it looks like one. */
const REQUEST_ID_PATTERN = /^[\w-]{8,64}$/;

/** Wires the HTTP app: plugins, error mapping, authentication, routes. Listening is the caller's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // genReqId reads x-request-id itself: with requestIdHeader set, Fastify would take any value as is.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Malformed URLs and over-long parameters are answered before routing: give them our error body too.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: on a plain-http LAN address (a phone testing the app) it would
      // send every asset request to https and break the page. Behind https, HSTS does the job.
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
    },
    // Same-origin app: no cross-origin embedding of our resources either.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });

  const services = createServices(options.database, options.publicUrl ?? 'http://localhost:3000', options.files);
  app.decorate('services', services);
  app.decorate('declaredRoutes', installRequestAuth(app, services.auth));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kembar API', version: options.version, description: 'Twinning programmes in sanitation and public health' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kembar_session', description: 'Browser session; writes also need the x-csrf-token header' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (kmb_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { engine: options.database.engine, version: options.version });
  await app.register(areasRoutes, { areas: services.areas });
  await app.register(authRoutes, { auth: services.auth, links: services.links, users: services.users });
  await app.register(profileRoutes, { profile: services.profile });
  await app.register(usersRoutes, { users: services.users });
  await app.register(organisationsRoutes, { organisations: services.organisations });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(observationsRoutes, { indicators: services.indicators, observations: services.observations, values: services.values, dashboard: services.dashboard });
  await app.register(importsRoutes, { imports: services.imports, templates: services.templates });
  await app.register(dhis2Routes, { dhis2: services.dhis2 });
  await app.register(agreementsRoutes, { agreements: services.agreements, parts: services.agreementParts });
  await app.register(agreementDocumentsRoutes, { documents: services.agreementDocuments, maxUploadBytes: services.files.options.maxBytes });
  await app.register(agreementLifecycleRoutes, { agreements: services.agreements, lifecycle: services.agreementLifecycle, templates: services.agreementTemplates });
  await app.register(programmesRoutes, { programmes: services.programmes, activities: services.activities, evidence: services.evidence });
  await app.register(resultsRoutes, { results: services.results, updates: services.resultUpdates });
  await app.register(publishedFiguresRoutes, { published: services.published });

  await registerWebApp(app, options.webDir);
  return app;
}
