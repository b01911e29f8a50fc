import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

type EvidenceKind = Schema['activity_evidence']['kind'];

export interface EvidenceRow {
  id: string;
  activityId: string;
  agreementId: string;
  kind: EvidenceKind;
  caption: string;
  url: string | null;
  file: { name: string; mediaType: string; size: number; sha256: string } | null;
  createdAt: Date;
  createdBy: string | null;
}

export interface EvidenceWrite {
  activityId: string;
  kind: EvidenceKind;
  caption: string;
  url: string | null;
  file: { name: string; mediaType: string; size: number; sha256: string } | null;
  createdBy: string | null;
}

export async function insertEvidence(db: Kysely<Schema>, write: EvidenceWrite): Promise<string> {
  const row = await db
    .insertInto('activity_evidence')
    .values({
      activity_id: write.activityId,
      kind: write.kind,
      caption: write.caption,
      url: write.url,
      sha256: write.file?.sha256 ?? null,
      size_bytes: write.file?.size ?? null,
      media_type: write.file?.mediaType ?? null,
      file_name: write.file?.name ?? null,
      created_by: write.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Evidence of one activity, one item, or given ids; with the agreement it belongs to. */
export async function listEvidence(db: Kysely<Schema>, where: { activityId?: string; evidenceId?: string; ids?: readonly string[] }): Promise<EvidenceRow[]> {
  let query = db
    .selectFrom('activity_evidence as e')
    .innerJoin('activity as a', 'a.id', 'e.activity_id')
    .innerJoin('programme as p', 'p.id', 'a.programme_id')
    .leftJoin('app_user as u', 'u.id', 'e.created_by')
    .select(['e.id', 'e.activity_id', 'p.agreement_id', 'e.kind', 'e.caption', 'e.url', 'e.sha256', 'e.size_bytes', 'e.media_type', 'e.file_name', 'e.created_at', 'u.email'])
    .orderBy('e.created_at')
    .orderBy('e.id');
  if (where.activityId) query = query.where('e.activity_id', '=', where.activityId);
  if (where.evidenceId) query = query.where('e.id', '=', where.evidenceId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    query = query.where('e.id', 'in', where.ids);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    agreementId: row.agreement_id,
    kind: row.kind,
    caption: row.caption,
    url: row.url,
    file:
      row.sha256 && row.file_name && row.media_type && row.size_bytes !== null
        ? { name: row.file_name, mediaType: row.media_type, size: Number(row.size_bytes), sha256: row.sha256 }
        : null,
    createdAt: row.created_at,
    createdBy: row.email,
  }));
}
