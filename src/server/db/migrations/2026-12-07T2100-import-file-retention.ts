import { sql, type Kysely } from 'kysely';

/**
 * Import files are kept for a configured time (KEMBAR_IMPORT_FILE_RETENTION_DAYS), then deleted
 * from the file store by the retention policy (import-file-retention.ts). The job row stays: its
 * name, size and sha256 still say which file produced the import.
 * - `file_deleted_at`: when the retention policy deleted the job's file; `file_kept` turns false
 *   at the same time (the two never disagree: the CHECK).
 * - The partial indexes serve the prune: kept files by age, "is this sha256 still kept by
 *   another job" (the store is content-addressed: jobs of the same bytes share one file), and
 *   files deleted lately (a prune interrupted between recording and deleting is finished later).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_job ADD COLUMN file_deleted_at timestamptz`.execute(db);
  await sql`ALTER TABLE import_job ADD CONSTRAINT import_job_deleted_file_not_kept CHECK (NOT (file_kept AND file_deleted_at IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX import_job_kept_created_idx ON import_job (created_at) WHERE file_kept`.execute(db);
  await sql`CREATE INDEX import_job_kept_sha256_idx ON import_job (sha256) WHERE file_kept`.execute(db);
  await sql`CREATE INDEX import_job_file_deleted_idx ON import_job (file_deleted_at) WHERE file_deleted_at IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX import_job_file_deleted_idx`.execute(db);
  await sql`DROP INDEX import_job_kept_sha256_idx`.execute(db);
  await sql`DROP INDEX import_job_kept_created_idx`.execute(db);
  await sql`ALTER TABLE import_job DROP CONSTRAINT import_job_deleted_file_not_kept`.execute(db);
  await sql`ALTER TABLE import_job DROP COLUMN file_deleted_at`.execute(db);
}
