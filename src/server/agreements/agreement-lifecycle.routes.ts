import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementDetailSchema,
  agreementIdParamsSchema,
  agreementRulesSchema,
  reminderListSchema,
  reminderQuerySchema,
  templateRequestSchema,
  timelineSchema,
  transitionBlockedSchema,
  transitionOptionsSchema,
  transitionRequestSchema,
  transitionResultSchema,
} from '../../common/api/agreements.ts';
import { TRANSITIONS } from '../../common/agreements/lifecycle.ts';
import { URUSAN } from '../../common/agreements/urusan.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import { contextOf } from '../auth/request-auth.ts';
import type { AgreementLifecycleService } from './agreement-lifecycle.service.ts';
import type { AgreementTemplateService } from './agreement-template.service.ts';
import type { AgreementsService } from './agreements.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['agreements'];

/** The legal lifecycle (options, moves, timeline), reminders, "use as template", and the rules behind them. */
export const agreementLifecycleRoutes: FastifyPluginAsyncZod<{ agreements: AgreementsService; lifecycle: AgreementLifecycleService; templates: AgreementTemplateService }> = async (
  app,
  { agreements, lifecycle, templates },
) => {
  app.get(
    '/api/agreements/:id/transitions',
    { config: { policy: 'public' }, schema: { tags, summary: 'Where the agreement can move next, each with its unmet guards and warnings', params: agreementIdParamsSchema, response: { 200: transitionOptionsSchema, ...errors } } },
    async (request) => lifecycle.options(contextOf(request), request.params.id),
  );

  app.post(
    '/api/agreements/:id/transitions',
    {
      config: { policy: 'agreements.transition' },
      schema: {
        tags,
        summary: 'Move the agreement: 409 with every unmet guard (error.reasons), or done with the warnings of unconfirmed rules',
        params: agreementIdParamsSchema,
        body: transitionRequestSchema,
        response: { 200: transitionResultSchema, ...errors, 409: transitionBlockedSchema },
      },
    },
    async (request) => lifecycle.transition(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/agreements/:id/timeline',
    { config: { policy: 'public' }, schema: { tags, summary: 'Every transition: who, in which roles, when, from → to, note, warnings', params: agreementIdParamsSchema, response: { 200: timelineSchema, ...errors } } },
    async (request) => lifecycle.timeline(contextOf(request), request.params.id),
  );

  app.post(
    '/api/agreements/:id/template',
    {
      config: { policy: 'agreements.create' },
      schema: { tags, summary: 'Use as template: a new draft for two other regions, with this one’s objectives and scope', params: agreementIdParamsSchema, body: templateRequestSchema, response: { 201: agreementDetailSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await templates.useAsTemplate(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/reminders',
    { config: { policy: 'self' }, schema: { tags: ['reminders'], summary: 'Reminders of the caller’s agreements: ending soon, KB without PKS, DPRD waiting', querystring: reminderQuerySchema, response: { 200: reminderListSchema, ...errors } } },
    async (request) => lifecycle.reminders(contextOf(request), request.query.on),
  );

  app.get(
    '/api/agreement-rules',
    { config: { policy: 'public' }, schema: { tags, summary: 'The urusan list, the rule pack (with sources; unconfirmed rules only warn), expected clauses and the lifecycle graph', response: { 200: agreementRulesSchema } } },
    async () => ({
      urusan: [...URUSAN],
      rules: Object.values(agreements.rules.rules).map((rule) => ({ ...rule, parameters: parametersOf(rule.id, agreements) })),
      expectedClauses: Object.fromEntries(Object.entries(agreements.rules.expectedClauses).map(([kind, clauses]) => [kind, [...clauses]])),
      transitions: Object.fromEntries(Object.entries(TRANSITIONS).map(([from, to]) => [from, [...to]])),
    }),
  );
};

function parametersOf(id: string, agreements: AgreementsService): Record<string, number | string> {
  const pack = agreements.rules;
  switch (id) {
    case 'term.max_years':
      return { years: pack.maxTermYears };
    case 'dprd.deemed_approval':
      return { workingDays: pack.dprdDeemedApprovalWorkingDays };
    case 'kb.expiry_without_pks':
      return { days: pack.kbWithoutPksExpiryDays };
    case 'reminders.end_date':
      return { days: pack.endReminderDays.join(', ') };
    default:
      return {};
  }
}
