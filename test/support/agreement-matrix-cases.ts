import type { FastifyInstance, InjectOptions } from 'fastify';
import { insertDocument, insertSignatory } from '../../src/server/agreements/agreement-document-writes.repo.ts';
import { insertAgreement, insertParticipant, insertPerson, insertScopeItem } from '../../src/server/agreements/agreement-writes.repo.ts';
import { inActorTransaction } from '../../src/server/audit/actor-transaction.ts';
import { systemContext } from '../../src/server/auth/actor.ts';
import { multipartBody, samplePdf } from './sample-files.ts';

/**
 * Permission-matrix cases for the agreements routes (src/server/security/permission-matrix.test.ts
 * spreads them into its CASES). Own scope = a public agreement where Kota Bekasi (32.75) is a party;
 * other = one between Kabupaten Sumbawa Barat (52.07) and Kabupaten Sumbawa (52.04), without Bekasi.
 * Public, so a forbidden caller gets 403 (an internal one would be hidden: 404).
 */
type Scope = 'own' | 'other';
interface Cell {
  app: FastifyInstance;
  scope: Scope;
  unique: string;
}
interface AgreementCase {
  permission: 'agreements.create' | 'agreements.update' | 'agreements.transition' | 'self';
  request: (cell: Cell) => Promise<InjectOptions>;
}

const PARTIES: Record<Scope, string[]> = { own: ['32.75', '52.03'], other: ['52.07', '52.04'] };
const CLI = systemContext('cli');

/**
 * A fresh agreement for the cell, written in one transaction (cheap: the matrix makes one per
 * cell): parties by scope, FORKALIM facilitating, a scope item, a KB signed by a person of PIHAK 1.
 */
async function fixture({ app, scope, unique }: Cell) {
  const organisations = await Promise.all([...PARTIES[scope], 'forkalim'].map((code) => app.services.organisations.get(code)));
  const [first, second, forkalim] = organisations.map((organisation) => organisation.id);
  const database = app.services.agreements.database;
  return inActorTransaction(database.db, CLI, async (trx) => {
    const id = await insertAgreement(trx, {
      title: `Matriks ${unique}`,
      category: 'ksdd_sukarela',
      isTwinning: true,
      objectives: 'Uji matriks izin',
      visibility: 'public',
      startDate: null,
      endDate: null,
      renewalTerms: null,
      burdensPublic: false,
      unbudgeted: false,
      note: null,
      createdBy: null,
    });
    const participant = (organisationId: string | undefined, role: 'pihak' | 'fasilitator', partyNumber: number | null) =>
      insertParticipant(trx, id, { organisationId: organisationId ?? '', role, partyNumber, attendance: null, note: null, sources: [] });
    await participant(first, 'pihak', 1);
    await participant(second, 'pihak', 2);
    const facilitator = await participant(forkalim, 'fasilitator', null);
    const item = await insertScopeItem(trx, id, { label: 'Kesehatan', description: null, urusanCode: 'kesehatan', needsLegalReview: false, reviewNote: null }, 1);
    const person = await insertPerson(trx, id, { organisationId: first ?? '', name: null, position: 'Kepala daerah (contoh)', attendance: null, note: null, sources: [] }, 1);
    const document = await insertDocument(trx, id, 'kb', { title: 'KB (contoh)', signedOn: null, signedPlace: null, effectiveStart: null, effectiveEnd: null, parentDocumentId: null, clauses: [], note: null, sources: [] }, null);
    const signatory = await insertSignatory(trx, document, { personId: person, capacity: 'kepala_daerah', powerOfAttorneyDocumentId: null });
    const pks = await insertDocument(trx, id, 'pks', { title: 'PKS (contoh)', signedOn: null, signedPlace: null, effectiveStart: null, effectiveEnd: null, parentDocumentId: null, clauses: [], note: null, sources: [] }, null);
    return { url: `/api/agreements/${id}`, participant: facilitator, person, item, document, signatory, pks };
  });
}

