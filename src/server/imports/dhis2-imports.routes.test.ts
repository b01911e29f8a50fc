import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../common/api/imports.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/dhis2');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** The dhis2-json and dhis2-csv formats of POST /api/imports: the same reading and checks, the import job's report. */
describe.each(testEngines())('imports: DHIS2 formats on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '52.07');
  });
  afterAll(() => context.dispose());

  async function importFile(body: Buffer | string, query: string, contentType: string): Promise<ImportJob> {
    const response = await officer.request({ method: 'POST', url: `/api/imports?${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(response.statusCode, response.body).toBe(202);
    await context.app.services.imports.idle();
    return (await officer.request({ method: 'GET', url: `/api/imports/${response.json<{ id: string }>().id}` })).json<ImportJob>();
  }
  const sheet = async (area: string, period = '202110') =>
    (await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>().items.filter((item) => item.sourceKind !== 'derived');

  it('imports a DHIS2 CSV file: a percentage’s two values make one observation', async () => {
    const job = await importFile(fixture('ksb-stbm-202110.csv'), 'format=dhis2-csv', 'text/csv');
    expect(job).toMatchObject({ status: 'succeeded', errors: [], total: 6, summary: { rows: 5, imported: 5, updated: 0 } });
    expect((await sheet('52.07.01.2002')).map((item) => [item.indicatorCode, item.value, item.numerator, item.denominator])).toEqual([
      ['STBM.DS.KK_BABS', 12, null, null],
      ['STBM.DS.KK_TOTAL', 655, null, null],
      ['STBM.DS.P1_AKSES_PCT', null, 643, 655],
    ]);
  });

  it('imports a DHIS2 JSON file (dry run first: nothing written)', async () => {
    const dry = await importFile(fixture('ksb-stbm-202110.json'), 'format=dhis2-json&dryRun=true', 'application/octet-stream');
    expect(dry).toMatchObject({ status: 'succeeded', dryRun: true, summary: { rows: 11, imported: 11 } });
    expect(await sheet('52.07.01.2001')).toEqual([]);
    const job = await importFile(fixture('ksb-stbm-202110.json'), 'format=dhis2-json', 'application/octet-stream');
    expect(job).toMatchObject({ status: 'succeeded', summary: { imported: 11 } });
    expect((await sheet('52.07.01.2001')).find((item) => item.indicatorCode === 'STBM.DS.SBS_STATUS')).toMatchObject({ statusValue: 'SBS_TERVERIFIKASI', sourceKind: 'verification' });
  });

  it('reports each problem of a broken file by row and DHIS2 column name, and writes nothing', async () => {
    const before = await sheet('52.07.01.2002');
    const job = await importFile(fixture('ksb-stbm-202110-broken.csv'), 'format=dhis2-csv', 'text/csv');
    expect(job.status).toBe('failed');
    expect(job.errors.map((error) => [error.row, error.column, error.message.split(':')[0]])).toEqual([
      [3, 'orgunit', 'Organisation unit not found or not accessible'],
      [4, 'dataelement', 'Data element not found or not accessible'],
      [5, 'period', 'Period not valid'],
      [6, 'value', "Value must match data element's `NUMBER` type constraints"],
    ]);
    expect(await sheet('52.07.01.2002')).toEqual(before);
  });

  it('keeps the file to the job’s area, and refuses an unreadable file as a whole (row 0)', async () => {
    const elsewhere = JSON.stringify({ period: '2024', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: '32.75.01.1001', value: '5' }] });
    const outside = await importFile(elsewhere, 'format=dhis2-json', 'application/octet-stream');
    expect(outside.errors).toEqual([{ row: 1, column: 'orgUnit', message: expect.stringMatching(/not in hierarchy of current user: .* \(who may write in 52\.07 only\)/) }]);
    const broken = await importFile('{"dataValues": [', 'format=dhis2-json', 'application/octet-stream');
    expect(broken.errors).toEqual([{ row: 0, column: '', message: expect.stringMatching(/^The file is not valid JSON/) }]);
    const uid = await importFile(JSON.stringify({ idScheme: 'uid', dataValues: [] }), 'format=dhis2-json', 'application/octet-stream');
    expect(uid.errors[0]?.message).toMatch(/idScheme=uid is not supported/);
  });
});
