import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reminder } from '../../common/api/agreements.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { Activity, Evidence, Programme, ProgrammeReminderItem } from '../../common/api/programmes.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { BEKASI, createAgreement, KSB, THIRD } from '../../../test/support/programme-fixtures.ts';
import { samplePdf, samplePng } from '../../../test/support/sample-files.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

const MAX_UPLOAD = 64 * 1024;

describe.each(testEngines())('programmes, work plan and evidence on %s', (engine) => {
  let context: TestApp;
  let agreementId: string;
  let ksbOfficer: SignedIn;
  let bekasiCoordinator: SignedIn;
  let outsider: SignedIn;
  let observer: SignedIn;
  let facilitator: SignedIn;

  beforeAll(async () => {
    context = await createTestApp(engine, { files: { dir: mkdtempSync(path.join(os.tmpdir(), 'programmes-files-')), maxBytes: MAX_UPLOAD } });
    agreementId = await createAgreement(context.app, {
      title: 'Contoh kerja sama KSB–Bekasi (uji)',
      parties: [KSB, BEKASI],
      others: [{ code: 'forkalim', role: 'fasilitator' }, { code: 'kemenkes', role: 'saksi' }],
    });
    ksbOfficer = await signedInUser(context.app, ['data_officer'], KSB);
    bekasiCoordinator = await signedInUser(context.app, ['coordinator'], BEKASI);
    outsider = await signedInUser(context.app, ['coordinator'], THIRD);
    observer = await signedInUser(context.app, ['observer'], 'kemenkes');
    facilitator = await signedInUser(context.app, ['facilitator'], 'forkalim');
  });
  afterAll(() => context.dispose());

  const activities = async () => (await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/activities` })).json<{ items: Activity[] }>().items;
  const plan = (user: SignedIn, payload: Record<string, unknown>) => user.request({ method: 'POST', url: `/api/agreements/${agreementId}/activities`, payload });
  const studyVisit = {
    type: 'study_visit',
    title: 'Kunjungan belajar pengelolaan IPLT ke Kota Bekasi',
    hostOrganisationCode: BEKASI,
    plannedStart: '2099-03-02',
    plannedEnd: '2099-03-04',
    location: 'Kota Bekasi',
    participants: [
      { organisationCode: KSB, female: 3, male: 5 },
      { organisationCode: BEKASI, female: 2, male: 2 },
    ],
    budget: [
      { source: 'apbd', organisationCode: KSB, planned: 45_000_000 },
      { source: 'sponsor', organisationCode: 'unicef', planned: 10_000_000, note: 'contoh' },
    ],
  };

  it('starts without a programme, creates it, and moves it through the method with guards', async () => {
    expect((await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/programme` })).statusCode).toBe(404);
    const created = await bekasiCoordinator.request({ method: 'PUT', url: `/api/agreements/${agreementId}/programme`, payload: { title: 'Twinning sanitasi (uji)' } });
    expect(created.json<Programme>()).toMatchObject({ stage: 'identification', nextStages: ['diagnostic', 'closure'], activityCount: 0 });
    const move = (to: string, note?: string) => bekasiCoordinator.request({ method: 'POST', url: `/api/agreements/${agreementId}/programme/transitions`, payload: { to, note } });
    expect((await move('diagnostic')).json<{ programme: Programme }>().programme.stage).toBe('diagnostic');
    const skip = await move('implementation');
    expect(skip.statusCode).toBe(409);
    expect(skip.json<ErrorBody>().error.message).toBe('to: a programme in diagnostic cannot move to implementation; allowed: work_plan, identification, closure');
    expect((await move('work_plan')).statusCode).toBe(200);
    const empty = await move('implementation');
    expect(empty.statusCode).toBe(409);
    expect(empty.json<ErrorBody>().error.message).toContain('the work plan has no activity');
    expect((await move('closure')).json<ErrorBody>().error.message).toContain('needs a note');
    expect((await outsider.request({ method: 'POST', url: `/api/agreements/${agreementId}/programme/transitions`, payload: { to: 'diagnostic' } })).statusCode).toBe(403);
    expect((await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/programme` })).json<Programme>().stage).toBe('work_plan');
  });

  it('plans an activity with participants by sex and budget by source, in whole rupiah', async () => {
    const response = await plan(ksbOfficer, studyVisit);
    expect(response.statusCode).toBe(201);
    const activity = response.json<Activity>();
    expect(activity).toMatchObject({
      status: 'planned',
      displayStatus: 'planned',
      host: { code: BEKASI },
      totals: { female: 5, male: 7, budgetPlanned: 55_000_000, budgetActual: 0 },
      nextStatuses: ['ongoing', 'done', 'cancelled'],
    });
    expect(activity.budget.map((line) => [line.source, line.organisation?.code, line.planned])).toEqual([
      ['apbd', KSB, 45_000_000],
      ['sponsor', 'unicef', 10_000_000],
    ]);
    // The facilitator (FORKALIM) takes part too; a witness's observer and a third region do not.
    expect((await plan(facilitator, { ...studyVisit, title: 'Webinar berbagi praktik baik', type: 'webinar' })).statusCode).toBe(201);
    expect((await plan(outsider, studyVisit)).statusCode).toBe(403);
    expect((await plan(observer, studyVisit)).statusCode).toBe(403);
    expect((await context.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/activities`, payload: studyVisit })).statusCode).toBe(401);
    expect(await activities()).toHaveLength(2);
  });

  it('names every bad field and changes nothing', async () => {
    const before = await activities();
    const response = await plan(ksbOfficer, {
      ...studyVisit,
      hostOrganisationCode: 'tidak-ada',
      plannedEnd: '2099-03-01',
      participants: [{ organisationCode: KSB, female: 1, male: 1 }, { organisationCode: KSB, female: 1, male: 0 }],
      budget: [{ source: 'apbd', organisationCode: THIRD, planned: 1 }, { source: 'apbd', planned: 5 }],
    });
    expect(response.statusCode).toBe(400);
    const message = response.json<ErrorBody>().error.message;
    expect(message).toContain('hostOrganisationCode: no organisation has the code tidak-ada');
    expect(message).toContain(`participants[1].organisationCode: ${KSB} is listed twice`);
    expect(message).toContain(`budget[0].organisationCode: ${THIRD} is not a party to this agreement`);
    expect(message).toContain('budget[1].organisationCode: an APBD line names the party');
    const dates = await plan(ksbOfficer, { ...studyVisit, plannedEnd: '2099-03-01' });
    expect(dates.json<ErrorBody>().error.message).toBe('plannedEnd: 2099-03-01 is before plannedStart 2099-03-02');
    expect((await plan(ksbOfficer, { ...studyVisit, budget: [{ source: 'other', planned: 1.5 }] })).statusCode).toBe(400);
    expect(await activities()).toEqual(before);
  });

  it('runs an activity: ongoing, done with actual dates; done is final; overdue is derived and reminded', async () => {
    const [activity] = await activities();
    const patch = (payload: Record<string, unknown>) => ksbOfficer.request({ method: 'PATCH', url: `/api/activities/${activity?.id}`, payload });
    expect((await patch({ status: 'ongoing' })).json<ErrorBody>().error.message).toBe('actualStart: an ongoing activity has started; give the date it started');
    expect((await patch({ status: 'ongoing', actualStart: '2026-01-05' })).json<Activity>().status).toBe('ongoing');
    const done = (await patch({ status: 'done', actualEnd: '2026-01-07', outputs: 'Draf SOP IPLT', budget: [{ source: 'apbd', organisationCode: KSB, planned: 45_000_000, actual: 41_250_000 }] })).json<Activity>();
    expect(done).toMatchObject({ status: 'done', actualStart: '2026-01-05', actualEnd: '2026-01-07', outputs: 'Draf SOP IPLT', totals: { budgetActual: 41_250_000 } });
    expect(done.participants).toHaveLength(2);
    expect((await patch({ status: 'ongoing' })).json<ErrorBody>().error.message).toBe('status: a done activity cannot become ongoing; allowed: none (done is final)');

    const late = (await plan(ksbOfficer, { ...studyVisit, title: 'Rapat koordinasi yang terlambat', type: 'coordination_meeting', plannedStart: '2026-02-01', plannedEnd: '2026-02-02' })).json<Activity>();
    expect(late.displayStatus).toBe('overdue');
    const reminders = (await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/programme/reminders` })).json<{ items: ProgrammeReminderItem[] }>().items;
    expect(reminders).toEqual([expect.objectContaining({ kind: 'activity_overdue', subjectId: late.id, dueDate: '2026-02-02' })]);
    // The same reminder in the agreements' GET /api/reminders, for a participant, in its shape.
    const all = (await ksbOfficer.request({ method: 'GET', url: '/api/reminders' })).json<{ items: Reminder[] }>().items;
    expect(all).toContainEqual(expect.objectContaining({ kind: 'activity_overdue', agreementId, subject: { type: 'activity', id: late.id }, dueOn: '2026-02-02', severity: 'overdue' }));
    expect((await outsider.request({ method: 'GET', url: '/api/reminders' })).json<{ items: Reminder[] }>().items.filter((item) => item.agreementId === agreementId)).toEqual([]);
  });

  it('stores evidence files by content with their sha256, adds links, and serves the file back', async () => {
    const [activity] = await activities();
    const upload = (user: SignedIn, query: string, payload: Buffer) =>
      user.request({ method: 'POST', url: `/api/activities/${activity?.id}/evidence?${query}`, payload, headers: { 'content-type': 'application/octet-stream' } });
    const photo = await upload(ksbOfficer, 'kind=photo&caption=Foto%20kunjungan&fileName=foto.png', samplePng());
    expect(photo.statusCode).toBe(201);
    const stored = photo.json<Evidence>();
    expect(stored.file).toEqual({ name: 'foto.png', mediaType: 'image/png', size: samplePng().length, sha256: createHash('sha256').update(samplePng()).digest('hex') });
    const attendance = await upload(ksbOfficer, 'kind=attendance_list&caption=Daftar%20hadir&fileName=daftar-hadir.pdf', samplePdf('Daftar hadir'));
    expect(attendance.statusCode).toBe(201);
    const link = await ksbOfficer.request({ method: 'POST', url: `/api/activities/${activity?.id}/evidence/links`, payload: { url: 'https://example.org/berita/kunjungan', caption: 'Berita kegiatan (contoh)' } });
    expect(link.json<Evidence>()).toMatchObject({ kind: 'link', url: 'https://example.org/berita/kunjungan', file: null, downloadUrl: null });

    const download = await context.app.inject({ method: 'GET', url: stored.downloadUrl ?? '' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(samplePng())).toBe(true);
    expect(download.headers['content-disposition']).toContain('foto.png');

    // Refused: a PNG named .pdf, a PDF sent as a photo, plain text, an oversized file, an outsider, a bad link.
    expect((await upload(ksbOfficer, 'kind=document&caption=x&fileName=laporan.pdf', samplePng())).statusCode).toBe(415);
    expect((await upload(ksbOfficer, 'kind=photo&caption=x&fileName=scan.pdf', samplePdf())).statusCode).toBe(415);
    expect((await upload(ksbOfficer, 'kind=document&caption=x&fileName=catatan.txt', Buffer.from('bukan dokumen'))).statusCode).toBe(415);
    const big = await upload(ksbOfficer, 'kind=document&caption=x&fileName=besar.pdf', Buffer.concat([samplePdf(), Buffer.alloc(MAX_UPLOAD)]));
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().error.message).toContain('upload limit');
    expect((await upload(outsider, 'kind=photo&caption=x&fileName=foto.png', samplePng())).statusCode).toBe(403);
    expect((await ksbOfficer.request({ method: 'POST', url: `/api/activities/${activity?.id}/evidence/links`, payload: { url: 'javascript:alert(1)', caption: 'x' } })).statusCode).toBe(400);
    const items = (await context.app.inject({ method: 'GET', url: `/api/activities/${activity?.id}/evidence` })).json<{ items: Evidence[] }>().items;
    expect(items.map((item) => item.kind)).toEqual(['photo', 'attendance_list', 'link']);
    expect((await context.app.inject({ method: 'GET', url: `/api/activities/${activity?.id}` })).json<Activity>().evidenceCount).toBe(3);
  });

  it('hides an internal agreement from anonymous readers and refuses unknown ids with 404', async () => {
    const hidden = await createAgreement(context.app, { title: 'Kerja sama internal (uji)', parties: [THIRD, KSB], visibility: 'internal' });
    expect((await context.app.inject({ method: 'GET', url: `/api/agreements/${hidden}/activities` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: `/api/agreements/${hidden}/activities` })).statusCode).toBe(200);
    expect((await context.app.inject({ method: 'GET', url: '/api/activities/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
