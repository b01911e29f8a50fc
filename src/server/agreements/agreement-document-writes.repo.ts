import { sql, type Kysely } from 'kysely';
import type { ClauseKey, DocumentKind, SignatoryCapacity } from '../../common/agreements/vocabulary.ts';
import type { Schema } from '../db/schema.ts';

/** Writes of an agreement's documents: the document, its numbers per party, signatories and file versions. */

export interface DocumentFields {
  title: string;
  signedOn: string | null;
  signedPlace: string | null;
  effectiveStart: string | null;
  effectiveEnd: string | null;
  parentDocumentId: string | null;
  clauses: ClauseKey[];
  note: string | null;
  sources: string[];
}

export async function insertDocument(db: Kysely<Schema>, agreementId: string, kind: DocumentKind, fields: DocumentFields, createdBy: string | null): Promise<string> {
  const row = await db
    .insertInto('agreement_document')
    .values({
      agreement_id: agreementId,
      kind,
      title: fields.title,
      signed_on: fields.signedOn,
      signed_place: fields.signedPlace,
      effective_start: fields.effectiveStart,
      effective_end: fields.effectiveEnd,
      parent_document_id: fields.parentDocumentId,
      clauses: fields.clauses,
      note: fields.note,
      sources: fields.sources,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDocument(db: Kysely<Schema>, documentId: string, fields: Partial<DocumentFields>): Promise<void> {
  await db
    .updateTable('agreement_document')
    .set({
      ...(fields.title !== undefined && { title: fields.title }),
      ...(fields.signedOn !== undefined && { signed_on: fields.signedOn }),
      ...(fields.signedPlace !== undefined && { signed_place: fields.signedPlace }),
      ...(fields.effectiveStart !== undefined && { effective_start: fields.effectiveStart }),
      ...(fields.effectiveEnd !== undefined && { effective_end: fields.effectiveEnd }),
      ...(fields.parentDocumentId !== undefined && { parent_document_id: fields.parentDocumentId }),
      ...(fields.clauses !== undefined && { clauses: fields.clauses }),
      ...(fields.note !== undefined && { note: fields.note }),
      ...(fields.sources !== undefined && { sources: fields.sources }),
      updated_at: new Date(),
    })
    .where('id', '=', documentId)
    .execute();
}

/** Replaces every number of a document (one per organisation). */
export async function replaceNumbers(db: Kysely<Schema>, documentId: string, numbers: { organisationId: string; number: string }[]): Promise<void> {
  await db.deleteFrom('agreement_document_number').where('document_id', '=', documentId).execute();
  if (numbers.length === 0) return;
  await db
    .insertInto('agreement_document_number')
    .values(numbers.map((entry) => ({ document_id: documentId, organisation_id: entry.organisationId, number: entry.number })))
    .execute();
}

export async function insertSignatory(db: Kysely<Schema>, documentId: string, signatory: { personId: string; capacity: SignatoryCapacity; powerOfAttorneyDocumentId: string | null }): Promise<string> {
  const row = await db
    .insertInto('agreement_document_signatory')
    .values({ document_id: documentId, person_id: signatory.personId, capacity: signatory.capacity, power_of_attorney_document_id: signatory.powerOfAttorneyDocumentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteSignatory(db: Kysely<Schema>, documentId: string, signatoryId: string): Promise<boolean> {
  const result = await db.deleteFrom('agreement_document_signatory').where('document_id', '=', documentId).where('id', '=', signatoryId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Adds the next version of a document's file; the document row is locked so two uploads cannot take the same number. */
export async function insertVersion(
  db: Kysely<Schema>,
  documentId: string,
  file: { sha256: string; sizeBytes: number; mediaType: string; fileName: string },
  uploadedBy: string | null,
): Promise<number> {
  await db.selectFrom('agreement_document').select('id').where('id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
  const next = await db
    .selectFrom('agreement_document_version')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  const version = Number(next.next);
  await db
    .insertInto('agreement_document_version')
    .values({ document_id: documentId, version, sha256: file.sha256, size_bytes: file.sizeBytes, media_type: file.mediaType, file_name: file.fileName, uploaded_by: uploadedBy })
    .execute();
  return version;
}
