import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportError, ImportFormat, ImportJob, ImportList, ImportListQuery } from '../../common/api/imports.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize, ForbiddenError, isWithinArea } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { ConflictError, DomainError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { deletedOn, ImportFileDeletedError, importMediaType, keepsFile, readKeptFile } from './import-files.ts';
import type { ImportFormatModule } from './import-format.ts';
import { checkAndWrite, estimateRows } from './import-outcome.ts';
import { JobLiveness } from './import-liveness.ts';
import {
  areaExists,
  findConfirmation,
  finishJob,
  findJob,
  INTERRUPTED_MESSAGE,
  insertJob,
  listJobs,
  markRunning,
  saveProgress,
  type JobOutcome,
  type StoredJob,
} from './imports.repo.ts';
import type { ObservationWriter } from './observation-writer.ts';

/** How often a running import's progress is saved for other processes and later reads. */
const PROGRESS_SAVE_MS = 1_000;

export interface ImportRequest {
  format: ImportFormat;
  dryRun: boolean;
  period?: string;
  /** The area the file is for; default: the caller's organisation's area. */
  area?: string;
}

export interface UploadedFile {
  bytes: Uint8Array;
  fileName: string;
}

/** Where a queued job's bytes are: in the file store (kept files), or in memory (household files, never kept). */
type JobSource = { sha256: string } | { bytes: Uint8Array };

/** A kept import file, to stream back to its uploader or an admin. */
export interface ImportFileDownload {
  stream: Readable;
  sizeBytes: number;
  fileName: string;
  mediaType: string;
}

interface LiveJob {
  processed: number;
  total: number;
  status: 'queued' | 'running';
  listeners: Set<(processed: number, total: number) => void>;
}

/**
 * Import jobs: a file is accepted at once (202 with the job id) and read, checked and written in
 * the background of the same process, one job at a time, so an import never holds up other
 * requests while it reads and checks. Each file is all or nothing: its observations (and, for
 * household files, its household rows) are written in one transaction with the live rollups, or
 * not at all. The job row records progress, the named errors and the summary.
 * Before the 202, the file is in the file store (fsynced) and the job in the table: a job whose
 * process dies is recorded as interrupted (JobLiveness), and its file can be downloaded again.
 */
export class ImportsService {
  readonly #live = new Map<string, LiveJob>();
  #queue: Promise<void> = Promise.resolve();
  readonly #liveness: JobLiveness;

  constructor(
    private readonly database: Database,
    private readonly writer: ObservationWriter,
    private readonly formats: Partial<Record<ImportFormat, ImportFormatModule>>,
    private readonly files: FileStore,
  ) {
    this.#liveness = new JobLiveness(database, () => [...this.#live.keys()]);
  }

  /** Accepts a file: keeps it, records the job and queues it. Returns the job id at once. */
  async start(context: RequestContext, file: UploadedFile, request: ImportRequest): Promise<{ id: string }> {
    if (file.bytes.length === 0) throw new InvalidRequestError('The file is empty');
    const mediaType = importMediaType(file.bytes, request.format);
    const fileName = file.fileName.slice(0, 200) || 'upload';
    return this.#accept(context, request, { bytes: file.bytes, fileName, mediaType }, null);
  }

  /**
   * Starts the real import of a clean dry run from its kept file (no second upload): same format,
   * period and area. Only its uploader (or an admin) may; a dry run is confirmed once.
   */
  async confirm(context: RequestContext, dryRunId: string): Promise<{ id: string }> {
    const dryRun = await this.#ownJob(context, dryRunId);
    const status = this.#shown(dryRun).status;
    if (!dryRun.dryRun) throw new ConflictError(`Import ${dryRunId} is not a dry run: only a dry run can be confirmed`);
    if (status !== 'succeeded' || dryRun.errorCount > 0) throw new ConflictError(`The dry run ${dryRunId} has not finished without errors (${status}, ${dryRun.errorCount} errors): fix the file and check it again`);
    if (dryRun.fileDeletedAt) throw new ConflictError(`The file of dry run ${dryRunId} was deleted on ${deletedOn(dryRun.fileDeletedAt)} by the retention policy for import files: upload the file again`);
    if (!dryRun.fileKept) throw new ConflictError(`The file of dry run ${dryRunId} was not kept (${dryRun.format} files never are): upload it again with dryRun=false`);
    const already = await findConfirmation(this.database.db, dryRunId);
    if (already) throw new ConflictError(`The dry run ${dryRunId} has already been confirmed: import ${already}`);
    const bytes = await readKeptFile(this.files, dryRun.sha256);
    const request: ImportRequest = { format: dryRun.format, dryRun: false, ...(dryRun.period && { period: dryRun.period }), ...(dryRun.areaCode && { area: dryRun.areaCode }) };
    return this.#accept(context, request, { bytes, fileName: dryRun.fileName, mediaType: dryRun.mediaType ?? importMediaType(bytes, dryRun.format) }, dryRunId);
  }

