import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementDetailSchema,
  agreementIdParamsSchema,
  agreementListQuerySchema,
  agreementListSchema,
  createAgreementSchema,
  newParticipantSchema,
  newPersonSchema,
  newScopeItemSchema,
  updateAgreementSchema,
  updatePersonSchema,
  updateScopeItemSchema,
} from '../../common/api/agreements.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { AgreementPartsService } from './agreement-parts.service.ts';
import type { AgreementsService } from './agreements.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['agreements'];
const participantParams = agreementIdParamsSchema.extend({ participantId: z.uuid() });
const personParams = agreementIdParamsSchema.extend({ personId: z.uuid() });
const itemParams = agreementIdParamsSchema.extend({ itemId: z.uuid() });
const detail = { 200: agreementDetailSchema, ...errors };

/**
 * Agreements and their parts. Reads are public for public agreements (internal ones only for
 * those taking part, admins and observers: see agreement-access.ts); every change needs
 * agreements.update and a coordinator of one of the legal parties, and answers the whole agreement.
 */
export const agreementsRoutes: FastifyPluginAsyncZod<{ agreements: AgreementsService; parts: AgreementPartsService }> = async (app, { agreements, parts }) => {
  app.get(
    '/api/agreements',
    { config: { policy: 'public' }, schema: { tags, summary: 'Agreements the caller may see (filter by words, status, area, role, category)', querystring: agreementListQuerySchema, response: { 200: agreementListSchema, ...errors } } },
    async (request) => agreements.list(contextOf(request), request.query),
  );

  app.post(
    '/api/agreements',
    { config: { policy: 'agreements.create' }, schema: { tags, summary: 'Start a draft agreement (a coordinator’s own pemda must be a party)', body: createAgreementSchema, response: { 201: agreementDetailSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await agreements.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/agreements/:id',
    { config: { policy: 'public' }, schema: { tags, summary: 'One agreement with participants, people, scope and documents', params: agreementIdParamsSchema, response: detail } },
    async (request) => agreements.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/agreements/:id',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Change an agreement’s title, category, objectives, term, visibility or DPRD flags', params: agreementIdParamsSchema, body: updateAgreementSchema, response: detail } },
    async (request) => agreements.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agreements/:id/participants',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Add a participant (legal party, mentor, mentee, facilitator, witness, sponsor, …)', params: agreementIdParamsSchema, body: newParticipantSchema, response: detail } },
    async (request) => parts.addParticipant(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/agreements/:id/participants/:participantId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Remove a participant', params: participantParams, response: detail } },
    async (request) => parts.removeParticipant(contextOf(request), request.params.id, request.params.participantId),
  );

  app.post(
    '/api/agreements/:id/people',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Add a person who attended or signs, with their position', params: agreementIdParamsSchema, body: newPersonSchema, response: detail } },
    async (request) => parts.addPerson(contextOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/agreements/:id/people/:personId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Change a person’s name, position or attendance', params: personParams, body: updatePersonSchema, response: detail } },
    async (request) => parts.updatePerson(contextOf(request), request.params.id, request.params.personId, request.body),
  );

  app.delete(
    '/api/agreements/:id/people/:personId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Remove a person (and their signatures)', params: personParams, response: detail } },
    async (request) => parts.removePerson(contextOf(request), request.params.id, request.params.personId),
  );

  app.post(
    '/api/agreements/:id/scope-items',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Add a scope item, mapped to an urusan (or flagged for legal review)', params: agreementIdParamsSchema, body: newScopeItemSchema, response: detail } },
    async (request) => parts.addScopeItem(contextOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/agreements/:id/scope-items/:itemId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Change a scope item', params: itemParams, body: updateScopeItemSchema, response: detail } },
    async (request) => parts.updateScopeItem(contextOf(request), request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    '/api/agreements/:id/scope-items/:itemId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Remove a scope item', params: itemParams, response: detail } },
    async (request) => parts.removeScopeItem(contextOf(request), request.params.id, request.params.itemId),
  );
};
