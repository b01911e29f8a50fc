import type { Kysely } from 'kysely';
import type { UpdateStatus } from '../../common/result-update-workflow.ts';
import type { Schema } from '../db/schema.ts';

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

export interface UpdateRow {
  id: string;
  periodId: string;
  status: UpdateStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
  evidenceIds: string[];
  createdById: string | null;
  createdBy: string | null;
  submittedById: string | null;
  submittedBy: string | null;
  /** The organisation of the last submitter (their party is derived from it). */
  submitterOrganisation: { id: string; areaCode: string | null } | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function listUpdates(db: Kysely<Schema>, where: { periodId?: string; updateId?: string }): Promise<UpdateRow[]> {
  let query = db
    .selectFrom('result_update as u')
    .leftJoin('app_user as c', 'c.id', 'u.created_by')
    .leftJoin('app_user as s', 's.id', 'u.submitted_by')
    .leftJoin('organisation as so', 'so.id', 's.organisation_id')
    .leftJoin('app_user as r', 'r.id', 'u.reviewed_by')
    .select([
      'u.id',
      'u.period_id',
      'u.status',
      'u.value',
      'u.numerator',
      'u.denominator',
      'u.narrative',
      'u.created_by',
      'c.email as created_email',
      'u.submitted_by',
      's.email as submitted_email',
      'so.id as submitter_organisation_id',
      'so.area_code as submitter_area_code',
      'u.submitted_at',
      'r.email as reviewed_email',
      'u.reviewed_at',
      'u.review_comment',
      'u.created_at',
      'u.updated_at',
    ])
    .orderBy('u.created_at')
    .orderBy('u.id');
  if (where.periodId) query = query.where('u.period_id', '=', where.periodId);
  if (where.updateId) query = query.where('u.id', '=', where.updateId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const evidence = await db
    .selectFrom('result_update_evidence')
    .select(['update_id', 'evidence_id'])
    .where(
      'update_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('evidence_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    periodId: row.period_id,
    status: row.status,
    value: num(row.value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    narrative: row.narrative,
    evidenceIds: evidence.filter((link) => link.update_id === row.id).map((link) => link.evidence_id),
    createdById: row.created_by,
    createdBy: row.created_email,
    submittedById: row.submitted_by,
    submittedBy: row.submitted_email,
    submitterOrganisation: row.submitter_organisation_id ? { id: row.submitter_organisation_id, areaCode: row.submitter_area_code } : null,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_email,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export interface UpdateValues {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
}

export async function insertUpdate(db: Kysely<Schema>, periodId: string, values: UpdateValues, createdBy: string | null): Promise<string> {
  const row = await db
    .insertInto('result_update')
    .values({ period_id: periodId, ...values, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateValues(db: Kysely<Schema>, id: string, values: UpdateValues): Promise<void> {
  await db
    .updateTable('result_update')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceEvidenceLinks(db: Kysely<Schema>, updateId: string, evidenceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('result_update_evidence').where('update_id', '=', updateId).execute();
  if (evidenceIds.length > 0) await db.insertInto('result_update_evidence').values(evidenceIds.map((evidenceId) => ({ update_id: updateId, evidence_id: evidenceId }))).execute();
}

/** Records a workflow step: submitting names the submitter; returning and approving name the reviewer. */
export async function setStatus(db: Kysely<Schema>, id: string, step: { to: UpdateStatus; userId: string | null; comment: string | null }): Promise<void> {
  const now = new Date();
  const fields =
    step.to === 'submitted'
      ? { submitted_by: step.userId, submitted_at: now }
      : { reviewed_by: step.userId, reviewed_at: now, review_comment: step.comment };
  await db
    .updateTable('result_update')
    .set({ status: step.to, ...fields, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Locks an update row for the rest of the transaction; returns its status. */
export async function lockUpdate(db: Kysely<Schema>, id: string): Promise<UpdateStatus | null> {
  return (await db.selectFrom('result_update').select('status').where('id', '=', id).forUpdate().executeTakeFirst())?.status ?? null;
}
