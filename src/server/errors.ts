/**
 * The closed set of domain errors. Services throw these; `app.ts` maps them to HTTP in one place.
 * Nothing here knows about HTTP status codes except through the mapping table below.
 */
export type DomainErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'totp_required'
  | 'forbidden'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class InvalidRequestError extends DomainError {
  constructor(message: string) {
    super('invalid_request', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** One of several reasons a request was refused, with the rule (and its source) behind it. */
export interface RefusalReason {
  code: string;
  message: string;
  ruleId: string | null;
  source: string | null;
}

/** A conflict with every reason listed (the HTTP body carries them as `error.reasons`). */
export class BlockedError extends DomainError {
  constructor(
    message: string,
    readonly reasons: readonly RefusalReason[],
  ) {
    super('conflict', message);
  }
}

/** An upload over the configured size limit. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super('payload_too_large', message);
  }
}

/** An upload whose content is not an accepted type, or does not match its name. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super('unsupported_media_type', message);
  }
}

export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  totp_required: 401,
  forbidden: 403,
  too_many_requests: 429,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
};
