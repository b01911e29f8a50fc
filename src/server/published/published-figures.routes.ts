import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { publishedFiguresQuerySchema, publishedFiguresSchema } from '../../common/api/published-figures.ts';
import type { PublishedFiguresService } from './published-figures.service.ts';

export const publishedFiguresRoutes: FastifyPluginAsyncZod<{ published: PublishedFiguresService }> = async (app, { published }) => {
  app.get(
    '/api/published-figures',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['values'],
        summary: 'Real figures as published (news, regulations, plans), each with its citation and URL; never example data, never rolled up',
        querystring: publishedFiguresQuerySchema,
        response: { 200: publishedFiguresSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => ({ items: await published.list(request.query) }),
  );
};
