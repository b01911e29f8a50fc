import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from './connect.ts';

// The embedded database on a data folder, as `npm start` runs it: a save is acknowledged only once
// it is on disk (durable-node-fs.ts), so a power cut cannot lose it.
describe('PGlite on a data folder: durable commits', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-durable-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The host files fsynced while `work` runs, as paths inside the data folder. */
  async function fsyncedDuring(dir: string, work: () => Promise<unknown>): Promise<string[]> {
    const synced: string[] = [];
    const fsyncSync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(path.relative(dir, fs.readlinkSync(`/proc/self/fd/${fd}`)));
      fsyncSync(fd);
    });
    await work();
    vi.restoreAllMocks();
    return synced;
  }

  it('fsyncs the write-ahead log to disk before a commit returns', async () => {
    const dir = freshDir();
    const database = await connect({ engine: 'pglite', dataDir: dir });
    try {
      const setting = async (name: 'fsync' | 'wal_sync_method') => Object.values((await sql.raw<Record<string, string>>(`SHOW ${name}`).execute(database.db)).rows[0] ?? {})[0];
      expect(await setting('fsync')).toBe('on');
      expect(await setting('wal_sync_method')).toBe('fsync');
      await sql`CREATE TABLE saved (note text)`.execute(database.db);
      const synced = await fsyncedDuring(dir, () => sql`INSERT INTO saved VALUES ('a save')`.execute(database.db));
      expect(synced.some((file) => file.startsWith(`pg_wal${path.sep}`))).toBe(true);
      // A read commits nothing, so it waits for no disk.
      expect(await fsyncedDuring(dir, () => sql`SELECT count(*) FROM saved`.execute(database.db))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('syncs a new data folder to disk before first use, every file and directory', async () => {
    const dir = freshDir();
    let database: Awaited<ReturnType<typeof connect>> | undefined;
    const synced = await fsyncedDuring(dir, async () => (database = await connect({ engine: 'pglite', dataDir: dir })));
    try {
      // PGlite writes initdb's files unsynced; no checkpoint would ever sync the ones not written again.
      const present = filesAndFolders(dir).filter((entry) => entry.startsWith('base') || entry.startsWith('global') || entry === '');
      expect(present.length).toBeGreaterThan(100);
      expect(present.filter((entry) => !synced.includes(entry))).toEqual([]);
    } finally {
      await database?.close();
    }
  });

  it('stops the session when a bulk COPY meets a failed fsync, naming the cause', async () => {
    const dir = freshDir();
    const database = await connect({ engine: 'pglite', dataDir: dir });
    try {
      await sql`CREATE TABLE bulk (id int, note text)`.execute(database.db);
      vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      });
      // More than one 16 MB WAL segment: switching segments fsyncs the full one.
      const rows = (start: number) => Array.from({ length: 20_000 }, (_, k) => `${start + k}\t${'x'.repeat(200)}\n`).join('');
      const copy = database.bulkTransaction((_trx, copyIn) => copyIn('bulk', ['id', 'note'], Array.from({ length: 10 }, (_, chunk) => rows(chunk * 20_000))));
      await expect(copy).rejects.toThrow(/could not fsync/);
      expect((await database.stopped).message).toMatch(/could not fsync/);
      vi.restoreAllMocks();
      await expect(sql`SELECT 1`.execute(database.db)).rejects.toThrow(/embedded database stopped/);
    } finally {
      vi.restoreAllMocks();
      await database.close();
    }
  });

  it('refuses a save the disk did not take, fails later requests at once, and recovers on restart', async () => {
    const dir = freshDir();
    const first = await connect({ engine: 'pglite', dataDir: dir });
    await sql`CREATE TABLE saved (note text)`.execute(first.db);
    await sql`INSERT INTO saved VALUES ('kept')`.execute(first.db);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    await expect(sql`INSERT INTO saved VALUES ('not on disk')`.execute(first.db)).rejects.toThrow(/could not fsync/);
    vi.restoreAllMocks();
    // Without the guard this read would wait forever: PostgreSQL stopped its session.
    await expect(sql`SELECT 1`.execute(first.db)).rejects.toThrow(/embedded database stopped.*restart Kembar/i);
    await first.close();

    const second = await connect({ engine: 'pglite', dataDir: dir });
    try {
      const { rows } = await sql<{ note: string }>`SELECT note FROM saved ORDER BY note`.execute(second.db);
      // The acknowledged save is there; the refused one may or may not be (its WAL record reached
      // the page cache), as with any commit whose answer was an error.
      expect(rows.map((row) => row.note)).toContain('kept');
    } finally {
      await second.close();
    }
  });
});

/** Every file and folder under `root`, relative to it ('' for the root itself). */
function filesAndFolders(root: string): string[] {
  const found = [''];
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() || entry.isDirectory()) found.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  return found;
}
