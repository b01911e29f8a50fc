import { sql, type Kysely } from 'kysely';

/**
 * Import files are kept in the file store (content-addressed by the sha256 import_job already
 * records), so a user and an admin can see and download the exact file behind an import, and a
 * clean dry run can be confirmed without uploading the file again.
 * - `media_type`: what the file is (text/csv, application/json, the XLSX type); null for jobs
 *   recorded before this migration.
 * - `file_kept`: the bytes are in the file store under `sha256`. False for older jobs and for
 *   household (KK) survey files, which hold family-card numbers and names that Kembar promises
 *   never to keep (only salted hashes of the numbers).
 * - `confirms`: the dry run a real import was started from (POST /api/imports/{id}/confirm).
 * The history lists a user's jobs newest first (import_job_created_by_idx) or everyone's (admins);
 * start-up recovery finds unfinished jobs through the partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_job ADD COLUMN media_type text`.execute(db);
  await sql`ALTER TABLE import_job ADD COLUMN file_kept boolean NOT NULL DEFAULT false`.execute(db);
  await sql`ALTER TABLE import_job ADD COLUMN confirms uuid REFERENCES import_job (id)`.execute(db);
  await sql`CREATE INDEX import_job_created_at_idx ON import_job (created_at DESC)`.execute(db);
  await sql`CREATE INDEX import_job_unfinished_idx ON import_job (updated_at) WHERE status IN ('queued', 'running')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX import_job_unfinished_idx`.execute(db);
  await sql`DROP INDEX import_job_created_at_idx`.execute(db);
  await sql`ALTER TABLE import_job DROP COLUMN confirms`.execute(db);
  await sql`ALTER TABLE import_job DROP COLUMN file_kept`.execute(db);
  await sql`ALTER TABLE import_job DROP COLUMN media_type`.execute(db);
}
