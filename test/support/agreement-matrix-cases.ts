import type { FastifyInstance, InjectOptions } from 'fastify';
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

/** A fresh agreement for the cell: parties by scope, FORKALIM facilitating, a KB, and a kepala daerah of PIHAK 1. */
async function fixture({ app, scope, unique }: Cell) {
  const services = app.services;
  let detail = await services.agreements.create(CLI, {
    title: `Matriks ${unique}`,
    category: 'ksdd_sukarela',
    isTwinning: true,
    objectives: 'Uji matriks izin',
    visibility: 'public',
    burdensPublic: false,
    unbudgeted: false,
    parties: PARTIES[scope],
    scopeItems: [{ label: 'Kesehatan', urusanCode: 'kesehatan' }],
  });
  detail = await services.agreementParts.addParticipant(CLI, detail.id, { organisationCode: 'forkalim', role: 'fasilitator' });
  detail = await services.agreementParts.addPerson(CLI, detail.id, { organisationCode: PARTIES[scope][0] ?? '', position: 'Kepala daerah (contoh)' });
  detail = await services.agreementDocuments.create(CLI, detail.id, { kind: 'kb', title: 'KB (contoh)' });
  const person = detail.people[0]?.id ?? '';
  const document = detail.documents[0]?.id ?? '';
  detail = await services.agreementDocuments.addSignatory(CLI, detail.id, document, { personId: person, capacity: 'kepala_daerah' });
  return {
    url: `/api/agreements/${detail.id}`,
    participant: detail.participants.find((participant) => participant.role === 'fasilitator')?.id ?? '',
    person,
    item: detail.scopeItems[0]?.id ?? '',
    document,
    signatory: detail.documents[0]?.signatories[0]?.id ?? '',
  };
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
  // The fixture's person already signs the KB; a second document takes the new signature.
  'POST /api/agreements/:id/documents/:documentId/signatories': {
    permission: 'agreements.update',
    request: async (cell) => {
      const f = await fixture(cell);
      const detail = await cell.app.services.agreementDocuments.create(CLI, f.url.split('/').at(-1) ?? '', { kind: 'pks', title: 'PKS (contoh)' });
      const pks = detail.documents.find((document) => document.kind === 'pks')?.id ?? '';
      return { method: 'POST', url: `${f.url}/documents/${pks}/signatories`, payload: { personId: f.person, capacity: 'kepala_daerah' } };
    },
  },
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
