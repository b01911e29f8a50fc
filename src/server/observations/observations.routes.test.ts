import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../common/api/audit.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

const BEKASI_VILLAGE = '32.75.01.1001';

describe.each(testEngines())('indicators and observations on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '32.75');
  });
  afterAll(() => context.dispose());

  const save = (user: SignedIn, payload: Record<string, unknown>) => user.request({ method: 'PUT', url: '/api/observations', payload });
  const sheet = async (area: string, period: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>();

  it('lists the catalogue with all five STBM pillars, the SBS status and the sanitation ladder', async () => {
    const { items } = (await context.app.inject({ method: 'GET', url: '/api/indicators' })).json<{ items: Indicator[] }>();
    const codes = items.map((indicator) => indicator.code);
    expect(codes).toEqual(expect.arrayContaining(['STBM.DS.P1_AKSES_PCT', 'STBM.DS.PILAR_2_PCT', 'STBM.DS.PILAR_3_PCT', 'STBM.DS.PILAR_4_PCT', 'STBM.DS.PILAR_5_PCT', 'STBM.DS.SBS_STATUS', 'ACC.KAB.AMAN_PCT', 'ACC.KAB.BABS_TERBUKA_PCT']));
    const village = (await context.app.inject({ method: 'GET', url: '/api/indicators?level=village' })).json<{ items: Indicator[] }>().items;
    expect(village.every((indicator) => indicator.collectionLevel === 'village')).toBe(true);
    const aman = (await context.app.inject({ method: 'GET', url: '/api/indicators/ACC.KAB.AMAN_PCT' })).json<Indicator>();
    expect(aman.nationalTarget).toMatchObject({ value: 15, year: 2024 });
    expect((await context.app.inject({ method: 'GET', url: '/api/indicators/NOPE.X' })).statusCode).toBe(404);
  });

  it('saves a village sheet for a period, every measure kind, with who and when, audited', async () => {
    const response = await save(officer, {
      areaCode: BEKASI_VILLAGE,
      period: '202110',
      values: [
        { indicatorCode: 'STBM.DS.KK_TOTAL', value: 1200 },
        { indicatorCode: 'STBM.DS.P1_AKSES_PCT', numerator: 1150, denominator: 1200, comment: 'rekap puskesmas' },
        { indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'DEKLARASI_SBS' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const all = (await sheet(BEKASI_VILLAGE, '202110')).items;
    // Declared, not verified: the village status rules derive "not ODF, not a Desa STBM" beside the entries.
    expect(all.filter((item) => item.sourceKind === 'derived').map((item) => [item.indicatorCode, item.numerator, item.statusValue])).toEqual([
      ['STBM.DS.DESA_SBS_PCT', 0, null],
      ['STBM.DS.DESA_STBM_PCT', 0, null],
      ['STBM.DS.STBM_STATUS', null, 'TIDAK'],
    ]);
    const items = all.filter((item) => item.sourceKind !== 'derived');
    expect(items.map((item) => [item.indicatorCode, item.value, item.numerator, item.denominator, item.statusValue])).toEqual([
      ['STBM.DS.KK_TOTAL', 1200, null, null, null],
      ['STBM.DS.P1_AKSES_PCT', null, 1150, 1200, null],
      ['STBM.DS.SBS_STATUS', null, null, null, 'DEKLARASI_SBS'],
    ]);
    expect(items.every((item) => item.updatedBy === officer.email && item.sourceKind === 'routine' && item.status === 'submitted')).toBe(true);

    const admin = await signedInUser(context.app, ['admin'], 'kembar');
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entity=observation&id=${encodeURIComponent(`STBM.DS.KK_TOTAL|${BEKASI_VILLAGE}|202110|routine`)}` })).json<{ items: AuditEntry[] }>();
    expect(audit.items[0]).toMatchObject({ action: 'insert', actor: { email: officer.email }, after: { value: 1200 } });
  });

  it('keeps different sources of the same cell side by side, and clears a cell given no value', async () => {
    await save(officer, { areaCode: BEKASI_VILLAGE, period: '2021', sourceKind: 'routine', values: [{ indicatorCode: 'STBM.DS.KK_BABS', value: 12 }] });
    await save(officer, { areaCode: BEKASI_VILLAGE, period: '2021', sourceKind: 'verification', values: [{ indicatorCode: 'STBM.DS.KK_BABS', value: 0 }] });
    const entered = async () => (await sheet(BEKASI_VILLAGE, '2021')).items.filter((item) => item.sourceKind !== 'derived');
    expect((await entered()).map((item) => [item.sourceKind, item.value])).toEqual([['routine', 12], ['verification', 0]]);
    await save(officer, { areaCode: BEKASI_VILLAGE, period: '2021', sourceKind: 'routine', values: [{ indicatorCode: 'STBM.DS.KK_BABS', value: null }] });
    expect((await entered()).map((item) => item.sourceKind)).toEqual(['verification']);
  });

  it('names every bad entry and field, and writes nothing when any is bad', async () => {
    const response = await save(officer, {
      areaCode: BEKASI_VILLAGE,
      period: '202111',
      values: [
        { indicatorCode: 'STBM.DS.KK_TOTAL', value: 900 },
        { indicatorCode: 'NOPE.X', value: 1 },
        { indicatorCode: 'STBM.DS.P1_AKSES_PCT', numerator: 950, denominator: 900 },
        { indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'MERDEKA' },
        { indicatorCode: 'STBM.DS.KK_JSP', numerator: 1, denominator: 2 },
        { indicatorCode: 'ACC.KAB.AMAN_PCT', numerator: 1, denominator: 2 },
      ],
    });
    expect(response.statusCode).toBe(400);
    const message = response.json<ErrorBody>().error.message;
    expect(message).toContain('values[1] (NOPE.X): no indicator has this code');
    expect(message).toContain('values[2] (STBM.DS.P1_AKSES_PCT): numerator 950 is more than denominator 900');
    expect(message).toContain('values[3] (STBM.DS.SBS_STATUS): statusValue must be one of BELUM_PICU, TERPICU, DEKLARASI_SBS, SBS_TERVERIFIKASI');
    expect(message).toContain('values[4] (STBM.DS.KK_JSP): give value only');
    expect(message).toContain(`values[5] (ACC.KAB.AMAN_PCT): collected at regency level; ${BEKASI_VILLAGE} is a kelurahan`);
    expect((await sheet(BEKASI_VILLAGE, '202111')).items).toEqual([]);
  });

  it('refuses an unknown area, a bad period, and a village of another region', async () => {
    const unknown = await save(officer, { areaCode: '32.75.99.9999', period: '2021', values: [{ indicatorCode: 'STBM.DS.KK_TOTAL', value: 1 }] });
    expect(unknown.json<ErrorBody>().error.message).toBe('areaCode: no area has the code 32.75.99.9999');
    const badPeriod = await save(officer, { areaCode: BEKASI_VILLAGE, period: '2021Q5', values: [{ indicatorCode: 'STBM.DS.KK_TOTAL', value: 1 }] });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json<ErrorBody>().error.message).toMatch(/period/);
    const elsewhere = await save(officer, { areaCode: '52.07.02.2001', period: '2021', values: [{ indicatorCode: 'STBM.DS.KK_TOTAL', value: 1 }] });
    expect(elsewhere.statusCode).toBe(403);
    expect((await sheet('52.07.02.2001', '2021')).items).toEqual([]);
  });

  it('accepts a utilisation above 100% where the indicator allows it', async () => {
    const kabOfficer = await signedInUser(context.app, ['data_officer'], '32.75');
    const response = await save(kabOfficer, { areaCode: '32.75', period: '2023', values: [{ indicatorCode: 'ALD.KAB.IPLT_UTIL_PCT', numerator: 120, denominator: 100 }] });
    expect(response.statusCode).toBe(200);
  });
});
