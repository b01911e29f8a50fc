import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary, Reminder } from '../../common/api/agreements.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from '../auth/actor.ts';
import { FOUNDING_AGREEMENT_ID } from './founding-agreement.ts';

/** Kota Bekasi's coordinator starts a twinning with Kabupaten Lombok Timur (52.03). */
const NEW_TWINNING = {
  title: 'Twinning Sanitasi Aman Kota Bekasi – Lombok Timur (contoh)',
  category: 'ksdd_sukarela',
  objectives: 'Belajar bersama layanan lumpur tinja terjadwal (contoh)',
  parties: ['32.75', '52.03'],
  scopeItems: [{ label: 'Air limbah domestik', urusanCode: 'pu_penataan_ruang' }],
};

describe.each(testEngines())('agreements API on %s', (engine) => {
  let context: TestApp;
  let bekasi: SignedIn;
  let ksb: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    bekasi = await signedInUser(context.app, ['coordinator'], '32.75');
    ksb = await signedInUser(context.app, ['coordinator'], '52.07');
  });
  afterAll(() => context.dispose());

  const count = async (table: 'agreement' | 'agreement_participant' | 'agreement_scope_item' | 'agreement_person') =>
    Number((await context.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const create = (user: SignedIn, payload: Record<string, unknown>) => user.request({ method: 'POST', url: '/api/agreements', payload });

  it('finds the founding agreement by "Sumbawa", with both parties, FORKALIM, the witnesses, six scope items and the signing date', async () => {
    const list = await context.app.inject({ method: 'GET', url: '/api/agreements?q=Sumbawa' });
    expect(list.statusCode).toBe(200);
    const found = list.json<{ items: AgreementSummary[] }>().items.find((item) => item.id === FOUNDING_AGREEMENT_ID);
    expect(found).toMatchObject({ status: 'kb_signed', signedOn: '2021-10-26', category: 'ksdd_sukarela', visibility: 'public' });
    expect(found?.parties.map((party) => party.organisationCode)).toEqual(['52.07', '32.75']);

    const detail = (await context.app.inject({ method: 'GET', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}` })).json<AgreementDetail>();
    const byRole = (role: string) => detail.participants.filter((participant) => participant.role === role).map((participant) => participant.organisation.code);
    expect(byRole('pihak')).toEqual(['52.07', '32.75']);
    expect(byRole('fasilitator')).toEqual(['forkalim']);
    expect(byRole('saksi').sort()).toEqual(['akkopsi', 'bappenas', 'kemen-pupr', 'kemenkes', 'unicef']);
    expect(detail.participants.filter((participant) => participant.role === 'saksi').every((participant) => participant.attendance === 'online')).toBe(true);
    expect(detail.scopeItems.map((item) => [item.label, item.urusanCode, item.needsLegalReview])).toEqual([
      ['Kesehatan', 'kesehatan', false],
      ['Perumahan dan Permukiman', 'perumahan_permukiman', false],
      ['Kebudayaan dan Pariwisata', 'kebudayaan', false],
      ['Ilmu Pengetahuan dan Teknologi', null, true],
      ['Pendidikan dan Pelatihan', 'pendidikan', true],
      ['Bidang lain sesuai kebutuhan masing-masing daerah', null, true],
    ]);
    expect(detail.signedOn).toBe('2021-10-26');
    const kb = detail.documents.find((document) => document.kind === 'kb');
    expect(kb).toMatchObject({ signedOn: '2021-10-26', signedPlace: 'Candra Braga, Kantor Wali Kota Bekasi', numbers: [], versions: [] });
    expect(kb?.signatories.map((signatory) => [signatory.organisation.code, signatory.name, signatory.position])).toEqual([
      ['52.07', 'Dr. Ir. H. W. Musyafirin, MM', 'Bupati Sumbawa Barat'],
      ['32.75', null, 'Wali Kota Bekasi'],
    ]);
    expect(detail.participants.find((participant) => participant.organisation.code === '52.07')?.note).toContain('tuntas 5 pilar STBM');
    expect(detail.participants.find((participant) => participant.organisation.code === '52.07')?.sources.length).toBeGreaterThan(1);
    expect(detail.people.map((person) => person.position)).toContain('Wali Kota Jambi, Ketua AKKOPSI');
    expect(detail.canEdit).toBe(false);

    const timeline = (await context.app.inject({ method: 'GET', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}/timeline` })).json<{ items: { to: string }[] }>();
    expect(timeline.items.map((item) => item.to)).toEqual(['kb_signed']);
  });

  it('creates a draft for a coordinator whose pemda is a party; internal agreements are hidden from everyone else', async () => {
    const response = await create(bekasi, NEW_TWINNING);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<AgreementDetail>();
    expect(created).toMatchObject({ status: 'draft', visibility: 'internal', canEdit: true });
    expect(created.parties.map((party) => [party.organisationCode, party.partyNumber])).toEqual([['32.75', 1], ['52.03', 2]]);
    expect(created.scopeItems[0]).toMatchObject({ urusanCode: 'pu_penataan_ruang', urusanName: 'Pekerjaan Umum dan Penataan Ruang', needsLegalReview: false });

    expect((await context.app.inject({ method: 'GET', url: `/api/agreements/${created.id}` })).statusCode).toBe(404);
    expect((await ksb.request({ method: 'GET', url: `/api/agreements/${created.id}` })).statusCode).toBe(404);
    const observer = await signedInUser(context.app, ['observer'], 'kemenkes');
    expect((await observer.request({ method: 'GET', url: `/api/agreements/${created.id}` })).json<AgreementDetail>().canEdit).toBe(false);
    const puskesmasLevel = await signedInUser(context.app, ['data_officer'], '32.75');
    expect((await puskesmasLevel.request({ method: 'GET', url: `/api/agreements/${created.id}` })).statusCode).toBe(200);
    const anonymousList = (await context.app.inject({ method: 'GET', url: '/api/agreements?area=52.03' })).json<{ items: AgreementSummary[] }>();
    expect(anonymousList.items.map((item) => item.id)).not.toContain(created.id);
    const mine = (await bekasi.request({ method: 'GET', url: '/api/agreements?area=52.03&role=pihak&status=draft' })).json<{ items: AgreementSummary[]; total: number }>();
    expect(mine.items.map((item) => item.id)).toEqual([created.id]);
  });

  it('refuses bad parties with a clear 400 and changes nothing: unknown organisation, not a pemda in a KSDD, listed twice, end before start', async () => {
    const before = await count('agreement');
    const unknown = await create(bekasi, { ...NEW_TWINNING, parties: ['32.75', '99.99'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.message).toBe('parties[1]: no organisation has the code 99.99');
    const notPemda = await create(bekasi, { ...NEW_TWINNING, parties: ['32.75', 'forkalim'] });
    expect(notPemda.statusCode).toBe(400);
    expect(notPemda.json<ErrorBody>().error.message).toBe('parties[1]: forkalim (FORKALIM) is a association; in a ksdd_sukarela every legal party must be a regional government (pemda)');
    expect((await create(bekasi, { ...NEW_TWINNING, parties: ['32.75', '32.75'] })).json<ErrorBody>().error.message).toBe('parties[1]: 32.75 is listed twice');
    expect((await create(bekasi, { ...NEW_TWINNING, startDate: '2026-01-01', endDate: '2025-01-01' })).json<ErrorBody>().error.message).toBe('endDate: 2025-01-01 is before startDate 2026-01-01');
    expect((await create(bekasi, { ...NEW_TWINNING, scopeItems: [{ label: 'X', urusanCode: 'iptek' }] })).json<ErrorBody>().error.message).toContain('scopeItems[0].urusanCode: iptek is not an urusan code');
    expect((await create(bekasi, { ...NEW_TWINNING, parties: ['52.07', '52.03'] })).statusCode).toBe(403);
    expect(await count('agreement')).toBe(before);
  });

  it('edits parts: participants, people, scope; witnesses never sign; a PIHAK must be a pemda', async () => {
    const created = (await create(bekasi, NEW_TWINNING)).json<AgreementDetail>();
    const url = `/api/agreements/${created.id}`;
    const facilitator = await bekasi.request({ method: 'POST', url: `${url}/participants`, payload: { organisationCode: 'forkalim', role: 'fasilitator' } });
    expect(facilitator.statusCode, facilitator.body).toBe(200);
    const operatorParty = await bekasi.request({ method: 'POST', url: `${url}/participants`, payload: { organisationCode: 'unicef', role: 'pihak' } });
    expect(operatorParty.statusCode).toBe(400);
    expect(operatorParty.json<ErrorBody>().error.message).toContain('every legal party (PIHAK) must be a regional government');
    expect((await bekasi.request({ method: 'POST', url: `${url}/participants`, payload: { organisationCode: 'forkalim', role: 'fasilitator' } })).statusCode).toBe(409);

    const withPeople = (await bekasi.request({ method: 'POST', url: `${url}/people`, payload: { organisationCode: 'forkalim', name: 'Fasilitator (contoh)', position: 'Ketua' } })).json<AgreementDetail>();
    const notParticipant = await bekasi.request({ method: 'POST', url: `${url}/people`, payload: { organisationCode: 'bappenas', position: 'Direktur' } });
    expect(notParticipant.json<ErrorBody>().error.message).toBe('organisationCode: bappenas takes no part in this agreement; add it as a participant first');
    const withKb = (await bekasi.request({ method: 'POST', url: `${url}/documents`, payload: { kind: 'kb', title: 'KB (contoh)' } })).json<AgreementDetail>();
    const kbId = withKb.documents[0]?.id;
    const signer = withPeople.people[0]?.id;
    const refused = await bekasi.request({ method: 'POST', url: `${url}/documents/${kbId}/signatories`, payload: { personId: signer, capacity: 'pimpinan_mitra' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.message).toBe('personId: Fasilitator (contoh) represents FORKALIM, a fasilitator of this agreement: facilitators and witnesses never sign');

    const scoped = (await bekasi.request({ method: 'POST', url: `${url}/scope-items`, payload: { label: 'Ilmu Pengetahuan dan Teknologi' } })).json<AgreementDetail>();
    const iptek = scoped.scopeItems.find((item) => item.label === 'Ilmu Pengetahuan dan Teknologi');
    expect(iptek?.needsLegalReview).toBe(true);
    const mapped = (await bekasi.request({ method: 'PATCH', url: `${url}/scope-items/${iptek?.id}`, payload: { urusanCode: 'kominfo' } })).json<AgreementDetail>();
    expect(mapped.scopeItems.find((item) => item.id === iptek?.id)).toMatchObject({ urusanCode: 'kominfo', needsLegalReview: false });

    const other = await ksb.request({ method: 'PATCH', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}`, payload: { title: 'x' } });
    expect(other.statusCode).toBe(200); // KSB is a party of the founding agreement
    const bekasiOnHidden = await ksb.request({ method: 'PATCH', url, payload: { title: 'Diubah' } });
    expect(bekasiOnHidden.statusCode).toBe(404);
  });

  it('uses an agreement as a template for two other regions: scope and objectives copied, a new draft', async () => {
    const admin = await signedInUser(context.app, ['admin'], 'kembar');
    const response = await admin.request({ method: 'POST', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}/template`, payload: { parties: ['52.03', '32.71'] } });
    expect(response.statusCode, response.body).toBe(201);
    const copy = response.json<AgreementDetail>();
    expect(copy).toMatchObject({ status: 'draft', replicatedFromId: FOUNDING_AGREEMENT_ID, category: 'ksdd_sukarela', documents: [], people: [] });
    expect(copy.title).toMatch(/^Twinning Program Kabupaten Lombok Timur – Kota /);
    expect(copy.scopeItems).toHaveLength(6);
    expect(copy.parties.map((party) => party.organisationCode)).toEqual(['52.03', '32.71']);
    expect((await bekasi.request({ method: 'POST', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}/template`, payload: { parties: ['52.03', '32.71'] } })).statusCode).toBe(403);
  });

  it('lists reminders of the caller’s agreements: ending soon, KB without PKS', async () => {
    const ending = (await create(bekasi, { ...NEW_TWINNING, startDate: '2025-01-01', endDate: '2026-12-20' })).json<AgreementDetail>();
    // Straight to implementation (the lifecycle is tested elsewhere): only the dates matter here.
    await inActorTransaction(context.database.db, systemContext('cli'), (trx) => trx.updateTable('agreement').set({ status: 'implementation' }).where('id', '=', ending.id).execute());
    const response = await bekasi.request({ method: 'GET', url: '/api/reminders?on=2026-11-28' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Reminder[] }>().items;
    expect(items.find((item) => item.agreementId === ending.id)).toMatchObject({ kind: 'agreement_ending', daysLeft: 22, threshold: 30, severity: 'info' });
    expect(items.find((item) => item.agreementId === FOUNDING_AGREEMENT_ID)).toMatchObject({ kind: 'kb_without_pks', severity: 'overdue', ruleId: 'kb.expiry_without_pks' });
    const stranger = await signedInUser(context.app, ['coordinator'], '11.01');
    expect((await stranger.request({ method: 'GET', url: '/api/reminders?on=2026-11-28' })).json<{ items: Reminder[] }>().items).toEqual([]);
    expect((await context.app.inject({ method: 'GET', url: '/api/reminders' })).statusCode).toBe(401);
  });
});
