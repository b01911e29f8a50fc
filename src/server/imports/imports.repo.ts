import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { importSummarySchema, type ImportError, type ImportFormat, type ImportJob, type ImportStatus, type ImportSummary } from '../../common/api/imports.ts';
import type { Schema } from '../db/schema.ts';

export interface NewImportJob {
  format: ImportFormat;
  fileName: string;
  sha256: string;
  size: number;
  dryRun: boolean;
  period: string | null;
  areaCode: string | null;
  createdBy: string | null;
  total: number;
  mediaType: string;
  fileKept: boolean;
  confirms: string | null;
}

export async function insertJob(trx: Kysely<Schema>, job: NewImportJob): Promise<string> {
  const row = await trx
    .insertInto('import_job')
    .values({
      format: job.format,
      file_name: job.fileName,
      sha256: job.sha256,
      size: job.size,
      dry_run: job.dryRun,
      period: job.period,
      area_code: job.areaCode,
      created_by: job.createdBy,
      total: job.total,
      media_type: job.mediaType,
      file_kept: job.fileKept,
      confirms: job.confirms,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markRunning(trx: Kysely<Schema>, id: string): Promise<void> {
  await trx.updateTable('import_job').set({ status: 'running', started_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
}

/** Progress only (rows done of total): not audited, written outside the import's transaction. */
export async function saveProgress(db: Kysely<Schema>, id: string, processed: number, total: number): Promise<void> {
  await db.updateTable('import_job').set({ processed, total, updated_at: new Date() }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
}

export interface JobOutcome {
  status: Extract<ImportStatus, 'succeeded' | 'failed'>;
  processed: number;
  total: number;
  period: string | null;
  errors: ImportError[];
  errorCount: number;
  summary: ImportSummary | null;
}

export async function finishJob(trx: Kysely<Schema>, id: string, outcome: JobOutcome): Promise<void> {
  await trx
    .updateTable('import_job')
    .set({
      status: outcome.status,
      processed: outcome.processed,
      total: outcome.total,
      period: outcome.period,
      errors: JSON.stringify(outcome.errors),
      error_count: outcome.errorCount,
      summary: outcome.summary ? JSON.stringify(outcome.summary) : null,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** A job as stored, with who started it (by id) and when it last showed signs of life. */
export type StoredJob = ImportJob & { createdById: string | null; updatedAt: Date };

function jobsWithCreator(db: Kysely<Schema>) {
  return db.selectFrom('import_job as j').leftJoin('app_user as u', 'u.id', 'j.created_by').selectAll('j').select('u.email');
}

type JobRow = Awaited<ReturnType<ReturnType<typeof jobsWithCreator>['executeTakeFirstOrThrow']>>;

function toJob(row: JobRow): StoredJob {
  return {
    id: row.id,
    format: row.format,
    fileName: row.file_name,
    sha256: row.sha256,
    size: Number(row.size),
    dryRun: row.dry_run,
    period: row.period,
    areaCode: row.area_code,
    status: row.status,
    processed: row.processed,
    total: row.total,
    errors: row.errors,
    errorCount: row.error_count,
    summary: importSummarySchema.nullable().parse(row.summary),
    createdBy: row.email,
    createdById: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    mediaType: row.media_type,
    fileKept: row.file_kept,
    confirms: row.confirms,
    fileDeletedAt: row.file_deleted_at?.toISOString() ?? null,
    updatedAt: row.updated_at,
  };
}

export async function findJob(db: Kysely<Schema>, id: string): Promise<StoredJob | undefined> {
  const row = await jobsWithCreator(db).where('j.id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/** A page of jobs, newest first: one user's (createdBy) or everyone's (null). */
export async function listJobs(db: Kysely<Schema>, createdBy: string | null, page: { limit: number; offset: number }): Promise<{ jobs: StoredJob[]; total: number }> {
  let query = jobsWithCreator(db);
  let count = db.selectFrom('import_job').select((eb) => eb.fn.countAll<number>().as('total'));
  if (createdBy !== null) {
    query = query.where('j.created_by', '=', createdBy);
    count = count.where('created_by', '=', createdBy);
  }
  const [rows, counted] = await Promise.all([query.orderBy('j.created_at', 'desc').orderBy('j.id', 'desc').limit(page.limit).offset(page.offset).execute(), count.executeTakeFirstOrThrow()]);
  return { jobs: rows.map(toJob), total: Number(counted.total) };
}

/** The real import already started from a dry run, unless it failed (then it may be confirmed again). */
export async function findConfirmation(db: Kysely<Schema>, dryRunId: string): Promise<string | undefined> {
  const row = await db.selectFrom('import_job').select('id').where('confirms', '=', dryRunId).where('status', '<>', 'failed').executeTakeFirst();
  return row?.id;
}

/** Signs of life of the jobs this process runs (not audited: updated_at only), so no other process takes them for interrupted. */
export async function touchJobs(db: Kysely<Schema>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('import_job').set({ updated_at: new Date() }).where('id', 'in', ids).where('status', 'in', ['queued', 'running']).execute();
}

export const INTERRUPTED_MESSAGE = 'The import was interrupted (the server stopped) before it finished; nothing was written. Start it again.';

/**
 * Marks as failed every unfinished job not run by this process (`running` ids) that has shown no
 * sign of life since `quietSince`; its transaction never committed, so nothing of it was written.
 */
export async function failInterrupted(trx: Kysely<Schema>, running: readonly string[], quietSince: Date): Promise<number> {
  let update = trx
    .updateTable('import_job')
    .set({
      status: 'failed',
      errors: JSON.stringify([{ row: 0, column: '', message: INTERRUPTED_MESSAGE }]),
      error_count: 1,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<=', quietSince);
  if (running.length > 0) update = update.where('id', 'not in', running);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The installation's secret salt for household-number hashes: made once, on first use, and never shown. */
export async function householdSalt(db: Kysely<Schema>): Promise<string> {
  await db
    .insertInto('installation_secret')
    .values({ name: 'household_salt', value: randomBytes(32).toString('hex') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('installation_secret').select('value').where('name', '=', 'household_salt').executeTakeFirstOrThrow();
  return row.value;
}

/** True when the area code exists (the import's area). */
export async function areaExists(db: Kysely<Schema>, code: string): Promise<boolean> {
  const row = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM area WHERE code = ${code}) AS found`.execute(db);
  return row.rows[0]?.found ?? false;
}
