import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaDetail, AreaSearchResult } from '../../common/api/areas.ts';
import type { ErrorBody } from '../../common/api/errors.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

describe.each(testEngines())('areas API on %s', (engine) => {
  let context: TestApp;
  beforeAll(async () => {
    context = await createTestApp(engine);
  });
  afterAll(() => context.dispose());

  const get = async <T>(url: string) => {
    const response = await context.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json<T>() };
  };

  describe('GET /api/areas/{code}', () => {
    it('shows Kabupaten Sumbawa Barat with its 8 kecamatan and 65 villages', async () => {
      const { status, body } = await get<AreaDetail>('/api/areas/52.07');
      expect(status).toBe(200);
      expect(body).toMatchObject({ code: '52.07', name: 'Kabupaten Sumbawa Barat', level: 2, kind: 'kabupaten', parentCode: '52' });
      expect(body.ancestors).toEqual([{ code: '52', name: 'Nusa Tenggara Barat', kind: 'provinsi' }]);
      expect(body.children.map((child) => child.name)).toEqual(['Jereweh', 'Taliwang', 'Seteluk', 'Sekongkang', 'Brang Rea', 'Poto Tano', 'Brang Ene', 'Maluk']);
      expect(body.children.every((child) => child.kind === 'kecamatan')).toBe(true);
      expect(body.counts).toEqual({ districts: 8, villages: 65 });
    });

    it('shows Kota Bekasi as a kota with 12 kecamatan and 56 kelurahan', async () => {
      const { body } = await get<AreaDetail>('/api/areas/32.75');
      expect(body).toMatchObject({ name: 'Kota Bekasi', kind: 'kota' });
      expect(body.children).toHaveLength(12);
      expect(body.counts).toEqual({ districts: 12, villages: 56 });
    });

    it('shows a village with its whole breadcrumb and no children', async () => {
      const { body } = await get<AreaDetail>('/api/areas/52.07.02.2001');
      expect(body.level).toBe(4);
      expect(body.ancestors.map((ancestor) => ancestor.code)).toEqual(['52', '52.07', '52.07.02']);
      expect(body.ancestors[2]?.name).toBe('Taliwang');
      expect(body.children).toEqual([]);
      expect(body.counts).toEqual({ districts: 0, villages: 0 });
    });

    it('counts a province over all its kab/kota', async () => {
      const { body } = await get<AreaDetail>('/api/areas/52');
      expect(body.kind).toBe('provinsi');
      expect(body.parentCode).toBeNull();
      expect(body.children.length).toBe(10);
      expect(body.counts.districts).toBeGreaterThan(100);
    });

    it('answers 404 with the error body for an unknown code', async () => {
      const { status, body } = await get<ErrorBody>('/api/areas/99.99');
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain('99.99');
    });

    it.each(['52.7', 'taliwang', '52.07.02.20011', '52%2E07%2E'])('answers 400 for %s, which is not an area code', async (code) => {
      const { status, body } = await get<ErrorBody>(`/api/areas/${code}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toMatch(/code/);
    });
  });

  describe('GET /api/areas?q=', () => {
    it('finds the kecamatan Taliwang first', async () => {
      const { status, body } = await get<AreaSearchResult>('/api/areas?q=taliwang');
      expect(status).toBe(200);
      expect(body.items[0]).toEqual({ code: '52.07.02', name: 'Taliwang', kind: 'kecamatan', parentName: 'Kabupaten Sumbawa Barat' });
    });

    it('ignores case and punctuation, and the word Kabupaten', async () => {
      for (const q of ['SUMBAWA BARAT', 'sumbawa-barat', 'Kab. Sumbawa Barat', 'kabupaten sumbawa barat']) {
        const { body } = await get<AreaSearchResult>(`/api/areas?q=${encodeURIComponent(q)}`);
        expect(body.items[0]?.code, q).toBe('52.07');
      }
    });

    it('ranks exact, then prefix, then contains', async () => {
      const { body } = await get<AreaSearchResult>('/api/areas?q=bekasi&limit=50');
      const names = body.items.map((item) => item.name);
      expect(names.slice(0, 2).sort()).toEqual(['Kabupaten Bekasi', 'Kota Bekasi']);
      const firstContains = names.findIndex((name) => !/^(kota |kabupaten )?bekasi/i.test(name));
      const lastPrefix = names.map((name) => /^(kota |kabupaten )?bekasi/i.test(name)).lastIndexOf(true);
      expect(firstContains === -1 || lastPrefix < firstContains).toBe(true);
    });

    it('filters by level and honours the limit', async () => {
      const { body } = await get<AreaSearchResult>('/api/areas?q=barat&level=2&limit=5');
      expect(body.items).toHaveLength(5);
      for (const item of body.items) expect(['kabupaten', 'kota']).toContain(item.kind);
    });

    it('lists the 38 provinces when there is no query', async () => {
      const { body } = await get<AreaSearchResult>('/api/areas?level=1&limit=100');
      expect(body.items).toHaveLength(38);
      expect(body.items[0]).toMatchObject({ code: '11', kind: 'provinsi', parentName: null });
    });

    it('returns nothing, not an error, for a name that does not exist', async () => {
      const { status, body } = await get<AreaSearchResult>('/api/areas?q=atlantis');
      expect(status).toBe(200);
      expect(body.items).toEqual([]);
    });

    it.each(['level=5', 'level=abc', 'limit=0', 'limit=101'])('answers 400 naming the field for %s', async (query) => {
      const { status, body } = await get<ErrorBody>(`/api/areas?q=x&${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toContain(`querystring.${query.split('=')[0]}`);
    });
  });
});
