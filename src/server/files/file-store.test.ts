import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDocx, samplePdf, samplePng } from '../../../test/support/sample-files.ts';
import { NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors.ts';
import { contentDisposition } from './content-disposition.ts';
import { FileStore, safeName } from './file-store.ts';

describe('FileStore', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kembar-file-store-'));
    store = new FileStore({ dir, maxBytes: 64 * 1024 });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores a PDF by its sha256, typed by content, and reads it back', async () => {
    const pdf = samplePdf();
    const stored = await store.put(Readable.from([pdf.subarray(0, 100), pdf.subarray(100)]), 'KB Sumbawa Barat.pdf');
    expect(stored).toEqual({ sha256: createHash('sha256').update(pdf).digest('hex'), sizeBytes: pdf.length, mediaType: 'application/pdf', fileName: 'KB Sumbawa Barat.pdf' });
    const { stream, sizeBytes } = await store.open(stored.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    expect(sizeBytes).toBe(pdf.length);
    expect(await readFile(path.join(dir, stored.sha256.slice(0, 2), stored.sha256))).toEqual(pdf);
  });

  it('accepts PNG and DOCX by content, and a name without an extension', async () => {
    expect((await store.put(samplePng(), 'foto.png')).mediaType).toBe('image/png');
    expect((await store.put(await sampleDocx(), 'pks.docx')).mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await store.put(samplePdf('x'), 'naskah')).mediaType).toBe('application/pdf');
  });

  it('refuses a PNG named .pdf, plain text named .pdf, and an empty file, leaving nothing behind', async () => {
    await expect(store.put(samplePng(), 'kb.pdf')).rejects.toThrow(new UnsupportedMediaTypeError('file: kb.pdf is named .pdf but its content is image/png'));
    await expect(store.put(Buffer.from('ini bukan PDF'), 'kb.pdf')).rejects.toThrow(UnsupportedMediaTypeError);
    await expect(store.put(Buffer.alloc(0), 'kosong.pdf')).rejects.toThrow(/is empty/);
    expect(await readdir(dir)).toEqual(['.incoming']);
    expect(await readdir(path.join(dir, '.incoming'))).toEqual([]);
  });

  it('refuses an upload over the limit while streaming, leaving nothing behind', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 32)]);
    await expect(store.put(Readable.from([big]), 'besar.pdf')).rejects.toThrow(PayloadTooLargeError);
    await expect(store.put(Readable.from([big]), 'besar.pdf')).rejects.toThrow('file: larger than the upload limit of 64 KB');
    expect(await readdir(path.join(dir, '.incoming'))).toEqual([]);
  });

  it('keeps one copy of identical uploads', async () => {
    const first = await store.put(samplePdf(), 'a.pdf');
    const second = await store.put(samplePdf(), 'b.pdf');
    expect(second.sha256).toBe(first.sha256);
    expect(await readdir(path.join(dir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('answers NotFoundError for a missing or malformed hash', async () => {
    await expect(store.open('0'.repeat(64))).rejects.toThrow(NotFoundError);
    await expect(store.open('../../etc/passwd')).rejects.toThrow(NotFoundError);
  });

  it('keeps only a safe base name', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('C:\\Users\\x\\KB.pdf')).toBe('KB.pdf');
    expect(safeName('a\u0000b"c.pdf')).toBe('abc.pdf');
    expect(safeName('..')).toBe('file');
  });

  it('writes a Content-Disposition header any name is safe in', () => {
    expect(contentDisposition('KB.pdf')).toBe(`attachment; filename="KB.pdf"; filename*=UTF-8''KB.pdf`);
    expect(contentDisposition('Naskah "Kerja Sama" é.pdf')).toBe(`attachment; filename="Naskah _Kerja Sama_ _.pdf"; filename*=UTF-8''Naskah%20%22Kerja%20Sama%22%20%C3%A9.pdf`);
  });
});
