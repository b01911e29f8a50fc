import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { idParamsSchema } from '../../common/api/programmes.ts';
import {
  createIndicatorSchema,
  createPeriodSchema,
  createResultSchema,
  patchPeriodSchema,
  periodListSchema,
  periodSchema,
  resultsFrameworkSchema,
  resultUpdateListSchema,
  resultUpdateSchema,
  updateInputSchema,
  updateTransitionSchema,
} from '../../common/api/results.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { ResultsService } from './results.service.ts';
import type { UpdatesService } from './updates.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['results'];

export const resultsRoutes: FastifyPluginAsyncZod<{ results: ResultsService; updates: UpdatesService }> = async (app, { results, updates }) => {
  app.get(
    '/api/agreements/:id/results',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'The results framework: results → indicators → periods (target, actual)', params: idParamsSchema, response: { 200: resultsFrameworkSchema, ...errors } },
    },
    async (request) => results.framework(contextOf(request), request.params.id),
  );

  app.post(
    '/api/agreements/:id/results',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Add a result (output, outcome, impact)', params: idParamsSchema, body: createResultSchema, response: { 201: resultsFrameworkSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await results.createResult(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/results/:id/indicators',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Add an indicator to a result (baseline, direction, target kind)', params: idParamsSchema, body: createIndicatorSchema, response: { 201: resultsFrameworkSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await results.createIndicator(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/result-indicators/:id/periods',
    { config: { policy: 'public' }, schema: { tags, summary: "An indicator's periods", params: idParamsSchema, response: { 200: periodListSchema, ...errors } } },
    async (request) => ({ items: await results.periods(contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/result-indicators/:id/periods',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Add a period with its target', params: idParamsSchema, body: createPeriodSchema, response: { 201: periodSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await results.createPeriod(contextOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/result-periods/:id',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: "Change a period's target, or lock/unlock it", params: idParamsSchema, body: patchPeriodSchema, response: { 200: periodSchema, ...errors } },
    },
    async (request) => results.patchPeriod(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/result-periods/:id/updates',
    { config: { policy: 'public' }, schema: { tags, summary: "A period's updates, oldest first", params: idParamsSchema, response: { 200: resultUpdateListSchema, ...errors } } },
    async (request) => ({ items: await updates.list(contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/result-periods/:id/updates',
    {
      config: { policy: 'results.submit' },
      schema: { tags, summary: 'Start a draft update (value, narrative, evidence)', params: idParamsSchema, body: updateInputSchema, response: { 201: resultUpdateSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await updates.create(contextOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/result-updates/:id',
    {
      config: { policy: 'results.submit' },
      schema: { tags, summary: 'Change a draft or returned update', params: idParamsSchema, body: updateInputSchema, response: { 200: resultUpdateSchema, ...errors } },
    },
    async (request) => updates.edit(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/result-updates/:id/transitions',
    {
      // Submitting needs results.submit; returning and approving are checked against results.review
      // in the service (a coordinator of a party other than the submitter's).
      config: { policy: 'results.submit' },
      schema: {
        tags,
        summary: 'Submit, return (with a comment) or approve an update; approving recomputes the actual',
        params: idParamsSchema,
        body: updateTransitionSchema,
        response: { 200: resultUpdateSchema, ...errors },
      },
    },
    async (request) => updates.transition(contextOf(request), request.params.id, request.body.action, request.body.comment ?? null),
  );
};