const update = (request: (f: Awaited<ReturnType<typeof fixture>>, cell: Cell) => InjectOptions): AgreementCase => ({
  permission: 'agreements.update',
  request: async (cell) => request(await fixture(cell), cell),
});

export const AGREEMENT_CASES: Record<string, AgreementCase> = {
  'POST /api/agreements': {
    permission: 'agreements.create',
    request: async ({ scope, unique }) => ({ method: 'POST', url: '/api/agreements', payload: { title: `Baru ${unique}`, category: 'ksdd_sukarela', parties: PARTIES[scope] } }),
  },
  'PATCH /api/agreements/:id': update((f, { unique }) => ({ method: 'PATCH', url: f.url, payload: { title: `Diubah ${unique}` } })),
  'POST /api/agreements/:id/participants': update((f) => ({ method: 'POST', url: `${f.url}/participants`, payload: { organisationCode: 'unicef', role: 'saksi' } })),
  'DELETE /api/agreements/:id/participants/:participantId': update((f) => ({ method: 'DELETE', url: `${f.url}/participants/${f.participant}` })),
  'POST /api/agreements/:id/people': update((f) => ({ method: 'POST', url: `${f.url}/people`, payload: { organisationCode: 'forkalim', position: 'Ketua' } })),
  'PATCH /api/agreements/:id/people/:personId': update((f) => ({ method: 'PATCH', url: `${f.url}/people/${f.person}`, payload: { position: 'Bupati' } })),
  'DELETE /api/agreements/:id/people/:personId': update((f) => ({ method: 'DELETE', url: `${f.url}/people/${f.person}` })),
  'POST /api/agreements/:id/scope-items': update((f) => ({ method: 'POST', url: `${f.url}/scope-items`, payload: { label: 'Perumahan', urusanCode: 'perumahan_permukiman' } })),
  'PATCH /api/agreements/:id/scope-items/:itemId': update((f) => ({ method: 'PATCH', url: `${f.url}/scope-items/${f.item}`, payload: { label: 'Kesehatan lingkungan' } })),
  'DELETE /api/agreements/:id/scope-items/:itemId': update((f) => ({ method: 'DELETE', url: `${f.url}/scope-items/${f.item}` })),
  'POST /api/agreements/:id/documents': update((f) => ({ method: 'POST', url: `${f.url}/documents`, payload: { kind: 'pks', title: 'PKS (contoh)' } })),
  'PATCH /api/agreements/:id/documents/:documentId': update((f) => ({ method: 'PATCH', url: `${f.url}/documents/${f.document}`, payload: { signedOn: '2026-01-05' } })),
  // The fixture's person already signs the KB; the PKS takes the new signature.
  'POST /api/agreements/:id/documents/:documentId/signatories': update((f) => ({ method: 'POST', url: `${f.url}/documents/${f.pks}/signatories`, payload: { personId: f.person, capacity: 'kepala_daerah' } })),
  'DELETE /api/agreements/:id/documents/:documentId/signatories/:signatoryId': update((f) => ({ method: 'DELETE', url: `${f.url}/documents/${f.document}/signatories/${f.signatory}` })),
  'POST /api/agreements/:id/documents/:documentId/files': update((f) => {
    const { payload, headers } = multipartBody('kb.pdf', samplePdf(), 'application/pdf');
    return { method: 'POST', url: `${f.url}/documents/${f.document}/files`, payload, headers };
  }),
  'POST /api/agreements/:id/transitions': {
    permission: 'agreements.transition',
    request: async (cell) => ({ method: 'POST', url: `${(await fixture(cell)).url}/transitions`, payload: { to: 'withdrawn', note: 'Uji matriks' } }),
  },
  'POST /api/agreements/:id/template': {
    permission: 'agreements.create',
    request: async (cell) => ({ method: 'POST', url: `${(await fixture(cell)).url}/template`, payload: { parties: cell.scope === 'own' ? ['32.75', '52.01'] : ['52.01', '52.02'] } }),
  },
  'GET /api/reminders': { permission: 'self', request: async () => ({ method: 'GET', url: '/api/reminders' }) },
};
