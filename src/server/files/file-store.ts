/**
 * The file store: uploaded files (agreement documents, programme evidence, …) live here, on disk
 * under the configured directory (KEMBAR_FILES_DIR, by default <data folder>/files), never in the
 * database. Reusable by any feature: a feature keeps the returned sha256 (plus name, type, size)
 * in its own table and streams the file back with `open()`.
 *
 * - Content-addressed: a file is stored once as <dir>/<first two hex digits>/<sha256>; the same
 *   bytes uploaded twice share it.
 * - Size-limited while streaming: the upload is counted as it arrives and refused (413) once it
 *   passes the limit, before it is all on disk.
 * - Typed by content: the type comes from the bytes (file-type), never from the name or the
 *   client's Content-Type; a type not on the caller's list, or a name whose extension says
 *   otherwise (a PNG called report.pdf), is refused (415).
 * - Durable: the file is fsynced and renamed into place before `put()` returns, so an
 *   acknowledged upload survives a crash.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, open as openFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors.ts';

export interface FileStoreOptions {
  /** Absolute directory the files are kept under. */
  dir: string;
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
}

/** What a stored upload is: keep these in the feature's table. */
export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  /** The file's name as uploaded, reduced to a safe base name. */
  fileName: string;
}

/** PDF, images and DOCX: what documents and evidence may be. Extensions each type may carry. */
export const DOCUMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};

const SHA256 = /^[0-9a-f]{64}$/;
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export class FileStore {
  constructor(readonly options: FileStoreOptions) {}

  /**
   * Streams `source` into the store: counts, hashes, checks the type by content against
   * `accepted` (media type → allowed extensions), then moves it into place.
   */
  async put(source: Readable | AsyncIterable<Uint8Array> | Buffer, fileName: string, accepted: Readonly<Record<string, readonly string[]>> = DOCUMENT_TYPES): Promise<StoredFile> {
    return this.store(source, fileName, this.options.maxBytes, (temporary) => checkType(temporary, fileName, accepted));
  }

  /**
   * Stores bytes already in memory, of a type the caller names, without the content check: for
   * files the feature reads and checks in full itself (import files: CSV and JSON have no
   * signature to recognise). Their size limit was applied where they arrived.
   */
  async putBytes(bytes: Uint8Array, fileName: string, mediaType: string): Promise<StoredFile> {
    return this.store(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, Number.POSITIVE_INFINITY, () => Promise.resolve(mediaType));
  }

  private async store(source: Readable | AsyncIterable<Uint8Array> | Buffer, fileName: string, maxBytes: number, typeOf: (temporary: string) => Promise<string>): Promise<StoredFile> {
    const incoming = path.join(this.options.dir, '.incoming');
    await mkdir(incoming, { recursive: true });
    const temporary = path.join(incoming, randomUUID());
    try {
      const { sha256, sizeBytes } = await this.receive(source, temporary, maxBytes);
      if (sizeBytes === 0) throw new UnsupportedMediaTypeError(`file: ${safeName(fileName)} is empty`);
      const mediaType = await typeOf(temporary);
      const target = this.pathOf(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temporary, target); // same bytes already stored: replaced by an identical copy
      await syncDirectory(path.dirname(target));
      return { sha256, sizeBytes, mediaType, fileName: safeName(fileName) };
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** A read stream of a stored file; NotFoundError when it is missing on disk. */
  async open(sha256: string): Promise<{ stream: fs.ReadStream; sizeBytes: number }> {
    if (!SHA256.test(sha256)) throw new NotFoundError(`No stored file ${sha256}`);
    const file = this.pathOf(sha256);
    const info = await stat(file).catch(() => null);
    if (!info) throw new NotFoundError(`The stored file ${sha256} is missing from ${this.options.dir}`);
    return { stream: fs.createReadStream(file), sizeBytes: info.size };
  }

  private pathOf(sha256: string): string {
    return path.join(this.options.dir, sha256.slice(0, 2), sha256);
  }

  private async receive(source: Readable | AsyncIterable<Uint8Array> | Buffer, temporary: string, maxBytes: number): Promise<{ sha256: string; sizeBytes: number }> {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) return done(new PayloadTooLargeError(`file: larger than the upload limit of ${formatBytes(maxBytes)}`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    await pipeline(input, meter, fs.createWriteStream(temporary));
    const handle = await openFile(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { sha256: hash.digest('hex'), sizeBytes };
  }
}

/** The detected media type, when it is accepted and the name's extension agrees with it. */
async function checkType(file: string, fileName: string, accepted: Readonly<Record<string, readonly string[]>>): Promise<string> {
  const detected = await fileTypeFromFile(file);
  const name = safeName(fileName);
  const kinds = Object.values(accepted)
    .flat()
    .map((extension) => `.${extension}`)
    .join(', ');
  if (!detected || !accepted[detected.mime]) {
    const what = detected ? `${detected.mime} content` : 'content of no recognised type (plain text?)';
    throw new UnsupportedMediaTypeError(`file: ${name} has ${what}; accepted are ${kinds}, recognised by their content`);
  }
  const extension = path.extname(name).slice(1).toLowerCase();
  if (extension && !accepted[detected.mime]?.includes(extension)) {
    throw new UnsupportedMediaTypeError(`file: ${name} is named .${extension} but its content is ${detected.mime}`);
  }
  return detected.mime;
}

/** The base name only, without control characters or path separators, at most 200 characters. */
export function safeName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned).slice(0, 200);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await openFile(directory, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some filesystems cannot fsync a directory; the file itself is already synced.
  } finally {
    await handle.close();
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
