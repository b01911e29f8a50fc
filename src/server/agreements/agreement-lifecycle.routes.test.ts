import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail, GuardReasonDto, TimelineEntry } from '../../common/api/agreements.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { multipartBody, sampleDocx, samplePdf, samplePng } from '../../../test/support/sample-files.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { FOUNDING_AGREEMENT_ID } from './founding-agreement.ts';

const UPLOAD_LIMIT = 64 * 1024;

/**
 * Documents, uploads and the lifecycle over HTTP: a Kota Bekasi coordinator takes a twinning with
 * Kabupaten Lombok Timur from draft to KB signed; bad uploads and illegal moves change nothing.
 */
describe.each(testEngines())('agreement documents and lifecycle on %s', (engine) => {
  let context: TestApp;
  let filesDir: string;
  let bekasi: SignedIn;
  let agreement: AgreementDetail;
  let url: string;
  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'agreements-files-'));
    context = await createTestApp(engine, { files: { dir: filesDir, maxBytes: UPLOAD_LIMIT } });
    bekasi = await signedInUser(context.app, ['coordinator'], '32.75');
    const created = await bekasi.request({
      method: 'POST',
      url: '/api/agreements',
      payload: { title: 'Twinning Kota Bekasi – Lombok Timur (contoh)', category: 'ksdd_sukarela', parties: ['32.75', '52.03'], startDate: '2026-01-01', endDate: '2028-12-31' },
    });
    agreement = created.json<AgreementDetail>();
    url = `/api/agreements/${agreement.id}`;
  });
  afterAll(async () => {
    await context.dispose();
    await rm(filesDir, { recursive: true, force: true });
  });

  const move = (to: string, note?: string) => bekasi.request({ method: 'POST', url: `${url}/transitions`, payload: { to, ...(note && { note }) } });
  const statusInDb = async () => (await context.database.db.selectFrom('agreement').select('status').where('id', '=', agreement.id).executeTakeFirstOrThrow()).status;
  const transitionsInDb = async () => Number((await context.database.db.selectFrom('agreement_transition').select((eb) => eb.fn.countAll<string>().as('n')).where('agreement_id', '=', agreement.id).executeTakeFirstOrThrow()).n);
  const versionsInDb = async () => Number((await context.database.db.selectFrom('agreement_document_version').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses an illegal move with 409 naming where it can go, and changes nothing', async () => {
    const before = await transitionsInDb();
    const response = await move('implementation');
    expect(response.statusCode).toBe(409);
    const body = response.json<ErrorBody>();
    expect(body.error.reasons?.map((reason) => reason.code)).toEqual(['illegal_transition']);
    expect(body.error.message).toContain('from draft it can move to tkksd_review, kb_negotiation, kb_signed, withdrawn');
    expect(await statusInDb()).toBe('draft');
    expect(await transitionsInDb()).toBe(before);
  });

  it('lists every unmet guard at once, then moves once they are met; warnings come back and are recorded', async () => {
    const options = (await context.app.inject({ method: 'GET', url: `${url}/transitions`, headers: { cookie: bekasi.cookie } })).json<{ options: { to: string; allowed: boolean; unmet: GuardReasonDto[] }[] }>();
    expect(options.options.find((option) => option.to === 'tkksd_review')?.unmet.map((reason) => reason.code)).toEqual(['missing_objectives', 'no_scope_items']);

    const blocked = await move('tkksd_review');
    expect(blocked.statusCode).toBe(409);
    const reasons = blocked.json<ErrorBody>().error.reasons ?? [];
    expect(reasons.map((reason) => reason.code)).toEqual(['missing_objectives', 'no_scope_items']);
    expect(reasons[0]).toMatchObject({ ruleId: 'draft.contents', source: expect.stringContaining('Permendagri 22/2020') });
    expect(await statusInDb()).toBe('draft');

    await bekasi.request({ method: 'PATCH', url, payload: { objectives: 'Belajar layanan lumpur tinja terjadwal (contoh)' } });
    await bekasi.request({ method: 'POST', url: `${url}/scope-items`, payload: { label: 'Kesehatan', urusanCode: 'kesehatan' } });
    await bekasi.request({ method: 'POST', url: `${url}/scope-items`, payload: { label: 'Ilmu Pengetahuan dan Teknologi' } });
    const moved = await move('tkksd_review', 'Diajukan ke TKKSD');
    expect(moved.statusCode, moved.body).toBe(200);
    const result = moved.json<{ status: string; transition: TimelineEntry; warnings: GuardReasonDto[] }>();
    expect(result.status).toBe('tkksd_review');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['scope_needs_review']);
    expect(result.transition).toMatchObject({ from: 'draft', to: 'tkksd_review', note: 'Diajukan ke TKKSD', actor: { email: bekasi.email, roles: ['coordinator'] } });
    expect(result.transition.warnings[0]).toContain('Ilmu Pengetahuan dan Teknologi');
    expect((await move('offer')).statusCode).toBe(200);
    expect((await move('kb_negotiation')).statusCode).toBe(200);
  });

  it('uploads the KB as versions (typed by content, sha256), downloads it, and refuses oversized or disguised files without storing them', async () => {
    const withKb = (await bekasi.request({ method: 'POST', url: `${url}/documents`, payload: { kind: 'kb', title: 'Kesepakatan Bersama (contoh)', signedOn: '2026-02-02', signedPlace: 'Kota Bekasi' } })).json<AgreementDetail>();
    const kb = withKb.documents.find((document) => document.kind === 'kb');
    const files = `${url}/documents/${kb?.id}/files`;
    const pdf = samplePdf();
    const first = await bekasi.request({ method: 'POST', url: files, ...multipartBody('KB Bekasi.pdf', pdf, 'application/pdf') });
    expect(first.statusCode, first.body).toBe(201);
    const docx = await sampleDocx();
    const second = await bekasi.request({ method: 'POST', url: `${files}?fileName=KB-revisi.docx`, payload: docx, headers: { 'content-type': 'application/octet-stream' } });
    expect(second.statusCode, second.body).toBe(201);
    const versions = second.json<AgreementDetail>().documents.find((document) => document.id === kb?.id)?.versions ?? [];
    expect(versions.map((version) => [version.version, version.mediaType, version.fileName, version.sizeBytes])).toEqual([
      [1, 'application/pdf', 'KB Bekasi.pdf', pdf.length],
      [2, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'KB-revisi.docx', docx.length],
    ]);
    expect(versions[0]?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const download = await context.app.inject({ method: 'GET', url: versions[0]?.downloadUrl ?? '', headers: { cookie: bekasi.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="KB Bekasi.pdf"; filename*=UTF-8''KB%20Bekasi.pdf`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await context.app.inject({ method: 'GET', url: versions[0]?.downloadUrl ?? '' })).statusCode).toBe(404); // internal: hidden from the public

    const stored = await versionsInDb();
    const oversized = await bekasi.request({ method: 'POST', url: files, ...multipartBody('besar.pdf', Buffer.concat([pdf, Buffer.alloc(UPLOAD_LIMIT)]), 'application/pdf') });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json<ErrorBody>().error.message).toBe('file: larger than the upload limit of 64 KB');
    const disguised = await bekasi.request({ method: 'POST', url: files, ...multipartBody('kb.pdf', samplePng(), 'application/pdf') });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json<ErrorBody>().error.message).toBe('file: kb.pdf is named .pdf but its content is image/png');
    const text = await bekasi.request({ method: 'POST', url: `${files}?fileName=kb.pdf`, payload: 'Ini bukan PDF', headers: { 'content-type': 'application/pdf' } });
    expect(text.statusCode).toBe(415);
    const json = await bekasi.request({ method: 'POST', url: files, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(await versionsInDb()).toBe(stored);
  });

  it('moves to KB signed once both parties sign the KB, with the unconfirmed checks as warnings', async () => {
    const blocked = await move('kb_signed');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<ErrorBody>().error.reasons?.map((reason) => reason.code)).toEqual(['kb_party_unsigned', 'kb_party_unsigned']);

    await bekasi.request({ method: 'POST', url: `${url}/people`, payload: { organisationCode: '32.75', name: 'Wali Kota (contoh)', position: 'Wali Kota Bekasi' } });
    const detail = (await bekasi.request({ method: 'POST', url: `${url}/people`, payload: { organisationCode: '52.03', position: 'Bupati Lombok Timur' } })).json<AgreementDetail>();
    const kb = detail.documents.find((document) => document.kind === 'kb');
    for (const person of detail.people) {
      const signed = await bekasi.request({ method: 'POST', url: `${url}/documents/${kb?.id}/signatories`, payload: { personId: person.id, capacity: 'kepala_daerah' } });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    const moved = await move('kb_signed');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ warnings: GuardReasonDto[] }>().warnings.map((warning) => warning.code)).toEqual(['scope_needs_review', 'signatory_unnamed', 'numbers_missing', 'clauses_missing']);
    expect(await statusInDb()).toBe('kb_signed');

    const timeline = (await bekasi.request({ method: 'GET', url: `${url}/timeline` })).json<{ items: TimelineEntry[] }>();
    expect(timeline.items.map((item) => `${item.from ?? '∅'}→${item.to}`)).toEqual(['∅→draft', 'draft→tkksd_review', 'tkksd_review→offer', 'offer→kb_negotiation', 'kb_negotiation→kb_signed']);

    const audit = await context.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'after']).where('entity', '=', 'agreement_transition').execute();
    const signing = audit.filter((row) => row.after?.agreement_id === agreement.id && row.after.to_status === 'kb_signed');
    expect(signing.map((row) => [row.action, row.actor_user_id])).toEqual([['insert', bekasi.userId]]);
  });

  it('keeps other regions’ coordinators out of moves (403 on a public agreement) and asks for reasons', async () => {
    const ksb = await signedInUser(context.app, ['coordinator'], '52.01');
    const refused = await ksb.request({ method: 'POST', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}/transitions`, payload: { to: 'terminated_early', note: 'x' } });
    expect(refused.statusCode).toBe(403);
    const admin = await signedInUser(context.app, ['admin'], 'kembar');
    const noReason = await admin.request({ method: 'POST', url: `/api/agreements/${FOUNDING_AGREEMENT_ID}/transitions`, payload: { to: 'terminated_early' } });
    expect(noReason.json<ErrorBody>().error.reasons?.map((reason) => reason.code)).toEqual(['note_required']);
  });
});
