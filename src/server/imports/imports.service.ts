import { createHash } from 'node:crypto';
import type { ImportError, ImportFormat, ImportJob, ImportSummary } from '../../common/api/imports.ts';
import { inActorTransaction, setActor } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize, ForbiddenError, isWithinArea } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { DomainError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { ImportFormatModule, ImportPlan } from './import-format.ts';
import { areaExists, finishJob, findJob, insertJob, markRunning, saveProgress, type JobOutcome, type StoredJob } from './imports.repo.ts';
import type { ObservationWriter } from './observation-writer.ts';
import { isZip } from './table.ts';

/** At most this many errors are stored and shown per import; errorCount tells how many there were. */
export const MAX_STORED_ERRORS = 1_000;
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
 */
export class ImportsService {
  readonly #live = new Map<string, LiveJob>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly writer: ObservationWriter,
    private readonly formats: Partial<Record<ImportFormat, ImportFormatModule>>,
  ) {}

  /** Accepts a file: records the job and queues it. Returns the job id at once. */
  async start(context: RequestContext, file: UploadedFile, request: ImportRequest): Promise<{ id: string }> {
    const area = request.area ?? (context.actor.kind === 'user' && !context.actor.roles.includes('admin') ? context.actor.organisation.areaCode : null);
    authorize(context.actor, 'observations.write', area ? { areaCode: area } : undefined);
    if (area && !(await areaExists(this.database.db, area))) throw new InvalidRequestError(`area: no area has the code ${area}`);
    const format = this.formats[request.format];
    if (!format) throw new InvalidRequestError(`format: ${request.format} files cannot be imported here yet`);
    if (file.bytes.length === 0) throw new InvalidRequestError('The file is empty');
    const id = await inActorTransaction(this.database.db, context, (trx) =>
      insertJob(trx, {
        format: request.format,
        fileName: file.fileName.slice(0, 200) || 'upload',
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        size: file.bytes.length,
        dryRun: request.dryRun,
        period: request.period ?? null,
        areaCode: area,
        createdBy: context.actor.kind === 'user' ? context.actor.userId : null,
        total: estimateRows(file.bytes),
      }),
    );
    const live: LiveJob = { processed: 0, total: estimateRows(file.bytes), status: 'queued', listeners: new Set() };
    this.#live.set(id, live);
    this.#queue = this.#queue.then(() => this.#run(id, context, format, file, request, area, live));
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
    const job = await this.#visibleJob(context, id);
    const live = this.#live.get(id);
    const shown: ImportJob = withoutCreatorId(job);
    if (live) return { ...shown, status: live.status, processed: live.processed, total: live.total };
    if (job.status === 'queued' || job.status === 'running') {
      // Not running in this process: the server stopped during the import, whose transaction never committed.
      const interrupted = { row: 0, column: '', message: 'The import was interrupted (the server stopped) before it finished; nothing was written. Upload the file again.' };
      return { ...shown, status: 'failed', errors: [interrupted], errorCount: 1 };
    }
    return shown;
  }

  /** The job's errors for the downloadable report (every stored error). */
  async errors(context: RequestContext, id: string): Promise<{ job: ImportJob; errors: ImportError[] }> {
    const job = await this.get(context, id);
    return { job, errors: job.errors };
  }

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

  async #run(id: string, context: RequestContext, format: ImportFormatModule, file: UploadedFile, request: ImportRequest, area: string | null, live: LiveJob): Promise<void> {
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
      const plan = await format.read({
        jobId: id,
        bytes: file.bytes,
        fileName: file.fileName,
        period: request.period ?? null,
        areaCode: area,
        context,
        onRowsRead: (rows) => progress(rows, live.total),
      });
      progress(plan.total, plan.total);
      await saving;
      outcome = await this.#checkAndWrite(id, context, plan, request.dryRun, area);
    } catch (error) {
      await saving;
      const message = error instanceof DomainError ? error.message : 'The import stopped because of an unexpected error; nothing was written. Please report it.';
      if (!(error instanceof DomainError)) console.error(`import ${id} failed`, error);
      outcome = { status: 'failed', processed: live.processed, total: live.total, period: null, errors: [{ row: 0, column: '', message }], errorCount: 1, summary: null };
      await inActorTransaction(this.database.db, context, (trx) => finishJob(trx, id, outcome)).catch((failure: unknown) => console.error(`import ${id}: could not record the failure`, failure));
    } finally {
      this.#live.delete(id);
    }
  }

  /** Checks the plan's rows and, unless a dry run or anything is wrong, writes them; records the outcome with the data. */
  async #checkAndWrite(id: string, context: RequestContext, plan: ImportPlan, dryRun: boolean, area: string | null): Promise<JobOutcome> {
    const base = { processed: plan.total, total: plan.total, period: plan.period };
    const errors = [...plan.errors, ...(await this.writer.check(context, plan.rows, { areaScope: area }))];
    const finished = (outcome: JobOutcome) => inActorTransaction(this.database.db, context, (trx) => finishJob(trx, id, outcome)).then(() => outcome);
    if (errors.length > 0) {
      const shown = tidyErrors(errors);
      return finished({ ...base, status: 'failed', errors: shown.slice(0, MAX_STORED_ERRORS), errorCount: shown.length, summary: nothingWritten(plan) });
    }
    if (dryRun) {
      const dry = await this.writer.write(context, plan.rows, { dryRun: true, areaScope: area });
      return finished({ ...base, status: 'succeeded', errors: [], errorCount: 0, summary: withPlan(dry.summary, plan) });
    }
    const catalogue = await this.writer.catalogue();
    return this.database.bulkTransaction(async (trx, copyIn) => {
      await setActor(trx, context);
      const rows = plan.commit ? await plan.commit(trx, copyIn) : plan.rows;
      const summary = withPlan(await this.writer.writeChecked(trx, copyIn, context, rows, catalogue), plan);
      const outcome: JobOutcome = { ...base, status: 'succeeded', errors: [], errorCount: 0, summary };
      await finishJob(trx, id, outcome);
      return outcome;
    });
  }
}

function withPlan(summary: ImportSummary, plan: ImportPlan): ImportSummary {
  return { ...summary, ...(plan.households !== undefined && { households: plan.households }), ...(plan.period && { period: plan.period }) };
}

function nothingWritten(plan: ImportPlan): ImportSummary {
  const areas = new Set(plan.rows.map((row) => row.areaCode)).size;
  return withPlan({ rows: plan.rows.length, imported: 0, updated: 0, unchanged: 0, deleted: 0, ignored: plan.rows.length, areas }, plan);
}

/** One error per row and message (a village outside the caller's area is one problem, not one per indicator), in file order. */
function tidyErrors(errors: readonly ImportError[]): ImportError[] {
  const seen = new Set<string>();
  const unique = errors.filter((error) => {
    const key = `${error.row}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.row - b.row);
}

/** Rows a text file holds, roughly (its lines), for progress before it is read; 0 for a workbook (known once read). */
function estimateRows(bytes: Uint8Array): number {
  if (isZip(bytes)) return 0;
  let lines = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) lines += 1;
  return Math.max(lines - 1, 0);
}

function withoutCreatorId(job: StoredJob): ImportJob {
  const { createdById, ...shown } = job;
  void createdById;
  return shown;
}
