import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../common/api/imports.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { systemContext } from '../auth/actor.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testEngines())('imports: household survey on %s', (engine) => {
  let context: TestApp;
  let ksbOfficer: SignedIn;
  let bekasiOfficer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    ksbOfficer = await signedInUser(context.app, ['data_officer'], '52.07');
    bekasiOfficer = await signedInUser(context.app, ['data_officer'], '32.75');
  });
  afterAll(() => context.dispose());

  async function importFile(user: SignedIn, body: Buffer, query: string, contentType = 'text/csv'): Promise<ImportJob> {
    const response = await user.request({ method: 'POST', url: `/api/imports?${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(response.statusCode, response.body).toBe(202);
    await context.app.services.imports.idle();
    return (await user.request({ method: 'GET', url: `/api/imports/${response.json<{ id: string }>().id}` })).json<ImportJob>();
  }
  const cells = async (area: string, period: string) =>
    new Map((await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>().items.map((item) => [item.indicatorCode, item]));
  const householdCount = async () => (await sql<{ count: number }>`SELECT count(*)::int AS count FROM household_record`.execute(context.database.db)).rows[0]?.count;

  it('aggregates a household CSV (villages by name within the officer\'s kabupaten) into village survey figures', async () => {
    const job = await importFile(ksbOfficer, fixture('household-ksb.csv'), 'format=household&fileName=household-ksb.csv');
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', processed: 30, total: 30 });
    expect(job.summary).toMatchObject({ households: 30, period: '2021', areas: 3 });
    // Goa holds every third household of the fixture (10): one is "tidak layak" for pillar 1, three for pillar 2.
    const goa = await cells('52.07.01.2001', '2021');
    expect(goa.get('STBM.DS.P1_AKSES_PCT')).toMatchObject({ numerator: 9, denominator: 10, sourceKind: 'survey' });
    expect(goa.get('STBM.DS.PILAR_2_PCT')).toMatchObject({ numerator: 7, denominator: 10 });
    expect(goa.has('STBM.DS.KK_JSP')).toBe(false); // "layak" says nothing about the latrine category
    expect(await householdCount()).toBe(30);
  });

  it('stores no names and no family-card numbers anywhere, only salted hashes', async () => {
    const records = (await sql<Record<string, unknown>>`SELECT * FROM household_record`.execute(context.database.db)).rows;
    const stored = JSON.stringify(records);
    expect(stored).not.toMatch(/5207990100000\d{3}/);
    expect(stored).not.toContain('Kepala Keluarga Contoh');
    expect(stored).not.toContain('Petugas');
    // Each No KK as SHA-256 over the installation's salt and its 16 digits: 32 bytes, nothing else.
    expect(records.every((record) => record.kk_hash instanceof Uint8Array && record.kk_hash.length === 32)).toBe(true);
    const salt = (await sql<{ value: string }>`SELECT value FROM installation_secret WHERE name = 'household_salt'`.execute(context.database.db)).rows[0]?.value ?? '';
    const first = createHash('sha256').update(Buffer.from(salt, 'hex')).update('5207990100000001').digest();
    expect(records.filter((record) => Buffer.from(record.kk_hash as Uint8Array).equals(first))).toHaveLength(1);
    const audit = JSON.stringify((await sql`SELECT * FROM audit_log`.execute(context.database.db)).rows);
    const jobs = JSON.stringify((await sql`SELECT * FROM import_job`.execute(context.database.db)).rows);
    for (const text of [audit, jobs]) {
      expect(text).not.toMatch(/5207990100000\d{3}/);
      expect(text).not.toContain('Kepala Keluarga Contoh');
    }
  });

  it('re-importing replaces the same households instead of counting them twice', async () => {
    const changed = fixture('household-ksb.csv').toString('utf8').replace('5207990100000001,Kepala Keluarga Contoh 1,Goa,001,002,3,3,layak,layak', '5207990100000001,Kepala Keluarga Contoh 1,Goa,001,002,3,3,tidak layak,layak');
    const job = await importFile(ksbOfficer, Buffer.from(changed), 'format=household');
    expect(job.status).toBe('succeeded');
    expect(await householdCount()).toBe(30);
    expect((await cells('52.07.01.2001', '2021')).get('STBM.DS.P1_AKSES_PCT')).toMatchObject({ numerator: 8, denominator: 10 });
    expect(job.summary).toMatchObject({ updated: 1 });
  });

  it('keeps each village\'s tallies equal to counts over its stored households as households change, move and are added', async () => {
    // Household 1 back to "layak" for pillar 2 (changed), household 2 from Belo to Goa (moved), household 31 new in Beru.
    const file = `${fixture('household-ksb.csv').toString('utf8').trimEnd().replace('5207990100000002,Kepala Keluarga Contoh 2,Belo,', '5207990100000002,Kepala Keluarga Contoh 2,Goa,')}
31,5207990100000031,Kepala Keluarga Contoh 31,Beru,001,001,2,2,tidak layak,,layak,ya,0,selesai,Petugas Contoh,05/08/2021
`;
    const job = await importFile(ksbOfficer, Buffer.from(file), 'format=household');
    expect(job.errors).toEqual([]);
    expect(await householdCount()).toBe(31);
    expect((await cells('52.07.01.2001', '2021')).get('STBM.DS.P1_AKSES_PCT')).toMatchObject({ numerator: 10, denominator: 11 });
    const tallyColumns = sql`households, pillar1, access, jsp, jssp, sharing, babs, yes_no, answered_2, met_2, answered_3, met_3, answered_4, met_4, answered_5, met_5`;
    const kept = await sql`SELECT province_code, period, village_code, ${tallyColumns} FROM household_village_tally ORDER BY village_code`.execute(context.database.db);
    const counted = await sql`
      SELECT province_code, period, village_code, ${tallyColumns} FROM (
        SELECT province_code, period, village_code, count(*)::int AS households, count(pillar_1)::int AS pillar1,
          count(*) FILTER (WHERE pillar_1 IN ('JSP', 'JSSP', 'SHARING', 'LAYAK'))::int AS access,
          count(*) FILTER (WHERE pillar_1 = 'JSP')::int AS jsp, count(*) FILTER (WHERE pillar_1 = 'JSSP')::int AS jssp,
          count(*) FILTER (WHERE pillar_1 = 'SHARING')::int AS sharing, count(*) FILTER (WHERE pillar_1 = 'BABS')::int AS babs,
          count(*) FILTER (WHERE pillar_1 IN ('LAYAK', 'TIDAK_LAYAK'))::int AS yes_no,
          count(pillar_2)::int AS answered_2, count(*) FILTER (WHERE pillar_2)::int AS met_2, count(pillar_3)::int AS answered_3, count(*) FILTER (WHERE pillar_3)::int AS met_3,
          count(pillar_4)::int AS answered_4, count(*) FILTER (WHERE pillar_4)::int AS met_4, count(pillar_5)::int AS answered_5, count(*) FILTER (WHERE pillar_5)::int AS met_5
        FROM household_record GROUP BY province_code, period, village_code
      ) counts ORDER BY village_code`.execute(context.database.db);
    expect(kept.rows).toHaveLength(3);
    expect(kept.rows).toEqual(counted.rows);
  });

  it('counts latrine categories when pillar 1 is given as JSP/JSSP/sharing (workbook with Kode Desa)', async () => {
    const job = await importFile(bekasiOfficer, fixture('household-bekasi.xlsx'), 'format=household', XLSX);
    expect(job.errors).toEqual([]);
    const bekasijaya = await cells('32.75.01.1001', '2022');
    expect(bekasijaya.get('STBM.DS.KK_JSP')?.value).toBe(8);
    expect(bekasijaya.get('STBM.DS.KK_JSSP')?.value).toBe(2);
    expect(bekasijaya.get('STBM.DS.KK_SHARING')?.value).toBe(2);
    expect(bekasijaya.get('STBM.DS.P1_AKSES_PCT')).toMatchObject({ numerator: 12, denominator: 12 });
  });

  it('names the problems of a broken household file and stores nothing', async () => {
    const before = await householdCount();
    const job = await importFile(ksbOfficer, fixture('household-broken.csv'), 'format=household');
    expect(job.status).toBe('failed');
    expect(job.errors.map((error) => `${error.row}|${error.column}|${error.message}`)).toEqual([
      '3|No KK|the No KK must be 16 digits',
      '4|No KK|the same No KK is already on row 2: give each household once',
      '5|Pilar 1|"mungkin" is not a pillar result: use layak / tidak layak (or ya / tidak, 1 / 0), or a latrine category JSP, JSSP, sharing, BABS',
      '5|Jumlah Jiwa|"empat" is not a number',
      '5|Tanggal|"31/02/2021" is not a date',
      '6|Kode Desa|32.75.01.1001 is outside the area of this import (52.07)',
    ]);
    expect(await householdCount()).toBe(before);
  });

  it('runs to the end for the CLI with progress reported, rows done of total', async () => {
    const seen: Array<[number, number]> = [];
    const job = await context.app.services.imports.run(
      systemContext('cli'),
      { bytes: fixture('household-ksb.csv'), fileName: 'household-ksb.csv' },
      { format: 'household', dryRun: true, area: '52.07' },
      (processed, total) => seen.push([processed, total]),
    );
    expect(job).toMatchObject({ status: 'succeeded', dryRun: true, processed: 30, total: 30 });
    expect(seen.at(-1)).toEqual([30, 30]);
    expect(seen.every(([processed, total], index) => processed <= total && (index === 0 || processed >= (seen[index - 1]?.[0] ?? 0)))).toBe(true);
  });
});
