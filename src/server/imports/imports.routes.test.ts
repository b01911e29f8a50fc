import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../common/api/imports.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testEngines())('imports: STBM recap and template on %s', (engine) => {
  let context: TestApp;
  let ksbOfficer: SignedIn;
  let bekasiOfficer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    ksbOfficer = await signedInUser(context.app, ['data_officer'], '52.07');
    bekasiOfficer = await signedInUser(context.app, ['data_officer'], '32.75');
  });
  afterAll(() => context.dispose());

  /** Uploads a file and waits for its background job to finish; returns the finished job. */
  async function importFile(user: SignedIn, body: Buffer, query: string, contentType = 'application/octet-stream'): Promise<ImportJob> {
    const response = await user.request({ method: 'POST', url: `/api/imports?${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(response.statusCode, response.body).toBe(202);
    await context.app.services.imports.idle();
    const job = await user.request({ method: 'GET', url: `/api/imports/${response.json<{ id: string }>().id}` });
    expect(job.statusCode).toBe(200);
    return job.json<ImportJob>();
  }
  const sheet = async (area: string, period: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>().items;
  const kabupatenValue = async (indicator: string, area: string, period: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/values?indicator=${indicator}&area=${area}&period=${period}` })).json<{ items: Array<{ value: number | null; numerator: number | null; denominator: number | null }> }>().items[0];

  it('imports the KSB recap workbook: merged title rows, "1.234" thousands, Excel and dd/mm/yyyy dates, pillar percentages', async () => {
    const job = await importFile(ksbOfficer, fixture('stbm-recap-ksb.xlsx'), 'format=stbm-recap&fileName=stbm-recap-ksb.xlsx', XLSX);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', processed: 6, total: 6, period: '2017', fileName: 'stbm-recap-ksb.xlsx', areaCode: '52.07', createdBy: ksbOfficer.email });
    expect(job.summary).toMatchObject({ period: '2017', areas: 6, imported: job.summary?.rows, updated: 0 });
    const beru = await sheet('52.07.01.2003', '2017');
    const byCode = new Map(beru.map((item) => [item.indicatorCode, item]));
    expect(byCode.get('STBM.DS.KK_TOTAL')?.value).toBe(1234);
    expect(byCode.get('STBM.DS.KK_JSP')?.value).toBe(1010);
    expect(byCode.get('STBM.DS.P1_AKSES_PCT')).toMatchObject({ numerator: 1234, denominator: 1234, sourceKind: 'import' });
    expect(byCode.get('STBM.DS.SBS_STATUS')?.statusValue).toBe('SBS_TERVERIFIKASI');
    expect(byCode.get('STBM.DS.TERPICU')?.statusValue).toBe('YA');
    expect(byCode.get('STBM.DS.PILAR_2_PCT')?.numerator).toBeCloseTo(1234 * 0.9606, 6);
    const lalar = new Map((await sheet('52.07.02.2001', '2017')).map((item) => [item.indicatorCode, item]));
    expect(lalar.get('STBM.DS.SBS_STATUS')?.statusValue).toBe('TERPICU');
    expect(lalar.get('STBM.DS.KK_BABS')?.value).toBe(25);
    // Live rollup: the kabupaten's households are the sum of the six villages.
    expect((await kabupatenValue('STBM.DS.KK_TOTAL', '52.07', '2017'))?.value).toBe(412 + 389 + 1234 + 2310 + 1876 + 655);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const job = await importFile(ksbOfficer, fixture('stbm-recap-ksb.xlsx'), 'format=stbm-recap', XLSX);
    expect(job.status).toBe('succeeded');
    expect(job.summary).toMatchObject({ imported: 0, updated: 0, unchanged: job.summary?.rows });
  });

  it('imports a semicolon CSV with a byte-order mark and codes without dots, into the period asked for', async () => {
    const job = await importFile(bekasiOfficer, fixture('stbm-recap-bekasi.csv'), 'format=stbm-recap&period=2024', 'text/csv');
    expect(job.errors).toEqual([]);
    expect(job.summary).toMatchObject({ period: '2024', areas: 3 });
    const durenjaya = new Map((await sheet('32.75.01.1003', '2024')).map((item) => [item.indicatorCode, item]));
    expect(durenjaya.get('STBM.DS.KK_TOTAL')?.value).toBe(7215);
    expect(durenjaya.get('STBM.DS.SBS_STATUS')?.statusValue).toBe('TERPICU');
  });

  it('takes the file as a multipart form too, and refuses a body that is no file', async () => {
    const boundary = '----kembar-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rekap-bekasi.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      fixture('stbm-recap-bekasi.csv'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const job = await importFile(bekasiOfficer, body, 'format=stbm-recap&period=2022&dryRun=true', `multipart/form-data; boundary=${boundary}`);
    expect(job).toMatchObject({ status: 'succeeded', fileName: 'rekap-bekasi.csv', summary: { areas: 3, period: '2022' } });
    const json = await bekasiOfficer.request({ method: 'POST', url: '/api/imports?format=stbm-recap', payload: { kode_desa: '32.75.01.1001' } });
    expect(json.statusCode).toBe(400);
    expect(json.json<{ error: { message: string } }>().error.message).toContain('Send the file as the body');
  });

  it('a dry run reports what it would write and writes nothing', async () => {
    const job = await importFile(bekasiOfficer, fixture('stbm-recap-bekasi.csv'), 'format=stbm-recap&period=2023&dryRun=true', 'text/csv');
    expect(job).toMatchObject({ status: 'succeeded', dryRun: true, errors: [] });
    expect(job.summary?.imported).toBeGreaterThan(0);
    expect(await sheet('32.75.01.1001', '2023')).toEqual([]);
  });

  it('names every problem of a broken file by row and column, and writes nothing', async () => {
    const before = await sheet('52.07.01.2001', '2016');
    const job = await importFile(ksbOfficer, fixture('stbm-recap-broken.csv'), 'format=stbm-recap&period=2016', 'text/csv');
    expect(job.status).toBe('failed');
    const problems = job.errors.map((error) => `${error.row}|${error.column}|${error.message}`);
    expect(problems).toEqual([
      '4|Kode Desa|no area has the code 52.07.99.9999',
      '5|Jumlah KK|"dua ratus" is not a number',
      '6|Kode Desa|52.07.01.2001 is already on row 3: give each village once',
      '7|Kode Desa|32.75.01.1001 is outside the area of this import (52.07)',
      '8|Kode Desa|"ABC" is not a Kemendagri village code (like 52.07.02.2001)',
    ]);
    expect(job.summary).toMatchObject({ imported: 0, ignored: job.summary?.rows });
    expect(await sheet('52.07.01.2001', '2016')).toEqual(before);

    const csv = await ksbOfficer.request({ method: 'GET', url: `/api/imports/${job.id}/errors.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('5,Jumlah KK,"""dua ratus"" is not a number"');
    const xlsx = await ksbOfficer.request({ method: 'GET', url: `/api/imports/${job.id}/errors.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const rows = workbook.getWorksheet('Kesalahan')?.getSheetValues() ?? [];
    expect(rows.flat()).toContain('no area has the code 52.07.99.9999');
  });

  it('refuses a file for another region: a Kota Bekasi officer importing Sumbawa Barat villages gets a named error per row', async () => {
    const job = await importFile(bekasiOfficer, fixture('stbm-recap-ksb.xlsx'), 'format=stbm-recap', XLSX);
    expect(job.status).toBe('failed');
    expect(job.errors[0]).toMatchObject({ row: 5, column: 'Kode Desa', message: '52.07.01.2001 is outside the area of this import (32.75)' });
    expect(job.errorCount).toBe(6);
    const forbidden = await bekasiOfficer.request({ method: 'POST', url: '/api/imports?format=stbm-recap&area=52.07', payload: fixture('stbm-recap-ksb.xlsx'), headers: { 'content-type': XLSX } });
    expect(forbidden.statusCode).toBe(403);
    // Another region's officer cannot read this job either.
    expect((await ksbOfficer.request({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(403);
  });

  it('generates the Excel template for an area and imports it filled in', async () => {
    const download = await context.app.inject({ method: 'GET', url: '/api/imports/template?area=52.07.01&period=2025&set=stbm' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('templat-stbm-52.07.01-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(download.rawPayload).buffer);
    const data = workbook.getWorksheet('Data');
    expect(workbook.getWorksheet('_kembar')?.state).toBe('veryHidden');
    if (!data) throw new Error('no Data sheet');
    const header = Array.from({ length: data.getRow(3).cellCount + 1 }, (_, column) => (column === 0 ? '' : String(data.getCell(3, column).value)));
    const columnOf = (marker: string) => header.findIndex((text) => text.includes(`[${marker}]`));
    expect(data.getCell(4, 1).value).toBe('52.07.01.2001');
    expect(data.getCell(4, columnOf('STBM.DS.SBS_STATUS')).dataValidation).toMatchObject({ type: 'list' });
    expect(data.getCell(4, columnOf('STBM.DS.KK_TOTAL')).dataValidation).toMatchObject({ type: 'whole' });
    data.getCell(4, columnOf('STBM.DS.KK_TOTAL')).value = 420;
    data.getCell(4, columnOf('STBM.DS.SBS_STATUS')).value = 'SBS_TERVERIFIKASI';
    data.getCell(4, columnOf('STBM.DS.PILAR_2_PCT:num')).value = 380;
    data.getCell(4, columnOf('STBM.DS.PILAR_2_PCT:den')).value = 400;
    data.getCell(5, columnOf('STBM.DS.KK_TOTAL')).value = 'banyak';
    const broken = await importFile(ksbOfficer, Buffer.from(await workbook.xlsx.writeBuffer()), 'format=template', XLSX);
    expect(broken.errors).toEqual([{ row: 5, column: expect.any(String), message: 'STBM.DS.KK_TOTAL: "banyak" is not a number' }]);
    data.getCell(5, columnOf('STBM.DS.KK_TOTAL')).value = 390;
    const job = await importFile(ksbOfficer, Buffer.from(await workbook.xlsx.writeBuffer()), 'format=template', XLSX);
    expect(job.errors).toEqual([]);
    expect(job.summary).toMatchObject({ period: '2025', rows: 4, areas: 2 });
    const goa = new Map((await sheet('52.07.01.2001', '2025')).map((item) => [item.indicatorCode, item]));
    expect(goa.get('STBM.DS.PILAR_2_PCT')).toMatchObject({ numerator: 380, denominator: 400 });
    expect(goa.get('STBM.DS.SBS_STATUS')?.statusValue).toBe('SBS_TERVERIFIKASI');
  });
});
