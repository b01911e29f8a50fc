import { sql, type Kysely } from 'kysely';
import type { AgreementCategory, AgreementStatus, Attendance, ParticipantRole, Visibility } from '../../common/agreements/vocabulary.ts';
import type { Schema } from '../db/schema.ts';

/**
 * Writes of agreements and their parts. Every function runs inside the caller's audited
 * transaction (inActorTransaction); the service has checked the input and the caller.
 */

export interface AgreementFields {
  title: string;
  category: AgreementCategory;
  isTwinning: boolean;
  objectives: string;
  visibility: Visibility;
  startDate: string | null;
  endDate: string | null;
  renewalTerms: string | null;
  burdensPublic: boolean;
  unbudgeted: boolean;
  note: string | null;
}

function agreementColumns(fields: Partial<AgreementFields>) {
  return {
    ...(fields.title !== undefined && { title: fields.title }),
    ...(fields.category !== undefined && { category: fields.category }),
    ...(fields.isTwinning !== undefined && { is_twinning: fields.isTwinning }),
    ...(fields.objectives !== undefined && { objectives: fields.objectives }),
    ...(fields.visibility !== undefined && { visibility: fields.visibility }),
    ...(fields.startDate !== undefined && { start_date: fields.startDate }),
    ...(fields.endDate !== undefined && { end_date: fields.endDate }),
    ...(fields.renewalTerms !== undefined && { renewal_terms: fields.renewalTerms }),
    ...(fields.burdensPublic !== undefined && { burdens_public: fields.burdensPublic }),
    ...(fields.unbudgeted !== undefined && { unbudgeted: fields.unbudgeted }),
    ...(fields.note !== undefined && { note: fields.note }),
  };
}

export async function insertAgreement(db: Kysely<Schema>, fields: AgreementFields & { sources?: string[]; replicatedFromId?: string | null; createdBy: string | null }): Promise<string> {
  const row = await db
    .insertInto('agreement')
    .values({
      ...agreementColumns(fields),
      title: fields.title,
      category: fields.category,
      sources: fields.sources ?? [],
      replicated_from_id: fields.replicatedFromId ?? null,
      created_by: fields.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAgreement(db: Kysely<Schema>, id: string, fields: Partial<AgreementFields>): Promise<void> {
  await db
    .updateTable('agreement')
    .set({ ...agreementColumns(fields), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Marks the agreement changed (a part was edited), so lists sort it first. */
export async function touchAgreement(db: Kysely<Schema>, id: string): Promise<void> {
  await db.updateTable('agreement').set({ updated_at: new Date() }).where('id', '=', id).execute();
}

/** Locks the agreement row for the rest of the transaction: transitions and part edits of one agreement run one at a time. */
export async function lockAgreement(db: Kysely<Schema>, id: string): Promise<AgreementStatus | undefined> {
  const row = await db.selectFrom('agreement').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.status;
}

export async function setStatus(db: Kysely<Schema>, id: string, status: AgreementStatus): Promise<void> {
  await db.updateTable('agreement').set({ status, status_changed_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
}

export interface NewTransition {
  agreementId: string;
  from: AgreementStatus | null;
  to: AgreementStatus;
  note: string | null;
  warnings: string[];
  actorUserId: string | null;
  actorLabel: string;
  actorRoles: string[];
}

export async function insertTransition(db: Kysely<Schema>, transition: NewTransition): Promise<string> {
  const row = await db
    .insertInto('agreement_transition')
    .values({
      agreement_id: transition.agreementId,
      from_status: transition.from,
      to_status: transition.to,
      note: transition.note,
      warnings: transition.warnings,
      actor_user_id: transition.actorUserId,
      actor_label: transition.actorLabel,
      actor_roles: transition.actorRoles,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewParticipant {
  organisationId: string;
  role: ParticipantRole;
  partyNumber: number | null;
  attendance: Attendance | null;
  note: string | null;
  sources: string[];
}

export async function insertParticipant(db: Kysely<Schema>, agreementId: string, participant: NewParticipant): Promise<string> {
  const row = await db
    .insertInto('agreement_participant')
    .values({
      agreement_id: agreementId,
      organisation_id: participant.organisationId,
      role: participant.role,
      party_number: participant.partyNumber,
      attendance: participant.attendance,
      note: participant.note,
      sources: participant.sources,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteParticipant(db: Kysely<Schema>, agreementId: string, participantId: string): Promise<boolean> {
  const result = await db.deleteFrom('agreement_participant').where('agreement_id', '=', agreementId).where('id', '=', participantId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface PersonFields {
  organisationId: string;
  name: string | null;
  position: string;
  attendance: Attendance | null;
  note: string | null;
  sources: string[];
}

export async function insertPerson(db: Kysely<Schema>, agreementId: string, person: PersonFields, sortOrder: number): Promise<string> {
  const row = await db
    .insertInto('agreement_person')
    .values({
      agreement_id: agreementId,
      organisation_id: person.organisationId,
      name: person.name,
      position: person.position,
      attendance: person.attendance,
      note: person.note,
      sources: person.sources,
      sort_order: sortOrder,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: Kysely<Schema>, agreementId: string, personId: string, fields: Partial<Omit<PersonFields, 'organisationId'>>): Promise<boolean> {
  const result = await db
    .updateTable('agreement_person')
    .set({
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.position !== undefined && { position: fields.position }),
      ...(fields.attendance !== undefined && { attendance: fields.attendance }),
      ...(fields.note !== undefined && { note: fields.note }),
      ...(fields.sources !== undefined && { sources: fields.sources }),
    })
    .where('agreement_id', '=', agreementId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePerson(db: Kysely<Schema>, agreementId: string, personId: string): Promise<boolean> {
  const result = await db.deleteFrom('agreement_person').where('agreement_id', '=', agreementId).where('id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface ScopeFields {
  label: string;
  description: string | null;
  urusanCode: string | null;
  needsLegalReview: boolean;
  reviewNote: string | null;
}

export async function insertScopeItem(db: Kysely<Schema>, agreementId: string, item: ScopeFields, sortOrder: number): Promise<string> {
  const row = await db
    .insertInto('agreement_scope_item')
    .values({
      agreement_id: agreementId,
      sort_order: sortOrder,
      label: item.label,
      description: item.description,
      urusan_code: item.urusanCode,
      needs_legal_review: item.needsLegalReview,
      review_note: item.reviewNote,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateScopeItem(db: Kysely<Schema>, agreementId: string, itemId: string, item: ScopeFields): Promise<boolean> {
  const result = await db
    .updateTable('agreement_scope_item')
    .set({ label: item.label, description: item.description, urusan_code: item.urusanCode, needs_legal_review: item.needsLegalReview, review_note: item.reviewNote })
    .where('agreement_id', '=', agreementId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteScopeItem(db: Kysely<Schema>, agreementId: string, itemId: string): Promise<boolean> {
  const result = await db.deleteFrom('agreement_scope_item').where('agreement_id', '=', agreementId).where('id', '=', itemId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The next sort position among the agreement's rows of a table (people, scope items). */
export async function nextSortOrder(db: Kysely<Schema>, table: 'agreement_person' | 'agreement_scope_item', agreementId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('next'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function nextPartyNumber(db: Kysely<Schema>, agreementId: string): Promise<number> {
  const row = await db
    .selectFrom('agreement_participant')
    .select(sql<number>`coalesce(max(party_number), 0) + 1`.as('next'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}
