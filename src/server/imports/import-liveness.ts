import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { failInterrupted, touchJobs } from './imports.repo.ts';

/** How often a process marks the jobs it runs (or has queued) as alive. */
const HEARTBEAT_MS = 15_000;
/** A job unfinished and silent this long is taken for interrupted (its process died). */
export const QUIET_MS = 2 * 60_000;

/**
 * Telling an import that is still running somewhere from one whose process died mid-run. Jobs
 * run in the memory of the process that accepted them; a job that process never finished (the
 * server was killed) stays "queued" or "running" in the table, its transaction rolled back.
 * - PGlite: one process holds the database (the data folder's lock), so at start-up every
 *   unfinished job another process left is interrupted.
 * - PostgreSQL: a CLI import or a second server may run jobs at the same time, so a job counts as
 *   interrupted only once it has shown no sign of life (updated_at) for QUIET_MS; running
 *   processes touch theirs every HEARTBEAT_MS.
 * Interrupted jobs are recorded as failed (audited, as system:imports) at start-up and every
 * QUIET_MS while the server runs; until then, reads show them as failed already.
 */
export class JobLiveness {
  #heartbeat: NodeJS.Timeout | null = null;
  #sweep: NodeJS.Timeout | null = null;
  #touching = false;

  constructor(
    private readonly database: Database,
    private readonly runningHere: () => string[],
  ) {}

  /** Called when this process queues a job: keeps its jobs' heartbeat going while it has any. */
  jobQueued(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => void this.#touch(), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Called when a job ends: the heartbeat stops with the last one. */
  jobEnded(): void {
    if (this.runningHere().length > 0 || !this.#heartbeat) return;
    clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /** Whether an unfinished job not run here has been abandoned by its process. */
  isAbandoned(updatedAt: Date, now = Date.now()): boolean {
    return this.database.engine === 'pglite' || now - updatedAt.getTime() >= QUIET_MS;
  }

  /** Records abandoned jobs as failed; returns how many. */
  async recover(): Promise<number> {
    const quietSince = this.database.engine === 'pglite' ? new Date() : new Date(Date.now() - QUIET_MS);
    return inActorTransaction(this.database.db, systemContext('imports'), (trx) => failInterrupted(trx, this.runningHere(), quietSince));
  }

  /** The server's start: recover now, and (PostgreSQL) every QUIET_MS. */
  async serverStarted(): Promise<void> {
    await this.recover();
    if (this.database.engine === 'pglite' || this.#sweep) return;
    this.#sweep = setInterval(() => void this.recover().catch((error: unknown) => console.error('import recovery failed', error)), QUIET_MS);
    this.#sweep.unref();
  }

  stop(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#sweep) clearInterval(this.#sweep);
    this.#heartbeat = null;
    this.#sweep = null;
  }

  async #touch(): Promise<void> {
    if (this.#touching) return; // on PGlite a touch waits behind a long import transaction: do not pile them up
    this.#touching = true;
    try {
      await touchJobs(this.database.db, this.runningHere());
    } catch (error) {
      console.error('import heartbeat failed', error);
    } finally {
      this.#touching = false;
    }
  }
}
