import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { areasRoutes } from './areas/areas.routes.ts';
import { AreasService } from './areas/areas.service.ts';
import type { Database } from './db/connect.ts';
import { healthRoutes } from './health/health.routes.ts';
import { sendError } from './http-errors.ts';
import { registerWebApp } from './web-app.ts';

export interface AppOptions {
  database: Database;
  version: string;
  /** Folder of the built web app; omitted in API-only tests. */
  webDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** A caller-supplied request id is kept (so logs join across services) when it looks like one. */
const REQUEST_ID_PATTERN = /^[\w-]{8,64}$/;

/** Wires the HTTP app: plugins, error mapping, routes. Listening is the caller's job (main.ts, tests inject). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    requestIdHeader: 'x-request-id',
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kembar API', version: options.version, description: 'Twinning programmes in sanitation and public health' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const areas = new AreasService(options.database);
  await app.register(healthRoutes, { engine: options.database.engine, version: options.version });
  await app.register(areasRoutes, { areas });

  await registerWebApp(app, options.webDir);
  return app;
}
