import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../common/api/organisations.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import { signedInUser } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

describe.each(testEngines())('organisations on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  const list = async (query: string) => (await context.app.inject({ method: 'GET', url: `/api/organisations?${query}` })).json<{ items: Organisation[] }>().items;

  it('has the pemda of every province and kab/kota, coded by area code', async () => {
    expect(await list('kind=pemda&limit=200')).toHaveLength(200);
    const bekasi = await context.app.inject({ method: 'GET', url: '/api/organisations/32.75' });
    expect(bekasi.json()).toMatchObject({ code: '32.75', name: 'Pemerintah Kota Bekasi', kind: 'pemda', areaCode: '32.75', parentCode: null });
    const ntb = await context.app.inject({ method: 'GET', url: '/api/organisations/52' });
    expect(ntb.json<Organisation>().name).toBe('Pemerintah Provinsi Nusa Tenggara Barat');
  });

  it('has the national bodies of the founding case', async () => {
    const codes = (await list('limit=200')).filter((organisation) => organisation.areaCode === null).map((organisation) => organisation.code);
    expect(codes).toEqual(expect.arrayContaining(['forkalim', 'akkopsi', 'bappenas', 'kemenkes', 'kemen-pupr', 'unicef']));
  });

  it('finds organisations by name and by code, and by area', async () => {
    expect((await list('q=sumbawa%20barat'))[0]?.code).toBe('52.07');
    expect((await list('q=32.75')).map((organisation) => organisation.code)).toEqual(['32.75']);
    const inNtb = await list('area=52&limit=200');
    expect(inNtb.map((organisation) => organisation.code)).toEqual(expect.arrayContaining(['52', '52.07', '52.71']));
    expect(inNtb.every((organisation) => organisation.areaCode?.startsWith('52'))).toBe(true);
  });

  it('lets a coordinator add an OPD to their own pemda, which takes its area', async () => {
    const coordinator = await signedInUser(context.app, ['coordinator'], '52.07');
    const response = await coordinator.request({
      method: 'POST',
      url: '/api/organisations',
      payload: { code: 'dinkes-52-07', name: 'Dinas Kesehatan Kabupaten Sumbawa Barat', kind: 'opd', parentCode: '52.07' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ areaCode: '52.07', parentCode: '52.07', kind: 'opd' });
    const again = await coordinator.request({ method: 'POST', url: '/api/organisations', payload: { code: 'dinkes-52-07', name: 'Dinas lagi', kind: 'opd', parentCode: '52.07' } });
    expect(again.statusCode).toBe(409);
  });

  it('explains what is wrong with a bad organisation', async () => {
    const admin = await signedInUser(context.app, ['admin'], 'kembar');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ code: 'opd-x', name: 'Tanpa induk', kind: 'opd' }, /parentCode: an opd must name the pemda/],
      [{ code: 'opd-y', name: 'Induk salah', kind: 'opd', parentCode: 'forkalim' }, /parentCode: forkalim is a association, not a pemda/],
      [{ code: 'opd-z', name: 'Induk hilang', kind: 'opd', parentCode: '99.99' }, /parentCode: no organisation has the code 99.99/],
      [{ code: 'Bad Code!', name: 'Kode', kind: 'other' }, /body.code/],
    ];
    for (const [payload, message] of cases) {
      const response = await admin.request({ method: 'POST', url: '/api/organisations', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<ErrorBody>().error.message).toMatch(message);
    }
  });
});
