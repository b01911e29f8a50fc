import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import {
  createOrganisationSchema,
  organisationCodeSchema,
  organisationListQuerySchema,
  organisationListSchema,
  organisationSchema,
  updateOrganisationSchema,
} from '../../common/api/organisations.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { OrganisationsService } from './organisations.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const codeParams = z.object({ code: organisationCodeSchema });

export const organisationsRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationsService }> = async (app, { organisations }) => {
  app.get(
    '/api/organisations',
    { config: { policy: 'public' }, schema: { tags: ['organisations'], summary: 'Search organisations', querystring: organisationListQuerySchema, response: { 200: organisationListSchema, ...errors } } },
    async (request) => ({ items: await organisations.list(request.query) }),
  );

  app.get(
    '/api/organisations/:code',
    { config: { policy: 'public' }, schema: { tags: ['organisations'], summary: 'One organisation', params: codeParams, response: { 200: organisationSchema, ...errors } } },
    async (request) => organisations.get(request.params.code),
  );

  app.post(
    '/api/organisations',
    {
      config: { policy: 'organisations.create' },
      schema: { tags: ['organisations'], summary: 'Add an OPD, operator or other organisation', body: createOrganisationSchema, response: { 201: organisationSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await organisations.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/organisations/:code',
    {
      config: { policy: 'organisations.update' },
      schema: { tags: ['organisations'], summary: 'Rename an organisation', params: codeParams, body: updateOrganisationSchema, response: { 200: organisationSchema, ...errors } },
    },
    async (request) => organisations.rename(contextOf(request), request.params.code, request.body.name),
  );
};
