import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  agreementDetailSchema,
  agreementIdParamsSchema,
  createDocumentSchema,
  documentParamsSchema,
  fileParamsSchema,
  newSignatorySchema,
  updateDocumentSchema,
  uploadQuerySchema,
} from '../../common/api/agreements.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import { contextOf } from '../auth/request-auth.ts';
import { DomainError, InvalidRequestError } from '../errors.ts';
import { contentDisposition } from '../files/content-disposition.ts';
import { DOCUMENT_TYPES } from '../files/file-store.ts';
import type { AgreementDocumentsService } from './agreement-documents.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['agreements'];
const detail = { 200: agreementDetailSchema, ...errors };
const signatoryParams = documentParamsSchema.extend({ signatoryId: z.uuid() });

/** Content types a raw-body upload may declare; the stored type is still decided by the content. */
const RAW_UPLOAD_TYPES = [...Object.keys(DOCUMENT_TYPES), 'application/octet-stream'];

/**
 * Documents (KB, PKS, addenda, …), their signatories, and their files. Files go up as
 * multipart/form-data (field "file") or as the raw body (?fileName=…); each upload is a new version.
 */
export const agreementDocumentsRoutes: FastifyPluginAsyncZod<{ documents: AgreementDocumentsService; maxUploadBytes: number }> = async (app, { documents, maxUploadBytes }) => {
  app.post(
    '/api/agreements/:id/documents',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Add a document: kind, title, signing date and place, numbers per party, clauses', params: agreementIdParamsSchema, body: createDocumentSchema, response: detail } },
    async (request) => documents.create(contextOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/agreements/:id/documents/:documentId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Change a document’s details, numbers or clause checklist', params: documentParamsSchema, body: updateDocumentSchema, response: detail } },
    async (request) => documents.update(contextOf(request), request.params.id, request.params.documentId, request.body),
  );

  app.post(
    '/api/agreements/:id/documents/:documentId/signatories',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Add a signatory (a person of a legal party; facilitators and witnesses never sign)', params: documentParamsSchema, body: newSignatorySchema, response: detail } },
    async (request) => documents.addSignatory(contextOf(request), request.params.id, request.params.documentId, request.body),
  );

  app.delete(
    '/api/agreements/:id/documents/:documentId/signatories/:signatoryId',
    { config: { policy: 'agreements.update' }, schema: { tags, summary: 'Remove a signatory', params: signatoryParams, response: detail } },
    async (request) => documents.removeSignatory(contextOf(request), request.params.id, request.params.documentId, request.params.signatoryId),
  );

  app.get(
    '/api/agreements/:id/documents/:documentId/files/:version',
    {
      config: { policy: 'public' },
      schema: { tags, summary: 'Download a version of a document’s file', params: fileParamsSchema, response: { 200: z.unknown().describe('The file, with its Content-Type and Content-Disposition'), ...errors } },
    },
    async (request, reply) => {
      const file = await documents.download(contextOf(request), request.params.id, request.params.documentId, request.params.version);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.stream);
    },
  );

  // Uploads get their own body parsers, in a nested context so no other route accepts them.
  await app.register(async (plugin) => {
    const uploads = plugin.withTypeProvider<ZodTypeProvider>();
    // One byte over the limit lets the file store see (and refuse) an oversized file.
    await uploads.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes + 1, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: false });
    uploads.addContentTypeParser(RAW_UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    uploads.post(
      '/api/agreements/:id/documents/:documentId/files',
      {
        config: { policy: 'agreements.update' },
        schema: {
          tags,
          summary: 'Upload the document’s file (PDF, PNG, JPEG, WebP or DOCX, checked by content): adds a version',
          params: documentParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: agreementDetailSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await uploadedFile(request, request.query.fileName);
        try {
          const result = await documents.upload(contextOf(request), request.params.id, request.params.documentId, file);
          return reply.status(201).send(result);
        } catch (error) {
          throw asClientError(error);
        }
      },
    );
  });
};

/** The uploaded file, from a multipart body (field "file") or the raw body. */
async function uploadedFile(request: FastifyRequest, queryName: string | undefined): Promise<{ stream: Readable; fileName: string }> {
  if (request.isMultipart()) {
    const part = await request.file().catch((error: unknown) => {
      throw asClientError(error);
    });
    if (!part) throw new InvalidRequestError('file: the multipart body has no file part');
    return { stream: part.file, fileName: part.filename || queryName || 'file' };
  }
  const body: unknown = request.body;
  if (body instanceof Readable) return { stream: body, fileName: queryName ?? 'file' };
  if (typeof body === 'string') return { stream: Readable.from([Buffer.from(body)]), fileName: queryName ?? 'file' };
  throw new InvalidRequestError('file: send the file as multipart/form-data (field "file") or as the raw body with Content-Type application/pdf, image/png, image/jpeg, image/webp, a DOCX type or application/octet-stream');
}

/** A broken upload (malformed multipart, aborted body) is the client's problem; disk errors stay 500s. */
function asClientError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (typeof error !== 'object' || error === null) return error;
  if ('syscall' in error) return error; // the file system failed: a server error
  if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) return error;
  const message = error instanceof Error ? error.message : 'unreadable';
  return new InvalidRequestError(`file: the upload could not be read (${message})`);
}
