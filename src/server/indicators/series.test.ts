import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { seriesSchema, valuesSchema } from '../../common/api/values.ts';
import { signedInUser } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

type Values = z.infer<typeof valuesSchema>;
type Series = z.infer<typeof seriesSchema>;
const P1 = 'STBM.DS.P1_AKSES_PCT';
const KK = 'STBM.DS.KK_TOTAL';
const SBS = 'STBM.DS.SBS_STATUS';
const AMAN = 'ACC.KAB.AMAN_PCT';

describe.each(testEngines())('GET /api/values/series on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
    const officer = await signedInUser(context.app, ['data_officer'], '52');
    const writes: Array<[string, string, string, Array<Record<string, unknown>>]> = [
      ['52.07.02.1004', '202301', 'routine', [{ indicatorCode: P1, numerator: 900, denominator: 1000 }, { indicatorCode: KK, value: 1000 }, { indicatorCode: SBS, statusValue: 'TERPICU' }]],
      ['52.07.02.1004', '202302', 'routine', [{ indicatorCode: P1, numerator: 950, denominator: 1000 }]],
      ['52.07.02.1004', '202302', 'verification', [{ indicatorCode: P1, numerator: 940, denominator: 1000 }]],
      ['52.07.02.1004', '2023W10', 'routine', [{ indicatorCode: KK, value: 990 }]],
      ['52.07.02.2009', '202301', 'routine', [{ indicatorCode: P1, numerator: 300, denominator: 600 }, { indicatorCode: KK, value: 600 }, { indicatorCode: SBS, statusValue: 'DEKLARASI_SBS' }]],
      ['52.07.01.2001', '2022', 'routine', [{ indicatorCode: P1, numerator: 10, denominator: 40 }, { indicatorCode: KK, value: 40 }]],
      ['52.07', '2023', 'routine', [{ indicatorCode: AMAN, numerator: 1684, denominator: 10000 }]],
      ['52.07', '2023S1', 'routine', [{ indicatorCode: AMAN, numerator: 1500, denominator: 10000 }]],
    ];
    for (const [areaCode, period, sourceKind, values] of writes) {
      const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode, period, sourceKind, values } });
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  afterAll(() => context.dispose());

  const get = async <T>(url: string) => {
    const response = await context.app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('answers each period with data exactly as GET /api/values does for that period, oldest first', async () => {
    // A village and a kecamatan-level flow's regency (own cells, computed), their ancestors (stored), the nation, and an area below the collection level (none).
    const cases: Array<[string, string | undefined]> = [
      [P1, '52.07.02.1004'], [KK, '52.07.02.1004'], [SBS, '52.07.02.2009'], [P1, '52.07.02'], [KK, '52.07'], [SBS, '52'], [P1, undefined], [KK, undefined],
      [AMAN, '52.07'], [AMAN, '52'], [AMAN, undefined], [AMAN, '52.07.02'], [P1, '52.07.02.1005'],
    ];
    for (const [indicator, area] of cases) {
      const areaQuery = area === undefined ? '' : `&area=${area}`;
      const series = await get<Series>(`/api/values/series?indicator=${indicator}${areaQuery}`);
      expect(series).toMatchObject({ indicator, areaCode: area ?? 'ID' });
      const expected = [];
      for (const { period } of series.items) expected.push(...(await get<Values>(`/api/values?indicator=${indicator}&period=${period}${areaQuery}`)).items);
      expect(series.items, `${indicator} ${area}`).toEqual(expected);
    }
    const village = await get<Series>(`/api/values/series?indicator=${P1}&area=52.07.02.1004`);
    // Ordered by first day, finer first; February's verified value wins over the routine one (a stock: the latest month counts).
    expect(village.items.map((row) => [row.period, row.numerator])).toEqual([['202301', 900], ['2023Q1', 940], ['2023S1', 940], ['2023', 940], ['202302', 940]]);
    expect(village.items.every((row) => row.expected === 1 && row.coverage === 1 && row.origin === 'observed')).toBe(true);
    const weeks = await get<Series>(`/api/values/series?indicator=${KK}&area=52.07.02.1004`);
    expect(weeks.items.map((row) => row.period)).toContain('2023W10');
    expect((await get<Series>(`/api/values/series?indicator=${AMAN}&area=52.07.02`)).items).toEqual([]);
  });

  it('names an unknown indicator first, then a malformed or unknown area', async () => {
    const failure = async (query: string) => {
      const response = await context.app.inject({ method: 'GET', url: `/api/values/series?${query}` });
      return { status: response.statusCode, message: response.json<ErrorBody>().error.message };
    };
    expect(await failure('indicator=NOPE.X&area=52.99')).toEqual({ status: 404, message: 'No indicator has the code NOPE.X' });
    expect(await failure(`indicator=${P1}&area=52.99`)).toEqual({ status: 404, message: 'No area has the code 52.99' });
    expect((await failure(`indicator=${P1}&area=5207`)).status).toBe(400);
  });
});
