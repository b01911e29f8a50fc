import type { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';

/** Codes the client makes up itself, for failures that never reached (or never came back from) the API. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
  http: 'http_error',
} as const;

/**
 * A failed API call. `message` is the server's own words (the `{ error: { code, message } }` body),
 * which the UI shows as they are; `status` is 0 when the request never got an answer.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Signed out, or the session has ended. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** Signed in, but not allowed. */
  get isForbidden(): boolean {
    return this.status === 403;
  }

  /** 4xx answers will not change on a retry; network failures and 5xx might. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: 'GET' | WriteMethod;
  /** Sent as JSON, or as it is when a Blob (a file); leave it out for a request without a body. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * GETs `path` from the same origin and validates the JSON with `schema`, so a page never renders
 * data of a shape it was not written for. Throws `ApiError` for every failure except an abort,
 * which is passed on so TanStack Query can cancel quietly.
 */
export function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return requestJson(path, schema, { signal });
}

/** Any request whose answer is JSON of the shape `schema` describes. */
export async function requestJson<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // Worth a console line: it means the web and the server disagree about the contract.
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, CLIENT_ERROR_CODES.invalidResponse, `Unexpected response from ${path}`);
  }
  return parsed.data;
}

/** A request answered with 204 No Content (or any success whose body does not matter). */
export async function requestEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, { method = 'GET', body, headers = {}, signal }: RequestOptions): Promise<Response> {
  const init: RequestInit = {
    method,
    // The session cookie is httpOnly; the browser sends it, the script never sees it.
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...headers },
    signal,
  };
  if (body instanceof Blob) {
    // A file upload: the bytes as they are, typed as the browser typed the file.
    init.headers = { ...init.headers, 'content-type': body.type || 'application/octet-stream' };
    init.body = body;
  } else if (body !== undefined) {
    // Only with a body: the server refuses an empty body that claims to be JSON.
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return response;
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message);
  // A proxy or a crashed server may answer with HTML or nothing at all.
  return new ApiError(status, CLIENT_ERROR_CODES.http, `HTTP ${status}`);
}
