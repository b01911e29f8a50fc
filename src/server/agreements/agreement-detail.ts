import type { AgreementDetail, AgreementDocument } from '../../common/api/agreements.ts';
import { todayInIndonesia } from '../../common/agreements/calendar.ts';
import { dprdRequired, type LifecycleSnapshot } from '../../common/agreements/lifecycle.ts';
import type { RulePack } from '../../common/agreements/rule-pack.ts';
import { findUrusan } from '../../common/agreements/urusan.ts';
import type { ClauseKey, DocumentKind } from '../../common/agreements/vocabulary.ts';
import {
  organisationRef,
  type AgreementRow,
  type listDocumentRows,
  type listNumberRows,
  type listParticipantRows,
  type listPersonRows,
  type listScopeRows,
  type listSignatoryRows,
  type listVersionRows,
} from './agreements.repo.ts';

/**
 * Assembles an agreement's detail from its rows, and reduces a detail to the plain snapshot the
 * lifecycle guards judge. Pure: no I/O.
 */
export interface AgreementRows {
  agreement: AgreementRow;
  participants: Awaited<ReturnType<typeof listParticipantRows>>;
  people: Awaited<ReturnType<typeof listPersonRows>>;
  scope: Awaited<ReturnType<typeof listScopeRows>>;
  documents: Awaited<ReturnType<typeof listDocumentRows>>;
  numbers: Awaited<ReturnType<typeof listNumberRows>>;
  signatories: Awaited<ReturnType<typeof listSignatoryRows>>;
  versions: Awaited<ReturnType<typeof listVersionRows>>;
}

export function assembleDetail(rows: AgreementRows, rules: RulePack, canEdit: boolean): AgreementDetail {
  const { agreement } = rows;
  const participants = rows.participants.map((row) => ({
    id: row.id,
    organisation: organisationRef(row),
    role: row.role,
    partyNumber: row.party_number,
    attendance: row.attendance,
    note: row.note,
    sources: row.sources,
  }));
  const documents = rows.documents.map((row): AgreementDocument => {
    const clauses = row.clauses as ClauseKey[];
    const expected = (rules.expectedClauses as Partial<Record<DocumentKind, readonly ClauseKey[]>>)[row.kind] ?? [];
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      signedOn: row.signed_on,
      signedPlace: row.signed_place,
      effectiveStart: row.effective_start,
      effectiveEnd: row.effective_end,
      parentDocumentId: row.parent_document_id,
      numbers: rows.numbers.filter((number) => number.document_id === row.id).map((number) => ({ organisation: organisationRef(number), number: number.number })),
      signatories: rows.signatories
        .filter((signatory) => signatory.document_id === row.id)
        .map((signatory) => ({
          id: signatory.id,
          personId: signatory.person_id,
          name: signatory.name,
          position: signatory.position,
          organisation: organisationRef(signatory),
          capacity: signatory.capacity,
          powerOfAttorneyDocumentId: signatory.power_of_attorney_document_id,
        })),
      clauses,
      missingClauses: expected.filter((clause) => !clauses.includes(clause)),
      versions: rows.versions
        .filter((version) => version.document_id === row.id)
        .map((version) => ({
          version: version.version,
          sha256: version.sha256,
          sizeBytes: Number(version.size_bytes),
          mediaType: version.media_type,
          fileName: version.file_name,
          uploadedAt: version.uploaded_at.toISOString(),
          uploadedBy: version.uploaded_by,
          downloadUrl: `/api/agreements/${agreement.id}/documents/${row.id}/files/${version.version}`,
        })),
      note: row.note,
      sources: row.sources,
    };
  });
  const signedOn = documents
    .filter((document) => (document.kind === 'kb' || document.kind === 'nota_kesepakatan') && document.signedOn)
    .map((document) => document.signedOn as string)
    .sort()[0];
  return {
    id: agreement.id,
    title: agreement.title,
    category: agreement.category,
    status: agreement.status,
    visibility: agreement.visibility,
    isTwinning: agreement.is_twinning,
    startDate: agreement.start_date,
    endDate: agreement.end_date,
    signedOn: signedOn ?? null,
    parties: participants
      .filter((participant) => participant.role === 'pihak')
      .map((participant) => ({ organisationCode: participant.organisation.code, name: participant.organisation.name, areaCode: participant.organisation.areaCode, partyNumber: participant.partyNumber ?? 0 })),
    updatedAt: agreement.updated_at.toISOString(),
    objectives: agreement.objectives,
    renewalTerms: agreement.renewal_terms,
    burdensPublic: agreement.burdens_public,
    unbudgeted: agreement.unbudgeted,
    dprdRequired: dprdRequired({ burdensPublic: agreement.burdens_public, unbudgeted: agreement.unbudgeted }),
    replicatedFromId: agreement.replicated_from_id,
    note: agreement.note,
    sources: agreement.sources,
    statusChangedAt: agreement.status_changed_at.toISOString(),
    participants,
    people: rows.people.map((row) => ({ id: row.id, organisation: organisationRef(row), name: row.name, position: row.position, attendance: row.attendance, note: row.note, sources: row.sources })),
    scopeItems: rows.scope.map((row) => ({
      id: row.id,
      label: row.label,
      description: row.description,
      urusanCode: row.urusan_code,
      urusanName: row.urusan_code ? (findUrusan(row.urusan_code)?.name ?? null) : null,
      needsLegalReview: row.needs_legal_review,
      reviewNote: row.review_note,
    })),
    documents,
    canEdit,
  };
}

/** The lifecycle's view of an agreement. A signatory signs for the organisation their person is recorded under. */
export function snapshotOf(detail: AgreementDetail): LifecycleSnapshot {
  return {
    status: detail.status,
    category: detail.category,
    title: detail.title,
    objectives: detail.objectives,
    startDate: detail.startDate,
    endDate: detail.endDate,
    burdensPublic: detail.burdensPublic,
    unbudgeted: detail.unbudgeted,
    parties: detail.participants
      .filter((participant) => participant.role === 'pihak')
      .map((participant) => ({ organisationId: participant.organisation.id, name: participant.organisation.name, kind: participant.organisation.kind, partyNumber: participant.partyNumber ?? 0 })),
    scopeItems: detail.scopeItems.map((item) => ({ label: item.label, needsLegalReview: item.needsLegalReview })),
    documents: detail.documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      title: document.title,
      signedOn: document.signedOn,
      signatories: document.signatories.map((signatory) => ({
        organisationId: signatory.organisation.id,
        name: signatory.name,
        position: signatory.position,
        capacity: signatory.capacity,
        powerOfAttorneyDocumentId: signatory.powerOfAttorneyDocumentId,
      })),
      numberedBy: document.numbers.map((number) => number.organisation.id),
      clauses: document.clauses,
      fileCount: document.versions.length,
    })),
    statusChangedOn: todayInIndonesia(new Date(detail.statusChangedAt)),
  };
}
