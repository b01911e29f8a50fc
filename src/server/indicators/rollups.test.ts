import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ancestorCodes } from '../../common/area-code.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import type { valuesSchema } from '../../common/api/values.ts';
import { comparePeriods, contains } from '../../common/period.ts';
import type { z } from 'zod';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { aggregateOverAreas, preferredSource, type Cell } from './rollup-arithmetic.ts';

type Values = z.infer<typeof valuesSchema>;
const P1 = 'STBM.DS.P1_AKSES_PCT';
const KK = 'STBM.DS.KK_TOTAL';
const SBS = 'STBM.DS.SBS_STATUS';
/** A handful of villages in three kecamatan of Kabupaten Sumbawa Barat. */
const VILLAGES = ['52.07.01.2001', '52.07.01.2002', '52.07.02.1004', '52.07.02.2001', '52.07.02.2009', '52.07.08.2001', '52.07.08.2005'];
const MONTHS = Array.from({ length: 12 }, (_, index) => `2021${String(index + 1).padStart(2, '0')}`);
const PERIODS = [...MONTHS, '2021Q1', '2021Q2', '2021Q3', '2021Q4', '2021S1', '2021S2', '2021'];
const SOURCES = ['routine', 'verification'] as const;

describe.each(testEngines())('live rollups on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '52.07');
  });
  afterAll(() => context.dispose());

  const save = async (areaCode: string, period: string, sourceKind: string, values: Array<Record<string, unknown>>) => {
    const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, sourceKind, values } });
    expect(response.statusCode, response.body).toBe(200);
  };
  const values = async (query: string) => (await context.app.inject({ method: 'GET', url: `/api/values?${query}` })).json<Values>();

  it('shows a village value in its kecamatan, kabupaten, province and the nation as soon as it is saved', async () => {
    await save('52.07.02.1004', '202110', 'routine', [{ indicatorCode: P1, numerator: 900, denominator: 1000 }]);
    await save('52.07.02.1005', '202110', 'routine', [{ indicatorCode: P1, numerator: 1, denominator: 10 }]);
    const kab = await values(`indicator=${P1}&area=52.07&period=202110&by=children`);
    const taliwang = kab.items.find((item) => item.areaCode === '52.07.02');
    expect(taliwang).toMatchObject({ numerator: 901, denominator: 1010, reporting: 2, expected: 16, origin: 'aggregated' });
    expect(taliwang?.value).toBeCloseTo(0.892, 3);
    expect(taliwang?.coverage).toBeCloseTo(2 / 16);
    for (const area of ['52.07', '52', undefined]) {
      const [row] = (await values(`indicator=${P1}&period=202110${area ? `&area=${area}` : ''}`)).items;
      expect(row, String(area)).toMatchObject({ numerator: 901, denominator: 1010, reporting: 2 });
      expect(row?.asOf).toBeTruthy();
    }
    // October rolls into 2021Q4, 2021S2 and 2021 (a stock: the latest value counts).
    expect((await values(`indicator=${P1}&area=52.07&period=2021`)).items[0]).toMatchObject({ numerator: 901, denominator: 1010 });
    const series = (await context.app.inject({ method: 'GET', url: `/api/values/series?indicator=${P1}&area=52.07.02.1004` })).json<{ items: Array<{ period: string }> }>();
    // Ordered by start date, finer first on the same start.
    expect(series.items.map((item) => item.period)).toEqual(['2021', '2021S2', '202110', '2021Q4']);
  });

  it('keeps every ancestor equal to a from-scratch aggregation after random writes', async () => {
    const fresh = await createTestApp(engine);
    try {
      const writer = await signedInUser(fresh.app, ['data_officer'], '52.07');
      const write = fc.record({
        village: fc.constantFrom(...VILLAGES),
        period: fc.constantFrom(...MONTHS, '2021Q2', '2021'),
        source: fc.constantFrom(...SOURCES),
        kk: fc.option(fc.nat(2000), { nil: null, freq: 4 }),
        ratio: fc.option(fc.tuple(fc.nat(1000), fc.nat(1000)), { nil: null, freq: 4 }),
        status: fc.option(fc.constantFrom('TERPICU', 'SBS_TERVERIFIKASI'), { nil: null, freq: 4 }),
      });
      const writes = fc.sample(write, { numRuns: 40, seed: 2021 });
      const stored = new Map<string, Cell & { period: string; sourceKind: (typeof SOURCES)[number] }>();
      for (const w of writes) {
        const [numerator, denominator] = w.ratio ? [Math.min(...w.ratio), Math.max(...w.ratio)] : [null, null];
        const response = await writer.request({
          method: 'PUT',
          url: '/api/observations',
          payload: {
            areaCode: w.village,
            period: w.period,
            sourceKind: w.source,
            values: [
              { indicatorCode: KK, value: w.kk },
              { indicatorCode: P1, numerator, denominator },
              { indicatorCode: SBS, statusValue: w.status },
            ],
          },
        });
        expect(response.statusCode, response.body).toBe(200);
        const remember = (code: string, cell: Cell) => {
          const key = `${code}|${w.village}|${w.period}|${w.source}`;
          if (cell.value === null && cell.numerator === null && cell.statusValue === null) stored.delete(key);
          else stored.set(key, { ...cell, period: w.period, sourceKind: w.source });
        };
        remember(KK, { value: w.kk, numerator: null, denominator: null, statusValue: null });
        remember(P1, { value: null, numerator, denominator, statusValue: null });
        remember(SBS, { value: null, numerator: null, denominator: null, statusValue: w.status });
      }

      const catalogue = new Map((await fresh.app.services.indicators.list()).map((indicator) => [indicator.code, indicator]));
      const areas = [...new Set(VILLAGES.flatMap((village) => [village, ...ancestorCodes(village)])), 'ID'];
      let checked = 0;
      for (const code of [KK, P1, SBS]) {
        const indicator = catalogue.get(code) as Indicator;
        for (const period of PERIODS) {
          for (const area of areas) {
            const villageCells = VILLAGES.filter((village) => area === 'ID' || village === area || village.startsWith(`${area}.`))
              .map((village) => referenceCell(stored, code, village, period))
              .filter((cell): cell is Cell => cell !== null);
            const expected = aggregateOverAreas(indicator, villageCells);
            const [actual] = (await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${code}&period=${period}${area === 'ID' ? '' : `&area=${area}`}` })).json<Values>().items;
            const where = `${code} ${area} ${period}`;
            expect(actual?.reporting, where).toBe(expected.reporting);
            if (expected.reporting > 0) {
              expect({ value: actual?.value, numerator: actual?.numerator, denominator: actual?.denominator, statusCounts: actual?.statusCounts }, where).toEqual({
                value: expected.value,
                numerator: expected.numerator,
                denominator: expected.denominator,
                statusCounts: expected.statusCounts,
              });
            }
            checked += 1;
          }
        }
      }
      expect(checked).toBe(3 * PERIODS.length * areas.length);

      // The rebuild command recomputes the same figures from the observations.
      const before = await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${P1}&period=2021&area=52.07&by=children` });
      await fresh.app.services.indicators.rebuildRollups();
      const after = await fresh.app.inject({ method: 'GET', url: `/api/values?indicator=${P1}&period=2021&area=52.07&by=children` });
      const strip = (body: string) => JSON.parse(body, (key, value) => (key === 'asOf' ? null : value));
      expect(strip(after.body)).toEqual(strip(before.body));
    } finally {
      await fresh.dispose();
    }
  });
});

/**
 * The village's value for a period, straight from what was written: the preferred source of the
 * exact period, else the latest contained period's preferred source (all three indicators are stocks).
 */
function referenceCell(stored: Map<string, Cell & { period: string; sourceKind: (typeof SOURCES)[number] }>, code: string, village: string, period: string): Cell | null {
  const mine = [...stored.entries()].filter(([key]) => key.startsWith(`${code}|${village}|`)).map(([, cell]) => cell);
  const exact = preferredSource(mine.filter((cell) => cell.period === period));
  if (exact) return exact;
  const inside = mine.filter((cell) => cell.period !== period && contains(period, cell.period));
  const latestPeriod = [...new Set(inside.map((cell) => cell.period))].sort(comparePeriods).at(-1);
  return latestPeriod ? preferredSource(inside.filter((cell) => cell.period === latestPeriod)) : null;
}
