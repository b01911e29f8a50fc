import type { Readable } from 'node:stream';
import type { AgreementDetail, CreateDocument, NewSignatory, UpdateDocument } from '../../common/api/agreements.ts';
import { NON_SIGNING_ROLES, SIGNED_DOCUMENT_KINDS } from '../../common/agreements/vocabulary.ts';
import type { RequestContext } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { deleteSignatory, insertDocument, insertSignatory, insertVersion, replaceNumbers, updateDocument, type DocumentFields } from './agreement-document-writes.repo.ts';
import { authorizeEdit } from './agreement-access.ts';
import { findVersion } from './agreements.repo.ts';
import type { AgreementsService } from './agreements.service.ts';

/**
 * Documents of an agreement: KB, PKS, addenda, surat kuasa, DPRD approval, minutes and reports,
 * with numbers per party, signing date and place, signatories and the clause checklist; and
 * their files, stored in the file store (a new upload adds a version) and streamed back.
 */
export class AgreementDocumentsService {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly files: FileStore,
  ) {}

  async create(context: RequestContext, id: string, input: CreateDocument): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      const fields = await this.checkFields(agreement, input, null);
      const documentId = await insertDocument(trx, id, input.kind, { ...emptyFields(input.title), ...fields }, context.actor.kind === 'user' ? context.actor.userId : null);
      if (fields.numbers) await replaceNumbers(trx, documentId, fields.numbers);
    });
  }

  async update(context: RequestContext, id: string, documentId: string, input: UpdateDocument): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      if (!agreement.documents.some((document) => document.id === documentId)) throw new NotFoundError(`This agreement has no document ${documentId}`);
      const fields = await this.checkFields(agreement, input, documentId);
      await updateDocument(trx, documentId, fields);
      if (fields.numbers) await replaceNumbers(trx, documentId, fields.numbers);
    });
  }

  /** Only a legal party's people sign; facilitators and witnesses never do. */
  async addSignatory(context: RequestContext, id: string, documentId: string, input: NewSignatory): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      const document = agreement.documents.find((candidate) => candidate.id === documentId);
      if (!document) throw new NotFoundError(`This agreement has no document ${documentId}`);
      if (!SIGNED_DOCUMENT_KINDS.has(document.kind)) throw new InvalidRequestError(`documentId: a ${document.kind} has no signatories; KB, PKS, addendum and nota kesepakatan do`);
      const person = agreement.people.find((candidate) => candidate.id === input.personId);
      if (!person) throw new InvalidRequestError(`personId: this agreement has no person ${input.personId}`);
      const roles = agreement.participants.filter((participant) => participant.organisation.id === person.organisation.id).map((participant) => participant.role);
      if (!roles.includes('pihak')) {
        const role = roles.find((candidate) => NON_SIGNING_ROLES.has(candidate));
        throw new InvalidRequestError(
          role
            ? `personId: ${person.name ?? person.position} represents ${person.organisation.name}, a ${role} of this agreement: facilitators and witnesses never sign`
            : `personId: ${person.name ?? person.position} represents ${person.organisation.name}, which is not a legal party (PIHAK): only parties sign`,
        );
      }
      const letterId = input.powerOfAttorneyDocumentId ?? null;
      if (letterId !== null && !agreement.documents.some((candidate) => candidate.id === letterId && candidate.kind === 'surat_kuasa')) {
        throw new InvalidRequestError(`powerOfAttorneyDocumentId: ${letterId} is not a surat kuasa of this agreement`);
      }
      await insertSignatory(trx, documentId, { personId: person.id, capacity: input.capacity, powerOfAttorneyDocumentId: letterId }).catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictError(`${person.name ?? person.position} already signs this document`) : error;
      });
    });
  }

  async removeSignatory(context: RequestContext, id: string, documentId: string, signatoryId: string): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      if (!(await deleteSignatory(trx, documentId, signatoryId))) throw new NotFoundError(`This document has no signatory ${signatoryId}`);
    });
  }

  /**
   * Stores an uploaded file (size limit, type by content) and adds it as the document's next
   * version. The caller and the document are checked before any byte is stored.
   */
  async upload(context: RequestContext, id: string, documentId: string, file: { stream: Readable; fileName: string }): Promise<AgreementDetail> {
    const current = await this.agreements.get(context, id);
    authorizeEdit(context.actor, 'agreements.update', { title: current.title, parties: current.parties });
    if (!current.documents.some((document) => document.id === documentId)) throw new NotFoundError(`This agreement has no document ${documentId}`);
    const stored = await this.files.put(file.stream, file.fileName);
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      await insertVersion(trx, documentId, stored, context.actor.kind === 'user' ? context.actor.userId : null);
    });
  }

  /** A stored version for download, if the caller may see the agreement. */
  async download(context: RequestContext, id: string, documentId: string, version: number) {
    await this.agreements.get(context, id);
    const found = await findVersion(this.agreements.database.db, id, documentId, version);
    if (!found) throw new NotFoundError(`Document ${documentId} of this agreement has no version ${version}`);
    const { stream } = await this.files.open(found.sha256);
    return { stream, fileName: found.file_name, mediaType: found.media_type, sizeBytes: Number(found.size_bytes) };
  }

  /** Checks references (numbers' organisations must be participants, parent document must be this agreement's) and dates. */
  private async checkFields(agreement: AgreementDetail, input: UpdateDocument, documentId: string | null): Promise<Partial<DocumentFields> & { numbers?: { organisationId: string; number: string }[] }> {
    const problems: string[] = [];
    const existing = agreement.documents.find((document) => document.id === documentId);
    const start = input.effectiveStart === undefined ? (existing?.effectiveStart ?? null) : input.effectiveStart;
    const end = input.effectiveEnd === undefined ? (existing?.effectiveEnd ?? null) : input.effectiveEnd;
    if (start && end && end < start) problems.push(`effectiveEnd: ${end} is before effectiveStart ${start}`);
    if (input.parentDocumentId && (input.parentDocumentId === documentId || !agreement.documents.some((document) => document.id === input.parentDocumentId))) {
      problems.push(`parentDocumentId: ${input.parentDocumentId} is not another document of this agreement`);
    }
    const numbers = (input.numbers ?? []).map((entry, index) => {
      const participant = agreement.participants.find((candidate) => candidate.organisation.code === entry.organisationCode);
      if (!participant) problems.push(`numbers[${index}].organisationCode: ${entry.organisationCode} takes no part in this agreement`);
      return { organisationId: participant?.organisation.id ?? '', number: entry.number };
    });
    if (new Set(numbers.map((entry) => entry.organisationId)).size !== numbers.length) problems.push('numbers: one number per organisation');
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    const fields: Partial<DocumentFields> = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.signedOn !== undefined && { signedOn: input.signedOn }),
      ...(input.signedPlace !== undefined && { signedPlace: input.signedPlace }),
      ...(input.effectiveStart !== undefined && { effectiveStart: input.effectiveStart }),
      ...(input.effectiveEnd !== undefined && { effectiveEnd: input.effectiveEnd }),
      ...(input.parentDocumentId !== undefined && { parentDocumentId: input.parentDocumentId }),
      ...(input.clauses !== undefined && { clauses: [...new Set(input.clauses)] }),
      ...(input.note !== undefined && { note: input.note }),
      ...(input.sources !== undefined && { sources: input.sources }),
    };
    return { ...fields, ...(input.numbers !== undefined && { numbers }) };
  }
}

function emptyFields(title: string): DocumentFields {
  return { title, signedOn: null, signedPlace: null, effectiveStart: null, effectiveEnd: null, parentDocumentId: null, clauses: [], note: null, sources: [] };
}