  async #accept(context: RequestContext, request: ImportRequest, file: UploadedFile & { mediaType: string }, confirms: string | null): Promise<{ id: string }> {
    const area = request.area ?? (context.actor.kind === 'user' && !context.actor.roles.includes('admin') ? context.actor.organisation.areaCode : null);
    authorize(context.actor, 'observations.write', area ? { areaCode: area } : undefined);
    if (area && !(await areaExists(this.database.db, area))) throw new InvalidRequestError(`area: no area has the code ${area}`);
    const format = this.formats[request.format];
    if (!format) throw new InvalidRequestError(`format: ${request.format} files cannot be imported here yet`);
    const fileKept = keepsFile(request.format);
    // Kept before the job is recorded: a 202 means the file is on disk, fsynced.
    const sha256 = fileKept ? (await this.files.putBytes(file.bytes, file.fileName, file.mediaType)).sha256 : createHash('sha256').update(file.bytes).digest('hex');
    const total = estimateRows(file.bytes);
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertJob(trx, {
        format: request.format,
        fileName: file.fileName,
        sha256,
        size: file.bytes.length,
        dryRun: request.dryRun,
        period: request.period ?? null,
        areaCode: area,
        createdBy: context.actor.kind === 'user' ? context.actor.userId : null,
        total,
        mediaType: file.mediaType,
        fileKept,
        confirms,
      }),
    );
    // A kept file is read back from the store when its turn comes: queued jobs hold no bytes in memory.
    const source: JobSource = fileKept ? { sha256 } : { bytes: file.bytes };
    const live: LiveJob = { processed: 0, total, status: 'queued', listeners: new Set() };
    this.#live.set(id, live);
    this.#liveness.jobQueued();
    this.#queue = this.#queue.then(() => this.#run(id, context, format, { source, fileName: file.fileName }, request, area, live));
    return { id };
  }

  /** Runs an import to its end (the CLI and the benchmark): start, then wait, reporting progress. */
  async run(context: RequestContext, file: UploadedFile, request: ImportRequest, onProgress?: (processed: number, total: number) => void): Promise<ImportJob> {
    const { id } = await this.start(context, file, request);
    if (onProgress) this.#live.get(id)?.listeners.add(onProgress);
    await this.idle();
    return this.get(context, id);
  }

  /** Resolves when every queued import has finished (the app waits for it when closing). */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.#queue;
      await current;
    } while (current !== this.#queue);
  }

  async get(context: RequestContext, id: string): Promise<ImportJob> {
    return withoutInternals(this.#shown(await this.#visibleJob(context, id)));
  }

  /**
   * The caller's own imports, newest first, a page at a time; `all` (admins only): everyone's.
   * Each without its error list (GET /api/imports/{id} has it).
   */
  async list(context: RequestContext, query: ImportListQuery): Promise<ImportList> {
    const { actor } = context;
    if (query.all && actor.kind === 'user' && !actor.roles.includes('admin')) throw new ForbiddenError("Only admins may list everyone's imports (all=true)");
    if (!query.all && actor.kind !== 'user') throw new InvalidRequestError('all: only a signed-in user has imports of their own; pass all=true');
    const { jobs, total } = await listJobs(this.database.db, query.all || actor.kind !== 'user' ? null : actor.userId, query);
    const items = jobs.map((job) => {
      const { errors, ...shown } = withoutInternals(this.#shown(job));
      void errors;
      return shown;
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The job's errors for the downloadable report (every stored error). */
  async errors(context: RequestContext, id: string): Promise<{ job: ImportJob; errors: ImportError[] }> {
    const job = await this.get(context, id);
    return { job, errors: job.errors };
  }

  /**
   * The exact file an import read, for its uploader and admins only: a colleague of the same area
   * may read the job's report, not the file (it can hold more than the import took from it).
   */
  async file(context: RequestContext, id: string): Promise<ImportFileDownload> {
    const job = await this.#ownJob(context, id);
    if (job.fileDeletedAt) throw new ImportFileDeletedError(id, job.fileName, job.fileDeletedAt);
    if (!job.fileKept) {
      const why = job.format === 'household' ? 'household survey files hold family-card numbers and names, which Kembar never keeps' : 'it was imported before import files were kept';
      throw new NotFoundError(`The file of import ${id} was not kept: ${why}`);
    }
    const { stream, sizeBytes } = await this.files.open(job.sha256);
    return { stream, sizeBytes, fileName: job.fileName, mediaType: job.mediaType ?? 'application/octet-stream' };
  }

  /** At the server's start: records jobs a stopped process left unfinished as failed (interrupted). */
  async recoverInterrupted(): Promise<void> {
    await this.#liveness.serverStarted();
  }

  /** The server closes: imports already queued still finish (idle), no more sweeps or heartbeats. */
  async close(): Promise<void> {
    await this.idle();
    this.#liveness.stop();
  }

  /** The job as it stands now: live progress when this process runs it; failed (interrupted) when its process died. */
  #shown(job: StoredJob): StoredJob {
    const live = this.#live.get(job.id);
    if (live) return { ...job, status: live.status, processed: live.processed, total: live.total };
    if ((job.status === 'queued' || job.status === 'running') && this.#liveness.isAbandoned(job.updatedAt)) {
      // Its transaction never committed: nothing was written.
      return { ...job, status: 'failed', errors: [{ row: 0, column: '', message: INTERRUPTED_MESSAGE }], errorCount: 1 };
    }
    return job;
  }

  /** Who may read a job: its uploader, admins, and data officers of the job's area. */
  async #visibleJob(context: RequestContext, id: string): Promise<StoredJob> {
    const job = await findJob(this.database.db, id);
    if (!job) throw new NotFoundError(`No import has the id ${id}`);
    const { actor } = context;
    if (actor.kind === 'user' && actor.userId === job.createdById) return job;
    authorize(actor, 'observations.write');
    if (actor.kind === 'user' && !actor.roles.includes('admin') && !isWithinArea(actor.organisation.areaCode, job.areaCode)) {
      throw new ForbiddenError(`This import belongs to another area (${job.areaCode ?? 'none'}) than yours (${actor.organisation.areaCode ?? 'none'})`);
    }
    return job;
  }

  /** A job its caller may act on (download its file, confirm it): its uploader and admins (and the CLI). */
  async #ownJob(context: RequestContext, id: string): Promise<StoredJob> {
    const job = await this.#visibleJob(context, id);
    const { actor } = context;
    if (actor.kind === 'user' && actor.userId !== job.createdById && !actor.roles.includes('admin')) {
      throw new ForbiddenError(`Only who started import ${id} (${job.createdBy ?? 'the system'}) and admins may use its file`);
    }
    return job;
  }

  async #run(id: string, context: RequestContext, format: ImportFormatModule, file: { source: JobSource; fileName: string }, request: ImportRequest, area: string | null, live: LiveJob): Promise<void> {
    let saving: Promise<void> = Promise.resolve();
    let lastSaved = 0;
    const progress = (processed: number, total: number) => {
      live.processed = processed;
      live.total = Math.max(total, processed);
      for (const listener of live.listeners) listener(live.processed, live.total);
      if (Date.now() - lastSaved < PROGRESS_SAVE_MS) return;
      lastSaved = Date.now();
      saving = saving.then(() => saveProgress(this.database.db, id, live.processed, live.total)).catch(() => undefined);
    };
    let outcome: JobOutcome;
    try {
      live.status = 'running';
      await inActorTransaction(this.database.db, context, (trx) => markRunning(trx, id));
      const bytes = 'bytes' in file.source ? file.source.bytes : await readKeptFile(this.files, file.source.sha256);
      const plan = await format.read({
        jobId: id,
        bytes,
        fileName: file.fileName,
        period: request.period ?? null,
        areaCode: area,
        context,
        onRowsRead: (rows) => progress(rows, live.total),
      });
      progress(plan.total, plan.total);
      await saving;
      outcome = await checkAndWrite({ database: this.database, writer: this.writer }, id, context, plan, request.dryRun, area);
    } catch (error) {
      await saving;
      const message = error instanceof DomainError ? error.message : 'The import stopped because of an unexpected error; nothing was written. Please report it.';
      if (!(error instanceof DomainError)) console.error(`import ${id} failed`, error);
      outcome = { status: 'failed', processed: live.processed, total: live.total, period: null, errors: [{ row: 0, column: '', message }], errorCount: 1, summary: null };
      await inActorTransaction(this.database.db, context, (trx) => finishJob(trx, id, outcome)).catch((failure: unknown) => console.error(`import ${id}: could not record the failure`, failure));
    } finally {
      this.#live.delete(id);
      this.#liveness.jobEnded();
    }
  }

}

/** The job as the API shows it: without the creator's id and the heartbeat. */
function withoutInternals(job: StoredJob): ImportJob {
  const { createdById, updatedAt, ...shown } = job;
  void createdById;
  void updatedAt;
  return shown;
}
