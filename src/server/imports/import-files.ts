import { createHash } from 'node:crypto';
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
