import { importCreatedSchema, importJobSchema, importListSchema } from '../../common/api/imports.ts';
import type { ImportFormat, ImportJob, ImportList } from '../../common/api/imports.ts';
import { getJson } from './client.ts';
import { uploadFile } from './upload.ts';
import type { UploadProgress } from './upload.ts';
import { writeJson } from './write.ts';

export interface StartImport {
  file: File;
  format: ImportFormat;
  dryRun: boolean;
  /** Left out: the server takes the period from the file. */
  period?: string;
  /** Left out: the caller's organisation's area. */
  area?: string;
}

/** The query string of `POST /api/imports`; the file itself is the body. */
export function importQuery({ file, format, dryRun, period, area }: StartImport): string {
  const query = new URLSearchParams({ format, dryRun: String(dryRun), fileName: file.name });
  if (period) query.set('period', period);
  if (area) query.set('area', area);
  return query.toString();
}

/**
 * Uploads the file and starts an import (or a dry run) in the background; answers with its id at
 * once (202). `onProgress` follows the upload itself, which is what takes time on a slow phone link.
 */
export function startImport(input: StartImport, onProgress?: (progress: UploadProgress) => void): Promise<{ id: string }> {
  // Sent as plain bytes whatever the browser thinks the file is (a .json file would otherwise be
  // parsed as a JSON request): the format is in the query, and the server sniffs the content.
  const bytes = new File([input.file], input.file.name, { type: 'application/octet-stream' });
  return uploadFile({ path: `/api/imports?${importQuery(input)}`, body: bytes, schema: importCreatedSchema, onProgress });
}

/** Where an import stands: status, rows done of total, errors so far, and at the end its summary. */
export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return getJson(`/api/imports/${encodeURIComponent(id)}`, importJobSchema, signal);
}

/** Imports the file a clean dry run checked, from the server's kept copy: no second upload (a slow phone link sends it once). */
export function confirmImport(dryRunId: string): Promise<{ id: string }> {
  return writeJson('POST', `/api/imports/${encodeURIComponent(dryRunId)}/confirm`, undefined, importCreatedSchema);
}

/** The history: the caller's own imports, newest first, a page at a time. */
export function fetchImportHistory(page: { limit: number; offset: number }, signal?: AbortSignal): Promise<ImportList> {
  return getJson(`/api/imports?${importHistoryQuery(page)}`, importListSchema, signal);
}

export function importHistoryQuery({ limit, offset }: { limit: number; offset: number }): string {
  return new URLSearchParams({ limit: String(limit), offset: String(offset) }).toString();
}

/** The exact file an import read, to download again (its uploader and admins; kept files only). */
export function importFileUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/file`;
}

/** The full error list of an import as a file to download (the job itself carries the first 1,000). */
export function importErrorsUrl(id: string, type: 'csv' | 'xlsx'): string {
  return `/api/imports/${encodeURIComponent(id)}/errors.${type}`;
}

/** An Excel template with the area's villages as rows and the set's indicators as columns. */
export function templateUrl(area: string, period: string, set: string): string {
  return `/api/imports/template?${new URLSearchParams({ area, period, set }).toString()}`;
}
