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

export type StoredJob = ImportJob & { createdById: string | null };

export async function findJob(db: Kysely<Schema>, id: string): Promise<StoredJob | undefined> {
  const row = await db
    .selectFrom('import_job as j')
    .leftJoin('app_user as u', 'u.id', 'j.created_by')
    .selectAll('j')
    .select('u.email')
    .where('j.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
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
  };
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
