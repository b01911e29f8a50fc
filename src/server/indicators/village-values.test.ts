import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AreaDetail } from '../../common/api/areas.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import type { valuesSchema } from '../../common/api/values.ts';
import { signedInUser } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

type Values = z.infer<typeof valuesSchema>;
const P1 = 'STBM.DS.P1_AKSES_PCT';

describe.each(testEngines())('GET /api/values?by=villages on %s', (engine) => {
  let context: TestApp;
  let taliwang: AreaDetail;
  beforeAll(async () => {
    context = await createTestApp(engine);
    const officer = await signedInUser(context.app, ['data_officer'], '52.07');
    for (const [village, numerator] of [['52.07.02.1004', 900], ['52.07.02.2009', 450]] as const) {
      const response = await officer.request({ method: 'PUT', url: '/api/observations', payload: { areaCode: village, period: '2023', values: [{ indicatorCode: P1, numerator, denominator: 1000 }] } });
      expect(response.statusCode, response.body).toBe(200);
    }
    taliwang = (await context.app.inject({ method: 'GET', url: '/api/areas/52.07.02' })).json<AreaDetail>();
  });
  afterAll(() => context.dispose());

  const get = (query: string) => context.app.inject({ method: 'GET', url: `/api/values?indicator=${P1}&period=2023&by=villages&${query}` });

  it('lists every village under the area, with or without data, a page at a time in code order', async () => {
    const first = (await get('area=52.07.02&limit=5')).json<Values>();
    expect(first.page).toEqual({ total: taliwang.counts.villages, limit: 5, offset: 0 });
    expect(first.items.map((item) => item.areaCode)).toEqual(taliwang.children.map((child) => child.code).sort().slice(0, 5));
    const menala = first.items.find((item) => item.areaCode === '52.07.02.1004');
    expect(menala).toMatchObject({ areaName: 'Menala', numerator: 900, denominator: 1000, value: 0.9, reporting: 1, expected: 1, coverage: 1, origin: 'observed', example: false });
    expect(menala?.asOf).toBeTruthy();
    const silent = first.items.find((item) => item.areaCode !== '52.07.02.1004');
    expect(silent).toMatchObject({ value: null, numerator: null, reporting: 0, coverage: 0, origin: null, asOf: null });

    const pages: string[] = [];
    for (let offset = 0; offset < taliwang.counts.villages; offset += 5) pages.push(...(await get(`area=52.07.02&limit=5&offset=${offset}`)).json<Values>().items.map((item) => item.areaCode));
    expect(pages).toEqual(taliwang.children.map((child) => child.code).sort());
    expect((await get(`area=52.07.02&offset=${taliwang.counts.villages}`)).json<Values>().items).toEqual([]);
  });

  it('pages through a whole regency and the nation', async () => {
    const kab = (await get('area=52.07&limit=100')).json<Values>();
    expect(kab.page?.total).toBe(65);
    expect(kab.items.filter((item) => item.reporting > 0).map((item) => [item.areaCode, item.numerator])).toEqual([['52.07.02.1004', 900], ['52.07.02.2009', 450]]);
    const nation = (await get('limit=3&offset=1000')).json<Values>();
    expect(nation.page?.total).toBeGreaterThan(80_000);
    expect(nation.items).toHaveLength(3);
  });

  it('says what is wrong: unknown area, a village, an indicator not collected at villages, a bad page', async () => {
    const unknown = await get('area=52.07.99');
    expect(unknown.statusCode).toBe(404);
    const village = await get('area=52.07.02.1004');
    expect(village.statusCode).toBe(400);
    expect(village.json<ErrorBody>().error.message).toBe('by: 52.07.02.1004 is a village; use by=self');
    const regency = await context.app.inject({ method: 'GET', url: '/api/values?indicator=ACC.KAB.AMAN_PCT&area=52.07&period=2023&by=villages' });
    expect(regency.statusCode).toBe(400);
    expect(regency.json<ErrorBody>().error.message).toMatch(/ACC\.KAB\.AMAN_PCT is collected at regency level/);
    const none = await context.app.inject({ method: 'GET', url: '/api/values?indicator=ACC.KAB.AMAN_PCT&area=52.07' });
    expect(none.statusCode).toBe(404);
    expect(none.json<ErrorBody>().error.message).toBe('ACC.KAB.AMAN_PCT has no value for 52.07 in any period yet; name a period to see which areas reported');
    expect((await context.app.inject({ method: 'GET', url: `/api/values?indicator=${P1}&area=52.07.02&by=villages&limit=1` })).json<Values>().period).toBe('2023');
    expect((await get('area=52.07&limit=0')).statusCode).toBe(400);
    expect((await get('area=52.07&limit=1001')).statusCode).toBe(400);
    expect((await get('area=52.07&offset=-1')).statusCode).toBe(400);
  });
});
