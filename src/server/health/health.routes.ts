import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '../../common/api/health.ts';
import type { Engine } from '../db/connect.ts';

export interface HealthRouteOptions {
  engine: Engine;
  version: string;
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, { engine, version }) => {
  app.get(
    '/api/health',
    { config: { policy: 'public' }, schema: { tags: ['system'], summary: 'Liveness, database engine and version', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const, database: engine, version }),
  );
};
