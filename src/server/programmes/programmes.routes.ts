import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import {
  activityInputSchema,
  activityListSchema,
  activityPatchSchema,
  activitySchema,
  evidenceLinkInputSchema,
  evidenceListSchema,
  evidenceSchema,
  evidenceUploadFieldsSchema,
  idParamsSchema,
  programmeReminderListSchema,
  programmeSchema,
  programmeTransitionResultSchema,
  programmeTransitionSchema,
  saveProgrammeSchema,
} from '../../common/api/programmes.ts';
import { contextOf } from '../auth/request-auth.ts';
import { contentDisposition } from '../files/content-disposition.ts';
import type { ActivitiesService } from './activities.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import { todayInIndonesia, type ProgrammesService } from './programmes.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const uploadErrors = { ...errors, 413: errorBodySchema, 415: errorBodySchema };
const tags = ['programmes'];

export const programmesRoutes: FastifyPluginAsyncZod<{ programmes: ProgrammesService; activities: ActivitiesService; evidence: EvidenceService }> = async (
  app,
  { programmes, activities, evidence },
) => {
  app.get(
    '/api/agreements/:id/programme',
    { config: { policy: 'public' }, schema: { tags, summary: "The agreement's programme (twinning method stage)", params: idParamsSchema, response: { 200: programmeSchema, ...errors } } },
    async (request) => programmes.get(contextOf(request), request.params.id),
  );

  app.put(
    '/api/agreements/:id/programme',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: "Create the agreement's programme, or change its title and summary", params: idParamsSchema, body: saveProgrammeSchema, response: { 200: programmeSchema, ...errors } },
    },
    async (request) => programmes.save(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agreements/:id/programme/transitions',
    {
      config: { policy: 'programmes.write' },
      schema: {
        tags,
        summary: 'Move the programme to another stage (409 names every unmet guard)',
        params: idParamsSchema,
        body: programmeTransitionSchema,
        response: { 200: programmeTransitionResultSchema, ...errors },
      },
    },
    async (request) => programmes.transition(contextOf(request), request.params.id, request.body.to, request.body.note ?? null),
  );

  app.get(
    '/api/agreements/:id/programme/reminders',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Activities overdue and result reports due for this agreement', params: idParamsSchema, response: { 200: programmeReminderListSchema, ...errors } },
    },
    async (request) => {
      const agreement = await programmes.agreements.facts(contextOf(request), request.params.id);
      return { items: await programmes.reminders([agreement.id], todayInIndonesia()) };
    },
  );

  app.get(
    '/api/agreements/:id/activities',
    { config: { policy: 'public' }, schema: { tags, summary: 'The work plan: activities by planned date', params: idParamsSchema, response: { 200: activityListSchema, ...errors } } },
    async (request) => ({ items: await activities.list(contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/agreements/:id/activities',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Plan an activity (or record one done)', params: idParamsSchema, body: activityInputSchema, response: { 201: activitySchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await activities.create(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/activities/:id',
    { config: { policy: 'public' }, schema: { tags, summary: 'One activity', params: idParamsSchema, response: { 200: activitySchema, ...errors } } },
    async (request) => activities.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/activities/:id',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Change an activity: dates, status, participants, budget, outputs, lessons', params: idParamsSchema, body: activityPatchSchema, response: { 200: activitySchema, ...errors } },
    },
    async (request) => activities.update(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/activities/:id/evidence',
    { config: { policy: 'public' }, schema: { tags, summary: "An activity's evidence: files and links", params: idParamsSchema, response: { 200: evidenceListSchema, ...errors } } },
    async (request) => ({ items: await evidence.list(contextOf(request), request.params.id) }),
  );

  app.post(
    '/api/activities/:id/evidence/links',
    {
      config: { policy: 'programmes.write' },
      schema: { tags, summary: 'Add a link as evidence (a news report, a shared folder)', params: idParamsSchema, body: evidenceLinkInputSchema, response: { 201: evidenceSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await evidence.addLink(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/activities/:id/evidence/:evidenceId/file',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary: 'Download an evidence file',
        params: z.object({ id: z.uuid(), evidenceId: z.uuid() }),
        response: { 200: z.unknown().describe('The file, with its stored media type'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await evidence.download(contextOf(request), request.params.id, request.params.evidenceId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .send(file.stream);
    },
  );

  // The upload takes the file as the raw request body (as the import wizard sends files): no
  // multipart parsing, and the file store counts and hashes the stream as it arrives.
  await app.register(async (plugin) => {
    const uploads = plugin.withTypeProvider<ZodTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    uploads.post(
      '/api/activities/:id/evidence',
      {
        config: { policy: 'programmes.write' },
        schema: {
          tags,
          summary: 'Upload an evidence file (photo, attendance list, document) as the request body',
          params: idParamsSchema,
          querystring: evidenceUploadFieldsSchema.extend({ fileName: z.string().trim().min(1).max(200).describe("The file's name, e.g. foto-kunjungan.jpg") }),
          response: { 201: evidenceSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const { kind, caption, fileName } = request.query;
        return reply.code(201).send(await evidence.upload(contextOf(request), request.params.id, { kind, caption, fileName, source: request.raw }));
      },
    );
  });
};
