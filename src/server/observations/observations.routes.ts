import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { indicatorSchema } from '../../common/api/indicators.ts';
import { indicatorListQuerySchema, indicatorListSchema } from '../../common/api/indicator-list.ts';
import { observationQuerySchema, observationSheetSchema, saveObservationsSchema } from '../../common/api/observations.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import type { ObservationsService } from './observations.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const observationsRoutes: FastifyPluginAsyncZod<{ indicators: IndicatorsService; observations: ObservationsService }> = async (app, { indicators, observations }) => {
  app.get(
    '/api/indicators',
    { config: { policy: 'public' }, schema: { tags: ['indicators'], summary: 'The indicator catalogue', querystring: indicatorListQuerySchema, response: { 200: indicatorListSchema, ...errors } } },
    async (request) => ({ items: await indicators.list(request.query) }),
  );

  app.get(
    '/api/indicators/:code',
    { config: { policy: 'public' }, schema: { tags: ['indicators'], summary: 'One indicator: definition, formula, source', params: z.object({ code: z.string().max(80) }), response: { 200: indicatorSchema, ...errors } } },
    async (request) => indicators.get(request.params.code),
  );

  app.get(
    '/api/observations',
    { config: { policy: 'public' }, schema: { tags: ['observations'], summary: 'The stored values of one area and period, every source', querystring: observationQuerySchema, response: { 200: observationSheetSchema, ...errors } } },
    async (request) => observations.sheet(request.query.area, request.query.period),
  );

  app.put(
    '/api/observations',
    {
      config: { policy: 'observations.write' },
      schema: { tags: ['observations'], summary: 'Save values of one area and period (all or nothing)', body: saveObservationsSchema, response: { 200: observationSheetSchema, ...errors } },
    },
    async (request) => observations.save(contextOf(request), request.body),
  );
};
