import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditEntry } from '../../common/api/audit.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { ObservationEntry, ObservationSheet } from '../../common/api/observations.ts';
import type { valuesSchema } from '../../common/api/values.ts';
import { ancestorCodes } from '../../common/area-code.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from '../auth/actor.ts';
import { ObservationWriter } from '../imports/observation-writer.ts';

type Values = z.infer<typeof valuesSchema>;
const STBM = 'STBM.DS.STBM_STATUS';
const STBM_PCT = 'STBM.DS.DESA_STBM_PCT';
const SBS_PCT = 'STBM.DS.DESA_SBS_PCT';
/** Two villages of Kecamatan Taliwang (52.07.02), Kabupaten Sumbawa Barat: Menala and another. */
const MENALA = '52.07.02.1004';
const OTHER = '52.07.02.2001';

const pillars = (...percents: Array<number | null>) =>
  percents.map((percent, index) => ({ indicatorCode: `STBM.DS.PILAR_${index + 2}_PCT`, ...(percent === null ? { numerator: null, denominator: null } : { numerator: percent, denominator: 100 }) }));

describe.each(testEngines())('village statuses derived on write, on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '52.07');
  });
  afterAll(() => context.dispose());

  const save = async (areaCode: string, period: string, values: Array<Record<string, unknown>>) => {
    const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, values } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ObservationSheet>();
  };
  const value = async (indicator: string, area: string, period: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/values?indicator=${indicator}&area=${area}&period=${period}` })).json<Values>().items[0];

  it('derives Desa STBM and ODF for a village and counts them in every ancestor', async () => {
    const sheet = await save(MENALA, '2022', [
      { indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'SBS_TERVERIFIKASI' },
      { indicatorCode: 'STBM.DS.KK_TOTAL', value: 400 },
      { indicatorCode: 'STBM.DS.KK_BABS', value: 0 },
      ...pillars(80, 90, 75, 10),
    ]);
    const derived = sheet.items.filter((item) => item.sourceKind === 'derived').map((item) => [item.indicatorCode, item.statusValue, item.numerator, item.denominator]);
    expect(derived).toEqual([
      [SBS_PCT, null, 1, 1],
      [STBM_PCT, null, 1, 1],
      [STBM, 'YA', null, null],
    ]);
    await save(OTHER, '2022', [{ indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'SBS_TERVERIFIKASI' }, ...pillars(80, 74.9, 60, 10)]);
    for (const area of ['52.07.02', '52.07', '52', 'ID']) {
      const query = area === 'ID' ? '' : area;
      const stbm = area === 'ID' ? (await context.app.inject({ method: 'GET', url: `/api/values?indicator=${STBM_PCT}&period=2022` })).json<Values>().items[0] : await value(STBM_PCT, query, '2022');
      expect(stbm, area).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, reporting: 2 });
    }
    expect(await value(SBS_PCT, '52.07', '2022')).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(await value(STBM, '52.07.02', '2022')).toMatchObject({ value: 1, statusCounts: { TIDAK: 1, YA: 1 }, reporting: 2 });
  });

  it('keeps statuses consistent when pillar data changes or is cleared', async () => {
    await save(MENALA, '2022', pillars(80, 90, 74.9, 10));
    expect(await value(STBM, '52.07.02', '2022')).toMatchObject({ value: 0, statusCounts: { TIDAK: 2, YA: 0 } });
    expect(await value(STBM_PCT, '52.07', '2022')).toMatchObject({ numerator: 0, denominator: 2 });

    // One KK back to open defecation: 99.75% is not 100%, the village is no longer ODF either.
    await save(MENALA, '2022', [...pillars(80, 90, 75, 10), { indicatorCode: 'STBM.DS.KK_BABS', value: 1 }]);
    expect(await value(SBS_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await value(STBM_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 0, denominator: 2 });
    await save(MENALA, '2022', [{ indicatorCode: 'STBM.DS.KK_BABS', value: 0 }]);
    expect(await value(STBM_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 1, denominator: 2 });

    // Clearing the SBS status makes ODF unknown: the village is left out, not counted as "no"; with two
    // pillars below 75% it is still known not to be a Desa STBM.
    await save(OTHER, '2022', [{ indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: null }]);
    expect(await value(SBS_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 1, denominator: 1, reporting: 1 });
    expect(await value(STBM_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 1, denominator: 2, reporting: 2 });
    // Clearing the pillars too leaves nothing to decide on: every derived value of the village goes.
    await save(OTHER, '2022', pillars(null, null, null, null));
    expect(await value(STBM_PCT, '52.07.02', '2022')).toMatchObject({ numerator: 1, denominator: 1, reporting: 1 });
    expect(await value(STBM, '52.07', '2022')).toMatchObject({ statusCounts: { TIDAK: 0, YA: 1 }, reporting: 1 });
    const other = (await context.app.inject({ method: 'GET', url: `/api/observations?area=${OTHER}&period=2022` })).json<ObservationSheet>();
    expect(other.items.filter((item) => item.sourceKind === 'derived')).toEqual([]);
  });

  it('decides a year from a monthly SBS status and a yearly pillar survey together', async () => {
    await save(OTHER, '202303', [{ indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'SBS_TERVERIFIKASI' }]);
    await save(OTHER, '2023', pillars(90, 90, 90, null));
    expect(await value(STBM, OTHER, '2023')).toMatchObject({ statusCounts: { TIDAK: 0, YA: 1 } });
    // March alone has no pillar data: unknown, nothing stored; the quarter holds March's status too.
    expect(await value(STBM, OTHER, '202303')).toMatchObject({ value: null, reporting: 0 });
    expect(await value(SBS_PCT, OTHER, '202303')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(await value(SBS_PCT, '52.07', '2023Q1')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('refuses entering a derived indicator, naming it', async () => {
    const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode: MENALA, period: '2024', values: [{ indicatorCode: STBM, statusValue: 'YA' }] } });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.message).toBe(`values[0] (${STBM}): derived by rule from the SBS status, KK counts and pillar 2–5 shares; enter those instead`);
    const sourced = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode: MENALA, period: '2024', sourceKind: 'derived', values: [{ indicatorCode: 'STBM.DS.KK_TOTAL', value: 1 }] } });
    expect(sourced.statusCode).toBe(400);
  });

  it('derives statuses for imported rows too (the imports write through the same rollUp)', async () => {
    const writer = new ObservationWriter(context.database, context.app.services.indicators);
    const village = '52.07.08.2004';
    const rows = [
      { indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'SBS_TERVERIFIKASI' },
      ...pillars(90, 90, 90, 70).map((entry) => ({ indicatorCode: entry.indicatorCode, numerator: entry.numerator ?? null, denominator: entry.denominator ?? null })),
    ].map((entry, index) => ({ value: null, numerator: null, denominator: null, statusValue: null, ...entry, row: index + 2, column: entry.indicatorCode, areaCode: village, period: '2025', sourceKind: 'import' as const }));
    const outcome = await writer.write(systemContext('cli'), rows, { dryRun: false });
    expect(outcome.ok).toBe(true);
    expect(await value(STBM, village, '2025')).toMatchObject({ statusCounts: { TIDAK: 0, YA: 1 } });
    expect(await value(STBM_PCT, '52.07', '2025')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('derives each status from every input when writers save different inputs of the same village at the same time', async () => {
    const services = context.app.services;
    const cli = systemContext('cli');
    // Villages of two kecamatan of Sumbawa Barat, one each of two other kecamatan and of Aceh (11): every level is shared by some.
    const villages = ['52.07.02.1004', '52.07.02.2001', '52.07.02.2009', '52.07.01.2001', '52.07.01.2002', '52.07.08.2004', '52.01.01.1001', '11.01.01.2001'];
    const period = '202104';
    const saveInputs = (areaCode: string, values: ObservationEntry[]) => services.observations.save(cli, { areaCode, period, sourceKind: 'routine', values });
    const areas = ['ID', ...new Set(villages.flatMap((village) => ancestorCodes(village)))];
    const villagesUnder = (area: string) => villages.filter((village) => area === 'ID' || village.startsWith(`${area}.`)).length;
    for (let round = 0; round < 3; round += 1) {
      // Not a Desa STBM: not verified SBS, every pillar below 75%.
      await Promise.all(villages.map((village) => saveInputs(village, [{ indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'TERPICU' }, ...pillars(50, 50, 50, 50)])));
      // Four writers per village at once, each saving one input (they lock different rollup cells, so none waits for
      // another): only all four together make it a Desa STBM; a status derived without any one of them is TIDAK.
      for (const village of villages) {
        await Promise.all([saveInputs(village, [{ indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'SBS_TERVERIFIKASI' }]), ...pillars(80, 80, 80).map((pillar) => saveInputs(village, [pillar]))]);
      }
      // What was stored on write is what deriving every status from scratch gives: that changes nothing.
      expect(await services.indicators.rederiveVillageStatuses(cli), `round ${round}`).toBe(0);
      for (const target of [period, '2021Q2', '2021S1', '2021']) {
        for (const area of areas) {
          const [cell] = (await services.values.values({ indicator: STBM_PCT, ...(area === 'ID' ? {} : { area }), period: target, by: 'self' })).items;
          expect(cell, `round ${round}, ${area} ${target}`).toMatchObject({ numerator: villagesUnder(area), denominator: villagesUnder(area) });
        }
      }
    }
  }, 120_000); // dozens of writes and reads; slow on a loaded machine, not a timing assertion

  it('audits derived writes under the writer', async () => {
    const admin = await signedInUser(context.app, ['admin'], 'kembar');
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entity=observation&id=${encodeURIComponent(`${STBM}|${MENALA}|2022|derived`)}` })).json<{ items: AuditEntry[] }>();
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    expect(audit.items.at(-1)).toMatchObject({ action: 'insert', actor: { email: officer.email }, after: { status_value: 'YA', source_kind: 'derived' } });
  });
});
