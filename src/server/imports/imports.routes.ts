import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { importCreatedSchema, importIdParamsSchema, importJobSchema, importListQuerySchema, importListSchema, importQuerySchema, templateQuerySchema } from '../../common/api/imports.ts';
import { contextOf } from '../auth/request-auth.ts';
import { InvalidRequestError } from '../errors.ts';
import { contentDisposition } from '../files/content-disposition.ts';
import { body, sendError } from '../http-errors.ts';
import { errorReportCsv, errorReportXlsx } from './error-report.ts';
import { ImportFileDeletedError, XLSX_TYPE } from './import-files.ts';
import type { ImportsService, UploadedFile } from './imports.service.ts';
import type { TemplateService } from './template.service.ts';

/**
 * The upload limit of `POST /api/imports` only (the app's limit stays 1 MB): 100 MB holds a
 * household survey CSV of a million rows. Larger files go through `kembar import FILE`.
 */
export const IMPORT_BODY_LIMIT = 100 * 1024 * 1024;

/** Content types taken as the raw file; multipart/form-data is handled by @fastify/multipart. */
const RAW_TYPES = ['application/octet-stream', 'text/csv', 'application/csv', 'text/plain', XLSX_TYPE, 'application/vnd.ms-excel'];

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema };
const fileResponse = z.unknown().describe('The file (binary)');

export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService; templates: TemplateService }> = async (app, { imports, templates }) => {
  // Encapsulated: these parsers and the multipart plugin apply to this plugin's routes only.
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_BODY_LIMIT, files: 1, fields: 10, parts: 12 } });
  // Jobs a stopped server left unfinished are recorded as interrupted; queued imports finish before the database closes.
  app.addHook('onReady', () => imports.recoverInterrupted());
  app.addHook('onClose', () => imports.close());

  app.get(
    '/api/imports',
    {
      config: { policy: 'observations.write' },
      schema: {
        tags: ['imports'],
        summary: "The caller's imports, newest first, a page at a time (admins: all=true for everyone's); each without its error list",
        querystring: importListQuerySchema,
        response: { 200: importListSchema, ...errors },
      },
    },
    async (request) => imports.list(contextOf(request), request.query),
  );

  app.post(
    '/api/imports',
    {
      config: { policy: 'observations.write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Upload a file to import (raw body or multipart); it is read in the background: poll GET /api/imports/{id}',
        description: `Body: the file itself (${RAW_TYPES.join(', ')}) or multipart/form-data with one file part. Up to 100 MB. All or nothing per file; dryRun=true checks and counts without writing.`,
        querystring: importQuerySchema,
        response: { 202: importCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request, request.query.fileName);
      const { format, dryRun, period, area } = request.query;
      return reply.status(202).send(await imports.start(contextOf(request), file, { format, dryRun, period, area }));
    },
  );

  app.get(
    '/api/imports/template',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['imports'],
        summary: 'An Excel template: the villages of an area as rows, the indicators of a set as columns, with validation; fill it in and import it (format=template)',
        querystring: templateQuerySchema,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await templates.generate(request.query);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: { policy: 'observations.write' },
      schema: { tags: ['imports'], summary: 'An import: status, progress (processed of total rows), errors by row and column, summary', params: importIdParamsSchema, response: { 200: importJobSchema, ...errors } },
    },
    async (request) => imports.get(contextOf(request), request.params.id),
  );

  app.get(
    '/api/imports/:id/file',
    {
      config: { policy: 'observations.write' },
      schema: {
        tags: ['imports'],
        summary: 'The exact file an import read (its sha256 is on the job), for its uploader and admins; 404 when it was not kept (household survey files never are)',
        description: '410 (code "gone") when the retention policy deleted the file (KEMBAR_IMPORT_FILE_RETENTION_DAYS): the message names the day; the job keeps fileDeletedAt, its name, size and sha256.',
        params: importIdParamsSchema,
        response: { 200: fileResponse, 410: errorBodySchema, ...errors },
      },
      // The one error this route answers other than errors.ts maps it: a deleted file is gone, not unknown.
      errorHandler: (error, request, reply) =>
        error instanceof ImportFileDeletedError ? reply.status(410).send(body('gone', error.message)) : sendError(error, request, reply),
    },
    async (request, reply) => {
      const file = await imports.file(contextOf(request), request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.stream);
    },
  );

  app.post(
    '/api/imports/:id/confirm',
    {
      config: { policy: 'observations.write' },
      schema: {
        tags: ['imports'],
        summary: 'Import for real the file a clean dry run checked, from the kept file (no second upload); answers with the new import, as POST /api/imports does',
        description: 'Only the dry run\'s uploader or an admin, once per dry run (409 when it has errors, is no dry run, was confirmed already, or its file was not kept or was deleted by the retention policy).',
        params: importIdParamsSchema,
        response: { 202: importCreatedSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(202).send(await imports.confirm(contextOf(request), request.params.id)),
  );

  app.get(
    '/api/imports/:id/errors.csv',
    {
      config: { policy: 'observations.write' },
      schema: { tags: ['imports'], summary: 'The error report of an import as CSV (row, column, problem)', params: importIdParamsSchema, response: { 200: fileResponse, ...errors } },
    },
    async (request, reply) => {
      const { errors: found } = await imports.errors(contextOf(request), request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`).send(errorReportCsv(found));
    },
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    {
      config: { policy: 'observations.write' },
      schema: { tags: ['imports'], summary: 'The error report of an import as an Excel workbook', params: importIdParamsSchema, response: { 200: fileResponse, ...errors } },
    },
    async (request, reply) => {
      const { job, errors: found } = await imports.errors(contextOf(request), request.params.id);
      const body = await errorReportXlsx(found, `Kesalahan impor ${job.fileName} (${job.format}, ${job.createdAt.slice(0, 10)})`);
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="import-${request.params.id}-errors.xlsx"`).send(body);
    },
  );
};

/** The uploaded file: the raw body, or the one file part of a multipart form. */
async function uploadedFile(request: FastifyRequest, fileName: string | undefined): Promise<UploadedFile> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw new InvalidRequestError('The form has no file part');
    const bytes = await part.toBuffer();
    return { bytes, fileName: fileName ?? part.filename };
  }
  if (!Buffer.isBuffer(request.body)) throw new InvalidRequestError(`Send the file as the body (${RAW_TYPES.join(', ')}) or as multipart/form-data`);
  return { bytes: request.body, fileName: fileName ?? 'upload' };
}
