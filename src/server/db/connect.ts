import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DurableNodeFS, fsyncTree } from './durable-node-fs.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { Schema } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export type DatabaseTarget =
  /** Embedded PGlite in a folder, guarded by an exclusive lock. */
  | { engine: 'pglite'; dataDir: string }
  /** Embedded PGlite in memory, optionally started from a dumped data folder (tests). */
  | { engine: 'pglite'; memory: true; loadDataDir?: Blob }
  | { engine: 'postgres'; url: string };

/** Streams COPY text-format chunks (text, or its UTF-8 bytes) into a table's columns on the current session. */
export type CopyIn = (table: string, columns: readonly string[], chunks: Iterable<string | Uint8Array<ArrayBuffer>>) => Promise<void>;

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<Schema>;
  /**
   * Runs `work` in one transaction on one dedicated session, which can also bulk-load with COPY.
   * Commits when `work` resolves, rolls back when it throws.
   */
  bulkTransaction<T>(work: (trx: Kysely<Schema>, copyIn: CopyIn) => Promise<T>): Promise<T>;
  /** PGlite only: the data folder as a tarball, to start other instances from (tests). */
  dump(): Promise<Blob>;
  /**
   * Resolves if the database can no longer answer in this process: the embedded one after a PANIC
   * (a failed fsync; pglite-pool.ts), when only a restart recovers it. Never for a PostgreSQL
   * server, which restarts its own sessions.
   */
  readonly stopped: Promise<Error>;
  close(): Promise<void>;
}

// int8 (count(*), sums) as a JS number on both engines; our counts stay far below 2^53.
const INT8_OID = 20;

export async function connect(target: DatabaseTarget): Promise<Database> {
  return target.engine === 'postgres' ? connectPostgres(target.url) : connectPGlite(target);
}

/**
 * PGlite's start parameters, with:
 * - on a data folder, fsync on (PGlite's defaults turn it off with -F) and WAL flushed with
 *   fsync(), the call DurableNodeFS passes to the disk: a commit is acknowledged once it is on
 *   disk. In memory (tests) there is no disk, so fsync stays off;
 * - wal_level=minimal: a table truncated or created in a transaction (the rollup rebuild's
 *   indicator_value, its index) is written without WAL and synced at commit; nothing here
 *   replicates or archives WAL. About 4% of a full rebuild's time on PGlite.
 */
export function pgliteStartParams(onDisk: boolean): string[] {
  const defaults = onDisk ? PGlite.defaultStartParams.filter((param) => param !== '-F') : PGlite.defaultStartParams;
  const durability = onDisk ? ['-c', 'fsync=on', '-c', 'wal_sync_method=fsync'] : [];
  return [...defaults, ...durability, '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'];
}

async function connectPGlite(target: Extract<DatabaseTarget, { engine: 'pglite' }>): Promise<Database> {
  const lock: DataDirLock | null = 'dataDir' in target ? await acquireDataDirLock(target.dataDir) : null;
  const newFolder = 'dataDir' in target && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...('dataDir' in target ? { fs: new DurableNodeFS(target.dataDir) } : { loadDataDir: target.loadDataDir }),
      parsers: { [INT8_OID]: (value: string) => Number(value) },
      startParams: pgliteStartParams('dataDir' in target),
    });
    // initdb's files reached the folder unsynced (durable-node-fs.ts): sync them before any use.
    if (newFolder) fsyncTree(target.dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const pool = new PGlitePool(pglite);
  const copyIn: CopyIn = async (table, columns, chunks) => {
    for (const chunk of chunks) {
      await pool.guarded(() => pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([chunk]) }));
    }
  };
  return {
    engine: 'pglite',
    db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
    bulkTransaction: (work) => runBulk(pool, (client) => work(kyselyOn(client), copyIn)),
    dump: () => pglite.dumpDataDir('gzip'),
    stopped: pool.stopped,
    close: async () => {
      await pool.end();
      await pglite.close();
      await lock?.release();
    },
  };
}

async function connectPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // No JIT compilation: the live statements are short, but a few plan with estimates above
    // jit_above_cost (a parent's stored children, unknown until read), and compiling them took
    // about 190 ms of a 200 ms save at national scale (a village's SBS status change; bench/national).
    options: '-c jit=off',
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection the server drops (restart, failover, an admin terminating it) is discarded
  // by the pool and replaced on next use. The pool reports it as an 'error' event, which would
  // crash the process if nobody listened.
  pool.on('error', () => undefined);
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }),
    bulkTransaction: async (work) => {
      const client = await pool.connect();
      const copyIn: CopyIn = async (table, columns, chunks) => {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(chunks), stream);
      };
      return runBulk(singleClientPool(client), (session) => work(kyselyOn(session), copyIn));
    },
    dump: () => Promise.reject(new Error('dump() is only available on PGlite')),
    stopped: new Promise<Error>(() => undefined),
    close: () => pool.end(),
  };
}

/** Checks out one client, wraps `work` in BEGIN/COMMIT on it, and always releases it. */
async function runBulk<T>(pool: PostgresPool, work: (client: PostgresPoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN', []);
    try {
      const result = await work(client);
      const commit = await client.query('COMMIT', []);
      // An error swallowed inside `work` leaves the transaction aborted: COMMIT then rolls back.
      if (commit.command === 'ROLLBACK') throw new Error('The transaction was rolled back after an earlier error');
      return result;
    } catch (error) {
      await client.query('ROLLBACK', []);
      throw error;
    }
  } finally {
    client.release();
  }
}

/** A Kysely bound to one already checked-out client; its release is the caller's. */
function kyselyOn(client: PostgresPoolClient): Kysely<Schema> {
  const borrowed: PostgresPoolClient = {
    query: client.query.bind(client) as PostgresPoolClient['query'],
    release: () => undefined,
  };
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool: { connect: async () => borrowed, end: async () => undefined } }) });
}

function singleClientPool(client: pg.PoolClient): PostgresPool {
  return { connect: async () => client, end: async () => undefined };
}
