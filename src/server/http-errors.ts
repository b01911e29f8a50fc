import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../common/api/errors.ts';
import { BlockedError, DomainError, HTTP_STATUS_BY_CODE } from './errors.ts';

/** Codes for the 4xx errors Fastify itself raises (bad JSON, too large, wrong content type, …). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * The one place errors become HTTP responses. Every error body is `{ error: { code, message } }`;
 * a client error says what was wrong, and a server error never leaks a stack trace.
 */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof BlockedError) return reply.status(HTTP_STATUS_BY_CODE[error.code]).send({ error: { code: error.code, message: error.message, reasons: [...error.reasons] } });
  if (error instanceof DomainError) return reply.status(HTTP_STATUS_BY_CODE[error.code]).send(body(error.code, error.message));

  if (isDataException(error)) {
    return reply.status(400).send(body('invalid_request', 'A value is out of range, or contains a character that cannot be stored (such as NUL)'));
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const problems = error.validation.map((issue) => {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `${where}${field ? `.${field}` : ''}: ${issue.message}`;
    });
    return reply.status(400).send(body('invalid_request', problems.join('; ')));
  }

  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
    return reply.status(status).send(body(CODE_BY_STATUS[status] ?? 'invalid_request', error.message));
  }

  request.log.error({ err: error }, 'request failed');
  return reply
    .status(500)
    .send(body('internal_error', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`));
}

export function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * PostgreSQL "data exception" errors (SQLSTATE class 22: a NUL byte in text, a date or number out
 * of range) mean the input was bad, not the server: they are 400s, mapped here by code.
 */
function isDataException(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return false;
  return /^22[0-9A-Z]{3}$/.test(error.code) && !('statusCode' in error);
}
