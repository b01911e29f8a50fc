import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ImportFormat } from '../../common/api/imports.ts';
import type { Schema } from '../db/schema.ts';

/** A job whose kept file the retention policy deletes (or, in a dry run, would delete). */
export interface ExpiredJobFile {
  id: string;
  sha256: string;
  fileName: string;
  size: number;
  format: ImportFormat;
  dryRun: boolean;
  createdAt: Date;
}

const FINISHED = ['succeeded', 'failed'] as const;
const UNFINISHED = ['queued', 'running'] as const;

/**
 * True for a job row `j` whose sha256 nothing needs any more: every job keeping the same bytes
 * (the store is content-addressed, so jobs of one file share it) is finished and older than the
 * cutoff, and no agreement document or activity evidence is the same file. Import files (CSV,
 * JSON, XLSX) are not types documents or evidence accept today; the check keeps it so.
 */
function releasable(cutoff: Date) {
  return (eb: ExpressionBuilder<Schema & { j: Schema['import_job'] }, 'j'>) =>
    eb.and([
      eb('j.file_kept', '=', true),
      eb('j.created_at', '<', cutoff),
      eb('j.status', 'in', FINISHED),
      eb.not(
        eb.exists(
          eb
            .selectFrom('import_job as k')
            .select('k.id')
            .whereRef('k.sha256', '=', 'j.sha256')
            .where('k.file_kept', '=', true)
            .where((inner) => inner.or([inner('k.created_at', '>=', cutoff), inner('k.status', 'in', UNFINISHED)])),
        ),
      ),
      eb.not(eb.exists(eb.selectFrom('agreement_document_version as d').select('d.id').whereRef('d.sha256', '=', 'j.sha256'))),
      eb.not(eb.exists(eb.selectFrom('activity_evidence as e').select('e.id').whereRef('e.sha256', '=', 'j.sha256'))),
    ]);
}

function toExpired(row: { id: string; sha256: string; file_name: string; size: number | string; format: ImportFormat; dry_run: boolean; created_at: Date }): ExpiredJobFile {
  return { id: row.id, sha256: row.sha256, fileName: row.file_name, size: Number(row.size), format: row.format, dryRun: row.dry_run, createdAt: row.created_at };
}

const EXPIRED_COLUMNS = ['j.id', 'j.sha256', 'j.file_name', 'j.size', 'j.format', 'j.dry_run', 'j.created_at'] as const;

/** The jobs whose files a prune with this cutoff would delete, oldest first (a dry run: nothing changes). */
export async function listExpiredFiles(db: Kysely<Schema>, cutoff: Date): Promise<ExpiredJobFile[]> {
  const rows = await db.selectFrom('import_job as j').select(EXPIRED_COLUMNS).where(releasable(cutoff)).orderBy('j.created_at').orderBy('j.id').execute();
  return rows.map(toExpired);
}

/**
 * Records the files of up to `limit` expired jobs as deleted (file_kept false, file_deleted_at):
 * one statement, so a job that started or finished meanwhile is judged on its row as it is now.
 * Audited through import_job's trigger, as whoever `trx` acts for. Run before the files go.
 */
export async function markFilesDeleted(trx: Kysely<Schema>, cutoff: Date, deletedAt: Date, limit: number): Promise<ExpiredJobFile[]> {
  const batch = trx.selectFrom('import_job as j').select('j.id').where(releasable(cutoff)).orderBy('j.created_at').limit(limit);
  const rows = await trx
    .updateTable('import_job as j')
    .set({ file_kept: false, file_deleted_at: deletedAt })
    .where('j.id', 'in', batch)
    .where(releasable(cutoff))
    .returning(EXPIRED_COLUMNS)
    .execute();
  return rows.map(toExpired).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * The sha256s of files recorded as deleted since `since` that no job keeps and no document or
 * evidence holds: the files to remove from the store. Since a while back, not just this run: a
 * prune stopped between recording and removing is finished by a later one.
 */
export async function filesToRemove(db: Kysely<Schema>, since: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('import_job as j')
    .select('j.sha256')
    .distinct()
    .where('j.file_deleted_at', '>=', since)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('import_job as k').select('k.id').whereRef('k.sha256', '=', 'j.sha256').where('k.file_kept', '=', true))),
        eb.not(eb.exists(eb.selectFrom('agreement_document_version as d').select('d.id').whereRef('d.sha256', '=', 'j.sha256'))),
        eb.not(eb.exists(eb.selectFrom('activity_evidence as e').select('e.id').whereRef('e.sha256', '=', 'j.sha256'))),
      ]),
    )
    .execute();
  return rows.map((row) => row.sha256);
}
