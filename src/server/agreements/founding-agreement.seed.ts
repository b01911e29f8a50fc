import { inActorTransaction } from '../audit/actor-transaction.ts';
import { auditLabel, type RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { insertAgreementWithId } from './agreement-seed.repo.ts';
import { insertDocument, insertSignatory } from './agreement-document-writes.repo.ts';
import { insertParticipant, insertPerson, insertScopeItem, insertTransition } from './agreement-writes.repo.ts';
import { FOUNDING_AGREEMENT, FOUNDING_AGREEMENT_ID, FOUNDING_KB, FOUNDING_OTHERS, FOUNDING_PARTIES, FOUNDING_PEOPLE, FOUNDING_SCOPE } from './founding-agreement.ts';

/**
 * Seeds the founding KSB–Bekasi agreement on a first start (bootstrap's ensureReferenceData), in
 * one audited transaction, under a fixed id: a second start finds it and adds nothing. The
 * organisations it names (the two pemda, FORKALIM, the witnesses) are seeded before it.
 */
export async function ensureFoundingAgreement(database: Database, organisations: OrganisationsService, context: RequestContext): Promise<{ added: boolean }> {
  const ids = new Map<string, string>();
  for (const code of new Set([...FOUNDING_PARTIES, ...FOUNDING_OTHERS, ...FOUNDING_PEOPLE].map((entry) => entry.code))) {
    const organisation = await organisations.get(code).catch(() => null);
    if (!organisation) return { added: false }; // reference data not loaded (no areas): nothing to attach to
    ids.set(code, organisation.id);
  }
  const id = (code: string): string => ids.get(code) ?? '';
  return inActorTransaction(database.db, context, async (trx) => {
    const inserted = await insertAgreementWithId(trx, FOUNDING_AGREEMENT_ID, { ...FOUNDING_AGREEMENT, status: 'kb_signed', visibility: 'public' });
    if (!inserted) return { added: false };
    for (const [index, party] of FOUNDING_PARTIES.entries()) {
      await insertParticipant(trx, FOUNDING_AGREEMENT_ID, { organisationId: id(party.code), role: 'pihak', partyNumber: index + 1, attendance: 'in_person', note: party.note, sources: party.sources });
    }
    for (const other of FOUNDING_OTHERS) {
      await insertParticipant(trx, FOUNDING_AGREEMENT_ID, { organisationId: id(other.code), role: other.role, partyNumber: null, attendance: other.attendance, note: other.note, sources: other.sources });
    }
    for (const [index, item] of FOUNDING_SCOPE.entries()) await insertScopeItem(trx, FOUNDING_AGREEMENT_ID, { ...item, description: null }, index + 1);
    const kb = await insertDocument(
      trx,
      FOUNDING_AGREEMENT_ID,
      'kb',
      { title: FOUNDING_KB.title, signedOn: FOUNDING_KB.signedOn, signedPlace: FOUNDING_KB.signedPlace, effectiveStart: null, effectiveEnd: null, parentDocumentId: null, clauses: FOUNDING_KB.clauses, note: FOUNDING_KB.note, sources: FOUNDING_KB.sources },
      null,
    );
    for (const [index, person] of FOUNDING_PEOPLE.entries()) {
      const personId = await insertPerson(
        trx,
        FOUNDING_AGREEMENT_ID,
        { organisationId: id(person.code), name: person.name, position: person.position, attendance: person.attendance, note: null, sources: person.sources },
        index + 1,
      );
      if (person.signs) await insertSignatory(trx, kb, { personId, capacity: 'kepala_daerah', powerOfAttorneyDocumentId: null });
    }
    await insertTransition(trx, {
      agreementId: FOUNDING_AGREEMENT_ID,
      from: null,
      to: 'kb_signed',
      note: 'Dicatat dari pemberitaan: Kesepakatan Bersama ditandatangani 26 Oktober 2021 di Candra Braga, Kantor Wali Kota Bekasi',
      warnings: [],
      actorUserId: null,
      actorLabel: auditLabel(context.actor),
      actorRoles: [],
    });
    return { added: true };
  });
}
