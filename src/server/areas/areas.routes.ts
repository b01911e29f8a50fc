import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaCodeSchema, areaDetailSchema, areaSearchQuerySchema, areaSearchResultSchema } from '../../common/api/areas.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import type { AreasService } from './areas.service.ts';

export const areasRoutes: FastifyPluginAsyncZod<{ areas: AreasService }> = async (app, { areas }) => {
  app.get(
    '/api/areas/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['areas'],
        summary: 'One area with its ancestors, children and descendant counts',
        params: z.object({ code: areaCodeSchema }),
        response: { 200: areaDetailSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => areas.getArea(request.params.code),
  );

  app.get(
    '/api/areas',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['areas'],
        summary: 'Search areas by name (exact, then prefix, then contains); without q, list one level',
        querystring: areaSearchQuerySchema,
        response: { 200: areaSearchResultSchema, 400: errorBodySchema },
      },
    },
    async (request) => areas.search(request.query),
  );
};
