import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../common/api/audit.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { Activity, Evidence } from '../../common/api/programmes.ts';
import type { ResultPeriod, ResultsFramework, ResultUpdate } from '../../common/api/results.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { BEKASI, createAgreement, KSB, THIRD } from '../../../test/support/programme-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

describe.each(testEngines())('results framework and updates on %s', (engine) => {
  let context: TestApp;
  let agreementId: string;
  let ksbOfficer: SignedIn;
  let ksbCoordinator: SignedIn;
  let bekasiCoordinator: SignedIn;
  let thirdCoordinator: SignedIn;
  let bekasiOfficer: SignedIn;
  let admin: SignedIn;
  let flowPeriod: ResultPeriod;
  let percentPeriod: ResultPeriod;
  let evidenceId: string;

  beforeAll(async () => {
    context = await createTestApp(engine);
    agreementId = await createAgreement(context.app, { title: 'Contoh twinning KSB–Bekasi (uji hasil)', parties: [KSB, BEKASI], others: [{ code: 'forkalim', role: 'fasilitator' }] });
    ksbOfficer = await signedInUser(context.app, ['data_officer'], KSB);
    ksbCoordinator = await signedInUser(context.app, ['coordinator'], KSB);
    bekasiCoordinator = await signedInUser(context.app, ['coordinator'], BEKASI);
    bekasiOfficer = await signedInUser(context.app, ['data_officer'], BEKASI);
    thirdCoordinator = await signedInUser(context.app, ['coordinator'], THIRD);
    admin = await signedInUser(context.app, ['admin'], 'kembar');
    const activity = (
      await ksbOfficer.request({
        method: 'POST',
        url: `/api/agreements/${agreementId}/activities`,
        payload: { type: 'training', title: 'Bimtek operator IPLT', hostOrganisationCode: BEKASI, plannedStart: '2026-01-10', status: 'done', actualStart: '2026-01-10', actualEnd: '2026-01-11' },
      })
    ).json<Activity>();
    evidenceId = (
      await ksbOfficer.request({ method: 'POST', url: `/api/activities/${activity.id}/evidence/links`, payload: { url: 'https://example.org/bimtek', caption: 'Berita bimtek (contoh)' } })
    ).json<Evidence>().id;
  });
  afterAll(() => context.dispose());

  const framework = async () => (await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/results` })).json<ResultsFramework>();
  const step = (user: SignedIn, id: string, action: string, comment?: string) => user.request({ method: 'POST', url: `/api/result-updates/${id}/transitions`, payload: { action, comment } });
  const period = async (id: string) => {
    const items = (await framework()).items.flatMap((result) => result.indicators.flatMap((indicator) => indicator.periods));
    return items.find((item) => item.id === id);
  };

  it('builds a framework: result → indicators (flow count, percentage, qualitative) → periods with targets', async () => {
    const result = await ksbOfficer.request({ method: 'POST', url: `/api/agreements/${agreementId}/results`, payload: { type: 'outcome', title: 'Layanan lumpur tinja terjadwal di KSB' } });
    expect(result.statusCode).toBe(201);
    const resultId = result.json<ResultsFramework>().items[0]?.id ?? '';
    const indicator = (payload: Record<string, unknown>) => ksbOfficer.request({ method: 'POST', url: `/api/results/${resultId}/indicators`, payload });
    expect((await indicator({ title: 'Operator IPLT terlatih', type: 'quantitative', unit: 'orang', targetKind: 'learning', baselineYear: 2021, baselineValue: 0 })).statusCode).toBe(201);
    expect(
      (await indicator({ title: 'KK dengan akses sanitasi aman', type: 'quantitative', measure: 'percentage', targetKind: 'performance', baselineYear: 2021, baselineNumerator: 120, baselineDenominator: 1000, areaCode: KSB, catalogueIndicatorCode: 'ACC.KAB.AMAN_PCT' }))
        .statusCode,
    ).toBe(201);
    expect((await indicator({ title: 'SOP penyedotan disahkan', type: 'qualitative', targetKind: 'process' })).statusCode).toBe(201);

    const before = await framework();
    const bad = await indicator({ title: 'Salah', type: 'quantitative', measure: 'percentage', targetKind: 'process', baselineValue: 12, areaCode: THIRD, catalogueIndicatorCode: 'NOPE.X' });
    expect(bad.statusCode).toBe(400);
    const message = bad.json<ErrorBody>().error.message;
    expect(message).toContain('baselineValue: a percentage baseline is given as baselineNumerator and baselineDenominator');
    expect(message).toContain('catalogueIndicatorCode: no indicator of the national catalogue has the code NOPE.X');
    expect(message).toContain(`areaCode: ${THIRD} is not in the area of a party to this agreement`);
    expect((await indicator({ title: 'Salah', type: 'quantitative', targetKind: 'process', areaCode: '32.75.99' })).json<ErrorBody>().error.message).toBe('areaCode: no area has the code 32.75.99');
    expect(await framework()).toEqual(before);

    const [flow, percent] = before.items[0]?.indicators ?? [];
    expect(flow).toMatchObject({ measure: 'unit', unit: 'orang', cumulative: false, ascending: true, targetKind: 'learning', baselineValue: 0 });
    expect(percent).toMatchObject({ measure: 'percentage', unit: '%', baselineNumerator: 120, baselineDenominator: 1000, areaCode: KSB, catalogueIndicatorCode: 'ACC.KAB.AMAN_PCT' });
    const addPeriod = (id: string, payload: Record<string, unknown>) => ksbOfficer.request({ method: 'POST', url: `/api/result-indicators/${id}/periods`, payload });
    flowPeriod = (await addPeriod(flow?.id ?? '', { periodStart: '2026-01-01', periodEnd: '2026-06-30', targetValue: 10 })).json<ResultPeriod>();
    percentPeriod = (await addPeriod(percent?.id ?? '', { periodStart: '2026-01-01', periodEnd: '2026-12-31', targetValue: 30 })).json<ResultPeriod>();
    expect(flowPeriod).toMatchObject({ targetValue: 10, locked: false, actual: { value: null, approvedUpdates: 0 }, targetReached: null });
    const overlap = await addPeriod(flow?.id ?? '', { periodStart: '2026-06-01', periodEnd: '2026-12-31' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json<ErrorBody>().error.message).toContain('overlaps the period 2026-01-01 – 2026-06-30');
    expect((await addPeriod(flow?.id ?? '', { periodStart: '2026-12-31', periodEnd: '2026-07-01' })).statusCode).toBe(400);
    expect((await thirdCoordinator.request({ method: 'POST', url: `/api/result-indicators/${flow?.id}/periods`, payload: { periodStart: '2027-01-01', periodEnd: '2027-06-30' } })).statusCode).toBe(403);
  });

  it('runs an update draft → submitted → returned → submitted → approved by the partner; only approval changes the actual', async () => {
    const draft = await ksbOfficer.request({ method: 'POST', url: `/api/result-periods/${flowPeriod.id}/updates`, payload: { value: 3, narrative: 'Tiga operator ikut bimtek', evidenceIds: [evidenceId] } });
    expect(draft.statusCode).toBe(201);
    const update = draft.json<ResultUpdate>();
    expect(update).toMatchObject({ status: 'draft', value: 3, evidenceIds: [evidenceId], createdBy: ksbOfficer.email, nextActions: ['submit'] });

    expect((await step(ksbOfficer, update.id, 'submit')).json<ResultUpdate>()).toMatchObject({ status: 'submitted', submittedBy: ksbOfficer.email });
    expect((await period(flowPeriod.id))?.actual.value).toBeNull();

    // Refused reviewers: the submitter's own party, a third region, the partner's data officer, and no comment to return.
    expect((await step(ksbCoordinator, update.id, 'approve')).json<ErrorBody>().error.message).toContain('your own party');
    expect((await step(thirdCoordinator, update.id, 'approve')).statusCode).toBe(403);
    expect((await step(bekasiOfficer, update.id, 'approve')).statusCode).toBe(403);
    expect((await step(ksbOfficer, update.id, 'approve')).statusCode).toBe(403);
    expect((await step(bekasiCoordinator, update.id, 'return')).json<ErrorBody>().error.message).toBe('comment: say what to revise when returning an update');

    const returned = (await step(bekasiCoordinator, update.id, 'return', 'Lampirkan daftar hadir; angkanya 4?')).json<ResultUpdate>();
    expect(returned).toMatchObject({ status: 'returned', reviewedBy: bekasiCoordinator.email, reviewComment: 'Lampirkan daftar hadir; angkanya 4?' });
    expect((await period(flowPeriod.id))?.actual.value).toBeNull();

    expect((await ksbOfficer.request({ method: 'PATCH', url: `/api/result-updates/${update.id}`, payload: { value: 4 } })).json<ResultUpdate>().value).toBe(4);
    expect((await step(ksbOfficer, update.id, 'submit')).json<ResultUpdate>().status).toBe('submitted');
    expect((await step(bekasiCoordinator, update.id, 'approve')).json<ResultUpdate>()).toMatchObject({ status: 'approved', nextActions: [] });
    expect((await period(flowPeriod.id))?.actual).toEqual({ value: 4, numerator: null, denominator: null, narrative: 'Tiga operator ikut bimtek', approvedUpdates: 1 });

    // Approved is final; a second approved update adds to a flow indicator.
    expect((await ksbOfficer.request({ method: 'PATCH', url: `/api/result-updates/${update.id}`, payload: { value: 40 } })).statusCode).toBe(409);
    expect((await step(bekasiCoordinator, update.id, 'return', 'x')).statusCode).toBe(409);
    const second = (await bekasiOfficer.request({ method: 'POST', url: `/api/result-periods/${flowPeriod.id}/updates`, payload: { value: 7 } })).json<ResultUpdate>();
    // A coordinator who submits cannot approve their own update; the other party's coordinator can.
    await step(bekasiCoordinator, second.id, 'submit');
    expect((await step(bekasiCoordinator, second.id, 'approve')).json<ErrorBody>().error.message).toBe('you submitted this update: another party must review it');
    expect((await step(ksbCoordinator, second.id, 'approve')).statusCode).toBe(200);
    expect(await period(flowPeriod.id)).toMatchObject({ actual: { value: 11, approvedUpdates: 2 }, targetReached: true, updateCounts: { approved: 2, draft: 0 } });

    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entity=result_update&id=${update.id}` })).json<{ items: AuditEntry[] }>();
    expect(audit.items.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps a percentage as numerator and denominator, names misplaced fields, and refuses an incomplete submit', async () => {
    const create = (payload: Record<string, unknown>) => ksbOfficer.request({ method: 'POST', url: `/api/result-periods/${percentPeriod.id}/updates`, payload });
    const wrong = await create({ value: 35, numerator: 1 });
    expect(wrong.json<ErrorBody>().error.message).toBe('value: a percentage is reported as numerator and denominator, not as a value; denominator: give both numerator and denominator');
    const empty = (await create({ narrative: 'belum ada angka' })).json<ResultUpdate>();
    expect((await step(ksbOfficer, empty.id, 'submit')).json<ErrorBody>().error.message).toBe('numerator: give numerator and denominator before submitting');
    const update = (await create({ numerator: 350, denominator: 1000, evidenceIds: ['00000000-0000-4000-8000-000000000000'] })).json<ErrorBody>();
    expect(update.error.message).toBe('evidenceIds[0]: no evidence has the id 00000000-0000-4000-8000-000000000000');
    const good = (await create({ numerator: 350, denominator: 1000 })).json<ResultUpdate>();
    await step(ksbOfficer, good.id, 'submit');
    await step(bekasiCoordinator, good.id, 'approve');
    expect(await period(percentPeriod.id)).toMatchObject({ actual: { value: 35, numerator: 350, denominator: 1000 }, targetReached: true });
  });

  it('refuses every change on a locked period, and lets it be unlocked', async () => {
    const draft = (await ksbOfficer.request({ method: 'POST', url: `/api/result-periods/${flowPeriod.id}/updates`, payload: { value: 1 } })).json<ResultUpdate>();
    const locked = await bekasiCoordinator.request({ method: 'PATCH', url: `/api/result-periods/${flowPeriod.id}`, payload: { locked: true } });
    expect(locked.json<ResultPeriod>().locked).toBe(true);
    const refused = await ksbOfficer.request({ method: 'POST', url: `/api/result-periods/${flowPeriod.id}/updates`, payload: { value: 2 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toBe('the period is locked: its updates can no longer change');
    expect((await step(ksbOfficer, draft.id, 'submit')).statusCode).toBe(409);
    expect((await ksbOfficer.request({ method: 'PATCH', url: `/api/result-updates/${draft.id}`, payload: { value: 5 } })).statusCode).toBe(409);
    const updates = (await context.app.inject({ method: 'GET', url: `/api/result-periods/${flowPeriod.id}/updates` })).json<{ items: ResultUpdate[] }>().items;
    expect(updates.map((item) => [item.status, item.value])).toEqual([
      ['approved', 4],
      ['approved', 7],
      ['draft', 1],
    ]);
    await bekasiCoordinator.request({ method: 'PATCH', url: `/api/result-periods/${flowPeriod.id}`, payload: { locked: false } });
    expect((await step(ksbOfficer, draft.id, 'submit')).statusCode).toBe(200);
  });

  it('reminds of a period that ended without an approved update (report due), and not of one that has one', async () => {
    const qualitative = (await framework()).items[0]?.indicators[2];
    const ended = (await ksbOfficer.request({ method: 'POST', url: `/api/result-indicators/${qualitative?.id}/periods`, payload: { periodStart: '2025-01-01', periodEnd: '2025-12-31' } })).json<ResultPeriod>();
    const reminders = (await context.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/programme/reminders` })).json<{ items: { kind: string; subjectId: string; dueDate: string }[] }>().items;
    expect(reminders.filter((item) => item.kind === 'report_due')).toEqual([expect.objectContaining({ subjectId: ended.id, dueDate: '2025-12-31' })]);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await ksbOfficer.request({ method: 'POST', url: '/api/result-periods/00000000-0000-4000-8000-000000000000/updates', payload: { value: 1 } })).statusCode).toBe(404);
    expect((await ksbOfficer.request({ method: 'POST', url: '/api/result-updates/not-a-uuid/transitions', payload: { action: 'submit' } })).statusCode).toBe(400);
    expect((await ksbOfficer.request({ method: 'POST', url: `/api/result-updates/${flowPeriod.id}/transitions`, payload: { action: 'publish' } })).statusCode).toBe(400);
  });
});
