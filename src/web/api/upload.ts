import type { z } from 'zod';
import { errorBodySchema } from '../../common/api/errors.ts';
import { CSRF_HEADER } from '../../common/roles.ts';
import { ApiError, CLIENT_ERROR_CODES } from './client.ts';
import { currentSession } from './queryClient.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions<T> {
  path: string;
  /** The file, sent as the raw request body (its name goes in the query). */
  body: File;
  schema: z.ZodType<T>;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Uploads with XMLHttpRequest, the one browser API that reports upload progress (fetch does not):
 * on a slow connection a 5 MB scan takes a while, and a bar is better than a frozen button.
 * Carries the CSRF header like every other write; failures become `ApiError`s with the server's words.
 */
export function uploadFile<T>({ path, body, schema, onProgress, signal }: UploadOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    const token = currentSession()?.csrfToken;
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.setRequestHeader('content-type', body.type || 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    request.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'network error during upload'));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.onload = () => {
      const parsedBody = parseJson(request.responseText);
      if (request.status < 200 || request.status >= 300) {
        const error = errorBodySchema.safeParse(parsedBody);
        reject(error.success ? new ApiError(request.status, error.data.error.code, error.data.error.message) : new ApiError(request.status, CLIENT_ERROR_CODES.http, `HTTP ${request.status}`));
        return;
      }
      const parsed = schema.safeParse(parsedBody);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(request.status, CLIENT_ERROR_CODES.invalidResponse, `Unexpected response from ${path}`));
    };
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
