import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../common/api/agreements.ts';
import type { Activity, Programme } from '../../common/api/programmes.ts';
import type { ResultsFramework, ResultUpdate } from '../../common/api/results.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { BEKASI, createAgreement, KSB } from '../../../test/support/programme-fixtures.ts';
import { samplePng } from '../../../test/support/sample-files.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

/** Kabupaten Lombok Barat and Kota Bogor: the two other regions the template is used for (example). */
const LOMBOK_BARAT = '52.01';
const BOGOR = '32.71';

describe.each(testEngines())('use as template copies the work plan and results framework on %s', (engine) => {
  let context: TestApp;
  let sourceId: string;
  let admin: SignedIn;

  beforeAll(async () => {
    context = await createTestApp(engine);
    admin = await signedInUser(context.app, ['admin'], 'kembar');
    const ksb = await signedInUser(context.app, ['data_officer'], KSB);
    const bekasi = await signedInUser(context.app, ['coordinator'], BEKASI);
    sourceId = await createAgreement(context.app, { title: 'Contoh twinning sumber (uji templat)', parties: [KSB, BEKASI], others: [{ code: 'forkalim', role: 'fasilitator' }] });
    const plan = async (payload: Record<string, unknown>) => (await ksb.request({ method: 'POST', url: `/api/agreements/${sourceId}/activities`, payload })).json<Activity>();
    const base = { hostOrganisationCode: BEKASI, participants: [{ organisationCode: KSB, female: 2, male: 3 }, { organisationCode: 'forkalim', female: 1, male: 0 }] };
    const done = await plan({
      ...base,
      type: 'study_visit',
      title: 'Kunjungan belajar',
      plannedStart: '2021-11-15',
      plannedEnd: '2021-11-17',
      status: 'done',
      actualStart: '2021-11-16',
      actualEnd: '2021-11-18',
      outputs: 'Rencana aksi',
      lessons: 'Jadwal penyedotan',
      budget: [{ source: 'apbd', organisationCode: KSB, planned: 30_000_000, actual: 28_500_000 }, { source: 'sponsor', organisationCode: 'unicef', planned: 5_000_000 }],
    });
    await ksb.request({ method: 'POST', url: `/api/activities/${done.id}/evidence?kind=photo&caption=Foto&fileName=foto.png`, payload: samplePng(), headers: { 'content-type': 'application/octet-stream' } });
    await plan({ ...base, type: 'training', title: 'Bimtek operator', plannedStart: '2022-02-01' });
    const cancelled = await plan({ ...base, type: 'webinar', title: 'Webinar batal', plannedStart: '2022-03-01' });
    await ksb.request({ method: 'PATCH', url: `/api/activities/${cancelled.id}`, payload: { status: 'cancelled' } });

    const framework = (await ksb.request({ method: 'POST', url: `/api/agreements/${sourceId}/results`, payload: { type: 'outcome', title: 'Akses sanitasi aman naik' } })).json<ResultsFramework>();
    const resultId = framework.items[0]?.id ?? '';
    const withIndicator = (
      await ksb.request({ method: 'POST', url: `/api/results/${resultId}/indicators`, payload: { title: 'KK akses aman', type: 'quantitative', measure: 'percentage', targetKind: 'performance', baselineYear: 2021, baselineNumerator: 10, baselineDenominator: 100, areaCode: KSB } })
    ).json<ResultsFramework>();
    const indicatorId = withIndicator.items[0]?.indicators[0]?.id ?? '';
    const period = (await ksb.request({ method: 'POST', url: `/api/result-indicators/${indicatorId}/periods`, payload: { periodStart: '2022-01-01', periodEnd: '2022-12-31', targetValue: 25 } })).json<{ id: string }>();
    const update = (await ksb.request({ method: 'POST', url: `/api/result-periods/${period.id}/updates`, payload: { numerator: 20, denominator: 100 } })).json<ResultUpdate>();
    await ksb.request({ method: 'POST', url: `/api/result-updates/${update.id}/transitions`, payload: { action: 'submit' } });
    await bekasi.request({ method: 'POST', url: `/api/result-updates/${update.id}/transitions`, payload: { action: 'approve' } });
  });
  afterAll(() => context.dispose());

  it('copies activities as planned (no actuals, no evidence, no cancelled ones) and the framework with targets but no updates', async () => {
    const response = await admin.request({ method: 'POST', url: `/api/agreements/${sourceId}/template`, payload: { parties: [LOMBOK_BARAT, BOGOR] } });
    expect(response.statusCode).toBe(201);
    const target = response.json<AgreementDetail>();
    expect(target.replicatedFromId).toBe(sourceId);

    const programme = (await admin.request({ method: 'GET', url: `/api/agreements/${target.id}/programme` })).json<Programme>();
    expect(programme).toMatchObject({ stage: 'identification', title: 'Contoh twinning sumber (uji templat) (replikasi)', activityCount: 2 });

    const activities = (await admin.request({ method: 'GET', url: `/api/agreements/${target.id}/activities` })).json<{ items: Activity[] }>().items;
    expect(activities.map((activity) => [activity.title, activity.status, activity.host.code, activity.actualStart, activity.actualEnd, activity.outputs, activity.lessons, activity.evidenceCount])).toEqual([
      ['Kunjungan belajar', 'planned', BOGOR, null, null, null, null, 0],
      ['Bimtek operator', 'planned', BOGOR, null, null, null, null, 0],
    ]);
    // Planned dates move forward by whole years so the plan does not start overdue.
    const [visit] = activities;
    expect(visit?.plannedStart.slice(5)).toBe('11-15');
    expect(Number(visit?.plannedStart.slice(0, 4))).toBeGreaterThan(2021);
    expect(visit?.displayStatus).toBe('planned');
    expect(visit?.participants.map((participant) => [participant.organisation.code, participant.female, participant.male]).sort()).toEqual([
      [LOMBOK_BARAT, 2, 3],
      ['forkalim', 1, 0],
    ]);
    expect(visit?.budget.map((line) => [line.source, line.organisation?.code, line.planned, line.actual])).toEqual([
      ['apbd', LOMBOK_BARAT, 30_000_000, null],
      ['sponsor', 'unicef', 5_000_000, null],
    ]);

    const framework = (await admin.request({ method: 'GET', url: `/api/agreements/${target.id}/results` })).json<ResultsFramework>();
    const indicator = framework.items[0]?.indicators[0];
    expect(framework.items.map((result) => [result.type, result.title])).toEqual([['outcome', 'Akses sanitasi aman naik']]);
    expect(indicator).toMatchObject({ measure: 'percentage', baselineYear: 2021, baselineNumerator: 10, baselineDenominator: 100, areaCode: LOMBOK_BARAT });
    expect(indicator?.periods).toHaveLength(1);
    expect(indicator?.periods[0]).toMatchObject({
      targetValue: 25,
      locked: false,
      actual: { value: null, numerator: null, denominator: null, approvedUpdates: 0 },
      updateCounts: { draft: 0, submitted: 0, returned: 0, approved: 0 },
    });

    // The source is untouched.
    const source = (await admin.request({ method: 'GET', url: `/api/agreements/${sourceId}/results` })).json<ResultsFramework>();
    expect(source.items[0]?.indicators[0]?.periods[0]?.actual).toMatchObject({ numerator: 20, denominator: 100, approvedUpdates: 1 });
  });
});
