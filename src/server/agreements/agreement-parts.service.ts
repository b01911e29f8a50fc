import type { AgreementDetail, NewParticipant, NewPerson, NewScopeItem } from '../../common/api/agreements.ts';
import type { Organisation } from '../../common/api/organisations.ts';
import { REGION_TO_REGION_CATEGORIES } from '../../common/agreements/vocabulary.ts';
import type { RequestContext } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import {
  deleteParticipant,
  deletePerson,
  deleteScopeItem,
  insertParticipant,
  insertPerson,
  insertScopeItem,
  nextPartyNumber,
  nextSortOrder,
  updatePerson,
  updateScopeItem,
} from './agreement-writes.repo.ts';
import { scopeFields, type AgreementsService } from './agreements.service.ts';

/**
 * The parts of an agreement a coordinator edits: participants (legal parties and other roles),
 * the people who attended or signed, and the scope items. Every change answers the whole
 * agreement, so the page redraws from one response.
 */
export class AgreementPartsService {
  constructor(private readonly agreements: AgreementsService) {}

  async addParticipant(context: RequestContext, id: string, input: NewParticipant): Promise<AgreementDetail> {
    const organisation = await this.organisation(input.organisationCode, 'organisationCode');
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      if (input.role === 'pihak' && REGION_TO_REGION_CATEGORIES.has(agreement.category) && organisation.kind !== 'pemda') {
        throw new InvalidRequestError(`organisationCode: ${organisation.code} (${organisation.name}) is a ${organisation.kind}; in a ${agreement.category} every legal party (PIHAK) must be a regional government (pemda)`);
      }
      if (input.role !== 'pihak' && input.partyNumber !== undefined) throw new InvalidRequestError('partyNumber: only a legal party (pihak) has a party number');
      const partyNumber = input.role === 'pihak' ? (input.partyNumber ?? (await nextPartyNumber(trx, id))) : null;
      const duplicate = agreement.participants.find((participant) => participant.organisation.id === organisation.id && participant.role === input.role);
      if (duplicate) throw new ConflictError(`${organisation.code} is already a ${input.role} of this agreement`);
      if (partyNumber !== null && agreement.participants.some((participant) => participant.partyNumber === partyNumber)) {
        throw new ConflictError(`partyNumber: PIHAK ${partyNumber} is taken`);
      }
      await insertParticipant(trx, id, {
        organisationId: organisation.id,
        role: input.role,
        partyNumber,
        attendance: input.attendance ?? null,
        note: input.note ?? null,
        sources: input.sources ?? [],
      }).catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictError(`${organisation.code} is already a ${input.role} of this agreement`) : error;
      });
    });
  }

  async removeParticipant(context: RequestContext, id: string, participantId: string): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      if (!(await deleteParticipant(trx, id, participantId))) throw new NotFoundError(`This agreement has no participant ${participantId}`);
    });
  }

  /** A person is recorded under the organisation they represent, which must take part in the agreement. */
  async addPerson(context: RequestContext, id: string, input: NewPerson): Promise<AgreementDetail> {
    const organisation = await this.organisation(input.organisationCode, 'organisationCode');
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      if (!agreement.participants.some((participant) => participant.organisation.id === organisation.id)) {
        throw new InvalidRequestError(`organisationCode: ${organisation.code} takes no part in this agreement; add it as a participant first`);
      }
      await insertPerson(
        trx,
        id,
        { organisationId: organisation.id, name: input.name ?? null, position: input.position, attendance: input.attendance ?? null, note: input.note ?? null, sources: input.sources ?? [] },
        await nextSortOrder(trx, 'agreement_person', id),
      );
    });
  }

  async updatePerson(context: RequestContext, id: string, personId: string, input: Partial<Omit<NewPerson, 'organisationCode'>>): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      if (!(await updatePerson(trx, id, personId, input))) throw new NotFoundError(`This agreement has no person ${personId}`);
    });
  }

  async removePerson(context: RequestContext, id: string, personId: string): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      if (!(await deletePerson(trx, id, personId))) throw new NotFoundError(`This agreement has no person ${personId}`);
    });
  }

  async addScopeItem(context: RequestContext, id: string, input: NewScopeItem): Promise<AgreementDetail> {
    const fields = scopeFields(input, 'body');
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      await insertScopeItem(trx, id, fields, await nextSortOrder(trx, 'agreement_scope_item', id));
    });
  }

  async updateScopeItem(context: RequestContext, id: string, itemId: string, input: Partial<NewScopeItem>): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx, agreement) => {
      const current = agreement.scopeItems.find((item) => item.id === itemId);
      if (!current) throw new NotFoundError(`This agreement has no scope item ${itemId}`);
      const merged: NewScopeItem = {
        label: input.label ?? current.label,
        description: input.description === undefined ? current.description : input.description,
        urusanCode: input.urusanCode === undefined ? current.urusanCode : input.urusanCode,
        // A flag set by hand stays unless changed; an item without an urusan is flagged regardless.
        needsLegalReview: input.needsLegalReview ?? (current.needsLegalReview && current.urusanCode !== null),
        reviewNote: input.reviewNote === undefined ? current.reviewNote : input.reviewNote,
      };
      await updateScopeItem(trx, id, itemId, scopeFields(merged, 'body'));
    });
  }

  async removeScopeItem(context: RequestContext, id: string, itemId: string): Promise<AgreementDetail> {
    return this.agreements.editable(context, id, 'agreements.update', async (trx) => {
      if (!(await deleteScopeItem(trx, id, itemId))) throw new NotFoundError(`This agreement has no scope item ${itemId}`);
    });
  }

  private async organisation(code: string, field: string): Promise<Organisation> {
    const organisation = await this.agreements.organisations.get(code).catch(() => null);
    if (!organisation) throw new InvalidRequestError(`${field}: no organisation has the code ${code}`);
    return organisation;
  }
}
