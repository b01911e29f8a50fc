import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFormat } from '../../common/api/imports.ts';
import { NotFoundError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { isZip } from './table.ts';

/**
 * Import files in the file store: which are kept, what type they are, and reading one back for a
 * run. A kept file is what a confirmed import reads, and what its uploader (or an admin) can
 * download again to see exactly which file produced an import.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Household (KK) survey files are never kept: they hold family-card numbers and the names of the
 * heads of household, and Kembar promises (on the form, and by UU PDP) to keep only salted hashes
 * of the numbers and never the names. Their jobs record the sha256, size and name only.
 */
const NEVER_KEPT: ReadonlySet<ImportFormat> = new Set(['household']);

export function keepsFile(format: ImportFormat): boolean {
  return !NEVER_KEPT.has(format);
}

/** The file's type, from its bytes (a workbook is a zip) and the format it was sent as; never from its name. */
export function importMediaType(bytes: Uint8Array, format: ImportFormat): string {
  if (isZip(bytes)) return XLSX_TYPE;
  return format === 'dhis2-json' ? 'application/json' : 'text/csv';
}

/** The bytes of a kept file, checked against the sha256 the job recorded (a confirmed import reads exactly the checked file). */
export async function readKeptFile(files: FileStore, sha256: string): Promise<Buffer> {
  const { stream } = await files.open(sha256);
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (hash.digest('hex') !== sha256) throw new NotFoundError(`The kept file ${sha256} no longer matches its sha256: upload the file again`);
  return Buffer.concat(chunks);
}

/** What became of a kept file the retention policy released. */
export type Removal = { outcome: 'removed'; sizeBytes: number } | { outcome: 'missing' } | { outcome: 'uploaded-again' };

/**
 * Deletes a kept file from the store, unless it was written at or after `writtenBefore`: the
 * store writes a file anew on every upload, so a recent file means the same bytes were just
 * uploaded again, and an import about to record its job needs them. The file is first renamed
 * aside (atomic), so an upload landing meanwhile puts a new file in place rather than losing
 * its bytes; the set-aside file is checked, then deleted or put back.
 * The path follows the store's layout (<dir>/<first two hex digits>/<sha256>).
 */
export async function removeKeptFile(files: FileStore, sha256: string, writtenBefore: Date): Promise<Removal> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new NotFoundError(`No stored file ${sha256}`);
  const target = path.join(files.options.dir, sha256.slice(0, 2), sha256);
  const aside = path.join(files.options.dir, '.incoming', `${randomUUID()}.deleting`);
  await mkdir(path.dirname(aside), { recursive: true });
  try {
    await rename(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outcome: 'missing' };
    throw error;
  }
  const info = await stat(aside);
  if (info.mtimeMs >= writtenBefore.getTime()) {
    await rename(aside, target);
    return { outcome: 'uploaded-again' };
  }
  await rm(aside, { force: true });
  return { outcome: 'removed', sizeBytes: info.size };
}

/** The day a file was deleted, as the messages name it (UTC date). */
export function deletedOn(deletedAt: string | Date): string {
  return (typeof deletedAt === 'string' ? deletedAt : deletedAt.toISOString()).slice(0, 10);
}

/**
 * Asked for a file the retention policy deleted: answered 410 Gone on the download route
 * (imports.routes.ts); elsewhere a plain not-found.
 */
export class ImportFileDeletedError extends NotFoundError {
  constructor(id: string, fileName: string, deletedAt: string) {
    super(`The file of import ${id} (${fileName}) was deleted on ${deletedOn(deletedAt)} by the retention policy for import files (KEMBAR_IMPORT_FILE_RETENTION_DAYS); the import keeps its name, size and sha256`);
  }
}
