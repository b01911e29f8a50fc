import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext, type RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { removeKeptFile } from './import-files.ts';
import { filesToRemove, listExpiredFiles, markFilesDeleted, type ExpiredJobFile } from './import-file-retention.repo.ts';

/**
 * The retention policy for kept import files: a file is deleted from the store once every job
 * that kept it is finished and older than the retention (KEMBAR_IMPORT_FILE_RETENTION_DAYS,
 * default 90; 0 keeps them forever). A queued or running job's file, and a file any younger job
 * kept (a dry run still to be confirmed, the same bytes uploaded again), is never deleted. The
 * job row stays with its name, size and sha256, and records when its file was deleted
 * (file_deleted_at, audited as whoever pruned: system:imports on the server, system:cli).
 * Runs at the server's start and every PRUNE_EVERY_MS in the background, and by
 * `kembar imports prune`.
 */

const DAY_MS = 24 * 60 * 60_000;
/** The server prunes this often (and at its start). */
export const PRUNE_EVERY_MS = 6 * 60 * 60_000;
/** A file written to the store this recently is never deleted: the same bytes were just uploaded again. */
const RECENT_WRITE_MS = DAY_MS;
/** Files recorded as deleted this recently are deleted again if still there (a prune stopped halfway). */
const RETRY_MS = 7 * DAY_MS;
/** Jobs recorded per transaction: short transactions, so a prune never holds up requests for long. */
const BATCH = 500;

export interface PruneOptions {
  /** Delete files whose jobs are all older than this many days (at least 1). */
  olderThanDays: number;
  /** List what would be deleted, change nothing. */
  dryRun?: boolean;
  /** Who prunes, for the audit trail. */
  context: RequestContext;
  now?: Date;
}

export interface PruneReport {
  cutoff: Date;
  dryRun: boolean;
  /** The jobs whose files were (dry run: would be) deleted, oldest first. */
  jobs: ExpiredJobFile[];
  /** Files deleted from the store, and their bytes (0 in a dry run). */
  removedFiles: number;
  removedBytes: number;
  /** Files left in place because the same bytes were uploaded again within the last day. */
  uploadedAgain: number;
}

export async function pruneImportFiles(database: Database, files: FileStore, options: PruneOptions): Promise<PruneReport> {
  if (!Number.isInteger(options.olderThanDays) || options.olderThanDays < 1) throw new InvalidRequestError(`older than: ${options.olderThanDays} days; import files are kept at least 1 day`);
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.olderThanDays * DAY_MS);
  if (options.dryRun) return { cutoff, dryRun: true, jobs: await listExpiredFiles(database.db, cutoff), removedFiles: 0, removedBytes: 0, uploadedAgain: 0 };

  const jobs: ExpiredJobFile[] = [];
  for (;;) {
    const batch = await inActorTransaction(database.db, options.context, (trx) => markFilesDeleted(trx, cutoff, now, BATCH));
    jobs.push(...batch);
    if (batch.length < BATCH) break;
  }
  // Recorded first, then deleted: a stop in between leaves a file too many (deleted by the next prune), never a job pointing at a missing file.
  const report: PruneReport = { cutoff, dryRun: false, jobs, removedFiles: 0, removedBytes: 0, uploadedAgain: 0 };
  const writtenBefore = new Date(now.getTime() - RECENT_WRITE_MS);
  for (const sha256 of await filesToRemove(database.db, new Date(now.getTime() - RETRY_MS))) {
    const removal = await removeKeptFile(files, sha256, writtenBefore);
    if (removal.outcome === 'removed') {
      report.removedFiles += 1;
      report.removedBytes += removal.sizeBytes;
    } else if (removal.outcome === 'uploaded-again') report.uploadedAgain += 1;
  }
  return report;
}

/**
 * The server's side of the policy: a prune at start-up and every PRUNE_EVERY_MS, in the
 * background (never awaited by a request or the start), one at a time; closing waits for the
 * prune under way. Nothing runs when the retention is null (keep forever).
 */
export class ImportFileRetention {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(
    private readonly database: Database,
    private readonly files: FileStore,
    private readonly days: number | null,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  ) {}

  start(): void {
    if (this.days === null || this.#timer) return;
    this.#timer = setInterval(() => this.runOnce(), PRUNE_EVERY_MS);
    this.#timer.unref();
    this.runOnce();
  }

  /** Starts a prune unless one is under way. */
  runOnce(): void {
    if (this.days === null || this.#running) return;
    const days = this.days;
    this.#running = pruneImportFiles(this.database, this.files, { olderThanDays: days, context: systemContext('imports') })
      .then((report) => {
        if (report.jobs.length > 0 || report.removedFiles > 0) {
          this.log.info({ retentionDays: days, jobs: report.jobs.length, removedFiles: report.removedFiles, removedBytes: report.removedBytes }, 'import files past their retention deleted');
        }
      })
      .catch((error: unknown) => this.log.error({ err: error }, 'import file retention failed'))
      .finally(() => {
        this.#running = null;
      });
  }

  /** The prune under way, if any (tests, closing). */
  async settled(): Promise<void> {
    await this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}

/** Wires the policy into the server (main.ts): a first prune once the app is ready, none after it closes. */
export function scheduleImportFileRetention(app: FastifyInstance, database: Database, days: number | null): ImportFileRetention {
  const retention = new ImportFileRetention(database, app.services.files, days, app.log);
  app.addHook('onReady', async () => retention.start());
  app.addHook('onClose', () => retention.stop());
  return retention;
}
