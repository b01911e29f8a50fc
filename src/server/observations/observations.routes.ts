import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { indicatorSchema } from '../../common/api/indicators.ts';
import { indicatorListQuerySchema, indicatorListSchema } from '../../common/api/indicator-list.ts';
import { observationQuerySchema, observationSheetSchema, saveObservationsSchema } from '../../common/api/observations.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import type { ObservationsService } from './observations.service.ts';
import type { ValuesService } from '../indicators/values.service.ts';
import { seriesQuerySchema, seriesSchema, valuesQuerySchema, valuesSchema } from '../../common/api/values.ts';
import { valuesTableQuerySchema, valuesTableSchema } from '../../common/api/values-table.ts';
import type { DashboardService } from '../indicators/dashboard.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export const observationsRoutes: FastifyPluginAsyncZod<{ indicators: IndicatorsService; observations: ObservationsService; values: ValuesService; dashboard: DashboardService }> = async (
  app,
  { indicators, observations, values, dashboard },
) => {
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

  app.get(
    '/api/values',
    {
      config: { policy: 'public' },
      schema: { tags: ['values'], summary: 'An indicator for an area (or each child) and period: value, numerator, denominator, coverage, as of', querystring: valuesQuerySchema, response: { 200: valuesSchema, ...errors } },
    },
    async (request) => values.values(request.query),
  );

  app.get(
    '/api/values/series',
    { config: { policy: 'public' }, schema: { tags: ['values'], summary: 'An indicator for an area over every period with data', querystring: seriesQuerySchema, response: { 200: seriesSchema, ...errors } } },
    async (request) => values.series(request.query),
  );

  app.get(
    '/api/values/table',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['values'],
        summary: 'A dashboard table: up to 50 indicators × 60 periods for an area (or each child) in one call, in columns (a series per area and indicator), each cell as GET /api/values answers it',
        querystring: valuesTableQuerySchema,
        response: { 200: valuesTableSchema, ...errors },
      },
      // The answer (up to 50 × 60 cells per area) is built to the schema's type by DashboardService;
      // checking its tens of thousands of values again with zod took longer than building them
      // (bench/table-grid.ts), so it is written as it is. The schema still documents it.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => dashboard.table(request.query),
  );
};
