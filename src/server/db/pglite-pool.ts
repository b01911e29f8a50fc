import type { PGlite } from '@electric-sql/pglite';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

/**
 * A Kysely `PostgresPool` over one PGlite instance.
 *
 * PGlite is a single database session. Without a guard, two concurrent requests would interleave
 * their statements inside each other's transactions, so this pool hands its one connection to
 * one holder at a time: `connect()` waits for the previous holder's `release()`.
 */
export class PGlitePool implements PostgresPool {
  readonly #pglite: PGlite;
  readonly #health = new SessionHealth();
  #tail: Promise<void> = Promise.resolve();

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  /** Resolves if PostgreSQL stops the session (a PANIC), with the error every later request gets. */
  get stopped(): Promise<Error> {
    return this.#health.stoppedWith;
  }

  /** Runs a call on the PGlite instance outside a pool client (COPY) under the same PANIC guard. */
  guarded<T>(call: () => Promise<T>): Promise<T> {
    return this.#health.guard(call);
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    await previous;
    return new PGliteClient(this.#pglite, release, this.#health);
  }

  async end(): Promise<void> {
    // Closing PGlite is the owner's job (connect.ts), after the pool is drained.
    await this.#tail;
  }
}

/** One checked-out connection; `release()` may be called once. */
export class PGliteClient implements PostgresPoolClient {
  #released = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
    private readonly health = new SessionHealth(),
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') throw new Error('Streaming cursors are not supported on PGlite');
    return this.#run<R>(sqlOrCursor, parameters ?? []);
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.onRelease();
  }

  #run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    return this.health.guard(() => this.#answer<R>(sql, parameters));
  }

  async #answer<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const command = commandOf(sql);
    if (command === 'COMMIT' && (await this.#transactionAborted())) {
      // PostgreSQL answers COMMIT of an aborted transaction with a ROLLBACK tag; PGlite gives no
      // tag, so report it the same way and let Kysely raise its AbortedTransactionError.
      await this.pglite.query('rollback');
      return { command: 'ROLLBACK', rowCount: 0, rows: [] };
    }
    const result = await this.pglite.query<R>(sql, [...parameters]);
    return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
  }

  async #transactionAborted(): Promise<boolean> {
    try {
      await this.pglite.query('select 1');
      return false;
    } catch (error) {
      if (isPgError(error) && error.code === '25P02') return true;
      throw error;
    }
  }
}

/**
 * Whether the session can still answer. After a PANIC (a failed fsync: the disk did not take a
 * commit) PostgreSQL stops its session; PGlite would then never answer again, so every later
 * request waited forever. Instead they fail at once, naming the cause. The data folder holds every
 * acknowledged commit, and a restart recovers it from the WAL.
 */
export class SessionHealth {
  #stopped: Error | null = null;
  #announce!: (error: Error) => void;
  /** Resolves once the session has stopped, with the error later requests get. */
  readonly stoppedWith = new Promise<Error>((resolve) => (this.#announce = resolve));

  /** Runs `call` unless the session has stopped; a PANIC it meets stops the session. */
  async guard<T>(call: () => Promise<T>): Promise<T> {
    if (this.#stopped) throw this.#stopped;
    try {
      return await call();
    } catch (error) {
      this.#record(error);
      throw error;
    }
  }

  #record(error: unknown): void {
    if (this.#stopped || typeof error !== 'object' || error === null || !('severity' in error) || error.severity !== 'PANIC') return;
    const cause = error instanceof Error ? error.message : String(error);
    this.#stopped = new Error(`The embedded database stopped after a fatal error (${cause}). Every save acknowledged before it is on disk; the one that failed may or may not be. Restart Kembar: it recovers the data folder from its write-ahead log.`, { cause: error });
    this.#announce(this.#stopped);
  }
}

/** The statement's command tag, as PostgreSQL would report it, from its leading keyword. */
export function commandOf(sql: string): Command {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  switch (keyword) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
    case 'COMMIT':
    case 'ROLLBACK':
      return keyword;
    case 'WITH':
      // A data-modifying CTE reports the command of its final statement.
      return /\)\s*(insert|update|delete|merge)\b[^)]*$/i.exec(sql)?.[1]?.toUpperCase() as Command | undefined ?? 'SELECT';
    default:
      return 'SELECT';
  }
}

function isPgError(error: unknown): error is { code: string } {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}
