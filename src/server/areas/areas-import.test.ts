import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/test-database.ts';
import { readAreaRelease, type AreaRelease, type SourceArea } from './area-source.ts';
import { AreasService } from './areas.service.ts';

describe('the installed area data', () => {
  it('holds 38 provinces, 514 kab/kota, 7,285 kecamatan and 83,762 desa/kelurahan, parents first', () => {
    const { areas, packageName } = readAreaRelease();
    expect(packageName).toBe('idn-area-data');
    const perLevel = [1, 2, 3, 4].map((level) => areas.filter((area) => area.level === level).length);
    expect(perLevel).toEqual([38, 514, 7285, 83762]);
    const seen = new Set<string>();
    for (const area of areas) {
      if (area.parentCode) expect(seen.has(area.parentCode), area.code).toBe(true);
      seen.add(area.code);
    }
  });

  it('tells 98 kota from 416 kabupaten', () => {
    const { areas } = readAreaRelease();
    expect(areas.filter((area) => area.kind === 'kota')).toHaveLength(98);
    expect(areas.filter((area) => area.kind === 'kabupaten')).toHaveLength(416);
  });
});

describe.each(testEngines())('re-applying the area data on %s', (engine) => {
  let context: TestDatabase;
  let service: AreasService;
  let original: AreaRelease;

  beforeAll(async () => {
    context = await createTestDatabase(engine);
    service = new AreasService(context.database);
    original = readAreaRelease();
    // Stands in for any later table that refers to areas (observations, agreements, …).
    await sql`CREATE TABLE village_note (village_code varchar(13) COLLATE "C" REFERENCES area (code), note text)`.execute(context.database.db);
    await sql`INSERT INTO village_note VALUES ('52.07.02.2001', 'baseline survey')`.execute(context.database.db);
  });
  afterAll(() => context.dispose());

  const edited = (edit: (areas: SourceArea[]) => SourceArea[]): AreaRelease => ({ ...original, areas: edit(original.areas.map((area) => ({ ...area }))) });
  const newVillage: SourceArea = { code: '52.07.02.2099', parentCode: '52.07.02', level: 4, kind: 'desa', name: 'Desa Percobaan' };

  it('changes nothing when the same release is applied again', async () => {
    const report = await service.importRelease(original);
    expect(report).toMatchObject({ total: 91599, added: [], renamed: [], removed: [], retired: [] });
  });

  it('adds, renames, removes, and retires what data still refers to', async () => {
    const release = edited((areas) =>
      [...areas, newVillage]
        .filter((area) => area.code !== '52.07.02.2001' && area.code !== '52.07.02.1004')
        .map((area) => (area.code === '52.07.08' ? { ...area, name: 'Maluk Baru' } : area)),
    );
    const report = await service.importRelease(release);
    expect(report.added).toEqual(['52.07.02.2099']);
    expect(report.renamed).toEqual([{ code: '52.07.08', from: 'Maluk', to: 'Maluk Baru' }]);
    expect(report.removed).toEqual(['52.07.02.1004']);
    expect(report.retired).toEqual(['52.07.02.2001']);

    const taliwang = await service.getArea('52.07.02');
    expect(taliwang.children.map((child) => child.code)).toContain('52.07.02.2099');
    expect(taliwang.children.map((child) => child.code)).not.toContain('52.07.02.2001');
    // The retired village is still there for the data that refers to it.
    expect((await service.getArea('52.07.02.2001')).name).toBeTruthy();
    await expect(service.getArea('52.07.02.1004')).rejects.toThrow(/No area/);
    expect((await service.search({ q: 'maluk baru', limit: 5 })).items[0]?.code).toBe('52.07.08');
  });

  it('restores everything when the original release is applied again', async () => {
    const report = await service.importRelease(original);
    expect(report.added).toEqual(['52.07.02.1004']);
    expect(report.renamed).toEqual([{ code: '52.07.08', from: 'Maluk Baru', to: 'Maluk' }]);
    expect(report.removed).toEqual(['52.07.02.2099']);
    expect((await service.getArea('52.07')).counts).toEqual({ districts: 8, villages: 65 });
  });

  it('reports a dry run without changing anything', async () => {
    const report = await service.importRelease(edited((areas) => [...areas, newVillage]), { dryRun: true });
    expect(report.added).toEqual(['52.07.02.2099']);
    await expect(service.getArea('52.07.02.2099')).rejects.toThrow(/No area/);
  });

  it('changes nothing at all when a release is broken part-way', async () => {
    const broken = edited((areas) => [{ ...newVillage }, ...areas.map((area) => (area.code === '52.07.01' ? { ...area, name: 'Jereweh Baru' } : area)), { ...newVillage }]);
    await expect(service.importRelease(broken)).rejects.toThrow();
    expect((await service.getArea('52.07.01')).name).toBe('Jereweh');
    await expect(service.getArea('52.07.02.2099')).rejects.toThrow(/No area/);
    expect((await service.currentSource())?.packageVersion).toBe(original.packageVersion);
  });
});
