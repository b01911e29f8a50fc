import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorBody } from '../../common/api/errors.ts';
import { tableRows, valuesTableSchema, type ValuesTable, type ValuesTableRow } from '../../common/api/values-table.ts';
import type { valuesSchema } from '../../common/api/values.ts';
import { signedInUser } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from '../auth/actor.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { upsertExampleObservations } from '../demo/example-observations.repo.ts';

type Values = z.infer<typeof valuesSchema>;
const P1 = 'STBM.DS.P1_AKSES_PCT';
const KK = 'STBM.DS.KK_TOTAL';
const SBS = 'STBM.DS.SBS_STATUS';
const AMAN = 'ACC.KAB.AMAN_PCT';
const INDICATORS = [P1, KK, SBS, AMAN];
const PERIODS = ['202301', '202302', '2023Q1', '2023', '2024'];
/** Areas whose children (or selves) the property compares: the nation, a province, a regency, a kecamatan, a village. */
const AREAS = ['ID', '52', '52.07', '52.07.02', '52.07.02.1004'];

describe.each(testEngines())('GET /api/values/table on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
    const officer = await signedInUser(context.app, ['data_officer'], '52');
    const writes: Array<[string, string, Array<Record<string, unknown>>]> = [
      ['52.07.02.1004', '202301', [{ indicatorCode: P1, numerator: 900, denominator: 1000 }, { indicatorCode: KK, value: 1000 }, { indicatorCode: SBS, statusValue: 'TERPICU' }]],
      ['52.07.02.1004', '202302', [{ indicatorCode: P1, numerator: 950, denominator: 1000 }]],
      ['52.07.02.2009', '202301', [{ indicatorCode: P1, numerator: 300, denominator: 600 }, { indicatorCode: KK, value: 600 }, { indicatorCode: SBS, statusValue: 'DEKLARASI_SBS' }]],
      ['52.07.01.2001', '202302', [{ indicatorCode: P1, numerator: 10, denominator: 40 }, { indicatorCode: KK, value: 40 }]],
      ['52.04.02.2001', '2023', [{ indicatorCode: P1, numerator: 7, denominator: 70 }]],
      ['52.07', '2023', [{ indicatorCode: AMAN, numerator: 1684, denominator: 10000 }]],
      ['52.07.02.2009', '2024', [{ indicatorCode: P1, numerator: 500, denominator: 600 }]],
    ];
    for (const [areaCode, period, values] of writes) {
      const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, values } });
      expect(response.statusCode, response.body).toBe(200);
    }
    // Example (demo) data beside the real figures in 2024, so cells partly of example data are compared too.
    const example = { value: null, numerator: null, denominator: null, statusValue: null };
    await inActorTransaction(context.database.db, systemContext('demo'), (trx) =>
      upsertExampleObservations(trx, [
        { ...example, indicatorCode: P1, areaCode: '52.07.02.1004', period: '2024', numerator: 80, denominator: 100 },
        { ...example, indicatorCode: KK, areaCode: '52.07.02.1004', period: '2024', value: 100 },
      ]),
    );
    await context.app.services.indicators.rebuildRollups();
  });
  afterAll(() => context.dispose());

  /** The answer, checked against its schema and its columnar layout, with its cells as rows. */
  const table = async (query: string): Promise<ValuesTable & { items: ValuesTableRow[] }> => {
    const response = await context.app.inject({ method: 'GET', url: `/api/values/table?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    const answer = valuesTableSchema.parse(response.json());
    expect(answer.series.map((series) => `${series.areaCode}|${series.indicator}`)).toEqual(answer.areas.flatMap((area) => answer.indicators.map((indicator) => `${area.code}|${indicator}`)));
    for (const series of answer.series) {
      for (const column of [series.value, series.numerator, series.denominator, series.statusCounts, series.reporting, series.coverage, series.origin, series.asOf, series.example, series.exampleReporting]) {
        expect(column).toHaveLength(answer.periods.length);
      }
    }
    return { ...answer, items: tableRows(answer) };
  };
  const failure = async (query: string) => {
    const response = await context.app.inject({ method: 'GET', url: `/api/values/table?${query}` });
    return { status: response.statusCode, message: response.statusCode >= 400 ? response.json<ErrorBody>().error.message : response.body };
  };

  it('answers every cell exactly as one GET /api/values per indicator and period does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...AREAS),
        fc.constantFrom('self' as const, 'children' as const),
        fc.subarray(INDICATORS, { minLength: 1 }),
        fc.subarray(PERIODS, { minLength: 1 }),
        async (area, by, indicators, periods) => {
          if (by === 'children' && area.split('.').length === 4) return; // a village has no children (tested below)
          const areaQuery = area === 'ID' ? '' : `&area=${area}`;
          const answer = await table(`indicators=${indicators.join(',')}&periods=${periods.join(',')}&by=${by}${areaQuery}`);
          expect(answer.indicators).toEqual(indicators);
          expect(answer.periods).toEqual(periods);
          const expected = [];
          for (const indicator of indicators) {
            for (const period of periods) {
              const single = (await context.app.inject({ method: 'GET', url: `/api/values?indicator=${indicator}&period=${period}&by=${by}${areaQuery}` })).json<Values>();
              expected.push(...single.items.map((item) => ({ ...item, indicator })));
            }
          }
          const key = (row: { areaCode: string; indicator: string; period: string }) => `${row.areaCode}|${row.indicator}|${row.period}`;
          const sorted = <T extends { areaCode: string; indicator: string; period: string }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
          expect(sorted(answer.items)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('reads the written figures, rolled up, with coverage and a month range', async () => {
    const answer = await table(`indicators=${P1},${SBS}&area=52.07&from=202301&to=202303`);
    expect(answer.area).toEqual({ code: '52.07', name: expect.any(String) });
    expect(answer.periods).toEqual(['202301', '202302', '202303']);
    const taliwang = answer.items.filter((row) => row.areaCode === '52.07.02' && row.indicator === P1);
    expect(taliwang.map((row) => [row.period, row.numerator, row.denominator, row.reporting])).toEqual([['202301', 1200, 1600, 2], ['202302', 950, 1000, 1], ['202303', null, null, 0]]);
    expect(taliwang[0]?.expected).toBeGreaterThan(2);
    expect(taliwang[0]?.coverage).toBeCloseTo(2 / (taliwang[0]?.expected ?? 1));
    const statuses = answer.items.find((row) => row.areaCode === '52.07.02' && row.indicator === SBS && row.period === '202301');
    expect(statuses?.statusCounts).toMatchObject({ TERPICU: 1, DEKLARASI_SBS: 1 });
    expect(answer.items.every((row) => row.example === false)).toBe(true);
    expect(new Set(answer.items.map((row) => row.areaCode)).size).toBe(answer.items.length / 6);
  });

  it('marks a figure that includes example data, and how many of its villages are example', async () => {
    const answer = await table(`indicators=${P1},${KK}&area=52&periods=2023,2024`);
    const ksb = (indicator: string, period: string) => answer.items.find((row) => row.areaCode === '52.07' && row.indicator === indicator && row.period === period);
    expect(ksb(P1, '2024')).toMatchObject({ numerator: 580, denominator: 700, reporting: 2, exampleReporting: 1, example: true, origin: 'aggregated' });
    expect(ksb(KK, '2024')).toMatchObject({ value: 100, reporting: 1, exampleReporting: 1, example: true });
    expect(ksb(P1, '2023')).toMatchObject({ reporting: 3, exampleReporting: 0, example: false });
  });

  it('names the unknown indicator, area or period, and enforces the limits', async () => {
    expect(await failure(`indicators=${P1},NOPE.X&periods=2023`)).toEqual({ status: 404, message: 'indicators: no indicator has the code NOPE.X' });
    expect(await failure(`indicators=${P1}&periods=2023&area=52.99`)).toMatchObject({ status: 404, message: expect.stringContaining('52.99') });
    expect(await failure(`indicators=${P1}&periods=2023,202313`)).toMatchObject({ status: 400, message: expect.stringContaining('"202313" is not a period') });
    expect(await failure(`indicators=${P1}&periods=2023,2023X1`)).toMatchObject({ status: 400, message: expect.stringContaining('2023X1') });
    expect((await failure(`indicators=${P1}&periods=2023&area=52.07.02.1004&by=children`)).message).toBe('by: 52.07.02.1004 is a village and has no children; use by=self');
    expect(await failure(`indicators=${P1}`)).toMatchObject({ status: 400, message: expect.stringContaining('periods') });
    expect((await failure(`indicators=${P1}&from=202301&to=2024`)).status).toBe(400);
    expect(await failure(`indicators=${P1}&from=201901&to=202501`)).toMatchObject({ status: 400, message: expect.stringContaining('more than 60') });
    expect((await table(`indicators=${P1}&from=202301&to=2024&periodType=quarterly&area=52.07&by=self`)).periods).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    const months = Array.from({ length: 61 }, (_, index) => `${2020 + Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, '0')}`);
    expect(await failure(`indicators=${P1}&periods=${months.join(',')}`)).toMatchObject({ status: 400, message: 'periods: 61 periods asked, at most 60 per call' });
    expect((await table(`indicators=${P1}&periods=${months.slice(0, 60).join(',')}&by=self`)).items).toHaveLength(60);
    const codes = Array.from({ length: 51 }, (_, index) => `X.${index}`);
    expect(await failure(`indicators=${codes.join(',')}&periods=2023`)).toMatchObject({ status: 400, message: 'indicators: 51 codes asked, at most 50 per call' });
  });
});
