import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dhis2DataValueSetOut, Dhis2WebMessage } from '../../common/api/dhis2.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { PACKAGE_ROOT } from '../paths.ts';

const FIXTURES = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'dhis2');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const GOA = '52.07.01.2001';
const BELO = '52.07.01.2002';
const BEKASIJAYA = '32.75.01.1001';

describe.each(testEngines())('DHIS2 dataValueSets on %s', (engine) => {
  let context: TestApp;
  let officer: SignedIn;
  beforeAll(async () => {
    context = await createTestApp(engine);
    officer = await signedInUser(context.app, ['data_officer'], '52.07');
  });
  afterAll(() => context.dispose());

  const post = async (body: string, type: string, query = '', user = officer) => {
    const response = await user.request({ method: 'POST', url: `/api/dataValueSets${query}`, headers: { 'content-type': type }, payload: body });
    return { status: response.statusCode, message: response.json<Dhis2WebMessage>() };
  };
  const postJson = (body: unknown, query = '') => post(typeof body === 'string' ? body : JSON.stringify(body), 'application/json', query);
  // Values entered or imported; derived ones (village status rules) follow them and are not this feature's.
  const sheet = async (area: string, period = '202110') =>
    (await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>().items.filter((item) => item.sourceKind !== 'derived');
  const cells = async (area: string, period = '202110') => (await sheet(area, period)).map((item) => [item.indicatorCode, item.sourceKind, item.value, item.numerator, item.denominator, item.statusValue]);

  it('imports a DHIS2 JSON data value set with code ids and answers with DHIS2’s WebMessage and import summary', async () => {
    const { status, message } = await postJson(fixture('ksb-stbm-202110.json'));
    expect(status).toBe(200);
    expect(message).toMatchObject({ httpStatus: 'OK', httpStatusCode: 200, status: 'OK', message: 'Import was successful.' });
    expect(message.response).toMatchObject({
      responseType: 'ImportSummary', status: 'SUCCESS', description: 'Import process completed successfully',
      importCount: { imported: 13, updated: 0, ignored: 0, deleted: 0 }, conflicts: [], rejectedIndexes: [], dataSetComplete: 'false',
      importOptions: { idSchemes: { idScheme: 'CODE' }, dryRun: false, async: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' },
    });
    expect(await cells(GOA)).toEqual([
      ['STBM.DS.KK_BABS', 'import', 0, null, null, null],
      ['STBM.DS.KK_JSP', 'import', 640, null, null, null],
      ['STBM.DS.KK_JSSP', 'import', 121, null, null, null],
      ['STBM.DS.KK_SHARING', 'import', 51, null, null, null],
      ['STBM.DS.KK_TOTAL', 'import', 812, null, null, null],
      ['STBM.DS.P1_AKSES_PCT', 'import', null, 812, 812, null],
      ['STBM.DS.SBS_STATUS', 'verification', null, null, null, 'SBS_TERVERIFIKASI'],
    ]);
    expect((await sheet(GOA)).find((item) => item.indicatorCode === 'STBM.DS.KK_TOTAL')).toMatchObject({ comment: 'rekap bulanan puskesmas', updatedBy: officer.email });
    // Live rollup: the kecamatan's share of households with access is Σnum/Σden over its villages, at once.
    const values = (await context.app.inject({ method: 'GET', url: '/api/values?indicator=STBM.DS.P1_AKSES_PCT&area=52.07.01&period=202110' })).json<{ items: Array<{ numerator: number; denominator: number }> }>();
    expect(values.items[0]).toMatchObject({ numerator: 812 + 1007, denominator: 812 + 1034 });
  });

  it('imports DHIS2 CSV by column position (application/csv and text/csv), header row skipped', async () => {
    const { status, message } = await post(fixture('ksb-stbm-202110.csv'), 'application/csv');
    expect(status).toBe(200);
    expect(message.response.importCount).toEqual({ imported: 6, updated: 0, ignored: 0, deleted: 0 });
    expect(await cells(BELO)).toEqual([
      ['STBM.DS.KK_BABS', 'import', 12, null, null, null],
      ['STBM.DS.KK_TOTAL', 'import', 655, null, null, null],
      ['STBM.DS.P1_AKSES_PCT', 'import', null, 643, 655, null],
    ]);
    const again = await post(fixture('ksb-stbm-202110.csv'), 'text/csv; charset=utf-8');
    expect(again.message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 6, deleted: 0 });
  });

  it('counts a changed value as updated and an unchanged one as ignored, as DHIS2 does', async () => {
    const csv = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value\nSTBM.DS.KK_TOTAL,202110,52.07.01.2002,,,660\nSTBM.DS.KK_BABS,202110,52.07.01.2002,,,12';
    const { status, message } = await post(csv, 'application/csv');
    expect(status).toBe(200);
    expect(message.response.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 });
    expect((await sheet(BELO)).find((item) => item.indicatorCode === 'STBM.DS.KK_TOTAL')?.value).toBe(660);
  });

  it('names every conflict of a broken CSV by row and column, and writes nothing (atomicMode=ALL)', async () => {
    const before = await cells(BELO);
    const { status, message } = await post(fixture('ksb-stbm-202110-broken.csv'), 'application/csv');
    expect(status).toBe(409);
    expect(message).toMatchObject({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', message: 'An error occurred, please check import summary.' });
    expect(message.response).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, ignored: 6, deleted: 0 }, rejectedIndexes: [1, 2, 3, 4] });
    expect(message.response.conflicts.map((conflict) => [conflict.errorCode, conflict.object, conflict.indexes])).toEqual([
      ['E7612', '52.07.99.9999', [1]],
      ['E7610', 'STBM.DS.KK_JAMBAN', [2]],
      ['E7611', '2021-10', [3]],
      ['E7619', 'dua belas', [4]],
    ]);
    expect(message.response.conflicts.map((conflict) => conflict.value.split(':')[0])).toEqual(['row 3, column orgunit', 'row 4, column dataelement', 'row 5, column period', 'row 6, column value']);
    expect(message.response.description).toMatch(/4 of 6 data values have conflicts.*atomicMode=NONE to import the other 2/);
    expect(await cells(BELO)).toEqual(before);
  });

  it('with atomicMode=NONE imports the good values and ignores the rest (WARNING, 409), as DHIS2 does', async () => {
    const { status, message } = await post(fixture('ksb-stbm-202110-broken.csv'), 'application/csv', '?atomicMode=NONE');
    expect(status).toBe(409);
    expect(message).toMatchObject({ status: 'WARNING', message: 'One more conflicts encountered, please check import summary.' });
    expect(message.response.importCount).toEqual({ imported: 1, updated: 1, ignored: 4, deleted: 0 });
    expect((await sheet(BELO)).find((item) => item.indicatorCode === 'STBM.DS.KK_JSP')?.value).toBe(560);
  });

  it('checks every value against the catalogue: percentages in halves, statuses by code, levels', async () => {
    const { status, message } = await postJson({
      dataValues: [
        { dataElement: 'STBM.DS.P1_AKSES_PCT', period: '202111', orgUnit: GOA, value: '95.5' },
        { dataElement: 'STBM.DS.P1_AKSES_PCT', period: '202111', orgUnit: GOA, categoryOptionCombo: 'NUMERATOR', value: '900' },
        { dataElement: 'STBM.DS.P1_AKSES_PCT', period: '202111', orgUnit: GOA, categoryOptionCombo: 'DENOMINATOR', value: '812' },
        { dataElement: 'STBM.DS.SBS_STATUS', period: '202111', orgUnit: GOA, value: 'ODF' },
        { dataElement: 'ACC.KAB.AMAN_PCT', period: '2023', orgUnit: GOA, categoryOptionCombo: 'NUMERATOR', value: '1' },
        { dataElement: 'STBM.DS.KK_TOTAL', period: '202111', orgUnit: GOA, value: '812' },
        { dataElement: 'STBM.DS.KK_TOTAL', period: '202111', orgUnit: GOA, attributeOptionCombo: 'default', value: '813' },
      ],
    });
    expect(status).toBe(409);
    expect(message.response.conflicts.map((conflict) => [conflict.errorCode, conflict.indexes])).toEqual([
      ['E7630', [0]], ['E7619', [1, 2]], ['E7621', [3]], ['E7636', [4]], ['E5004', [6]],
    ]);
    expect(message.response.conflicts[1]?.value).toBe('dataValues[1] and dataValues[2]: NUMERATOR 900 is more than DENOMINATOR 812: STBM.DS.P1_AKSES_PCT is a share of its denominator');
    expect(await sheet(GOA, '202111')).toEqual([]);
  });

  it('keeps a data officer to their area: rows elsewhere are conflicts; a file all elsewhere is forbidden', async () => {
    const mixed = await postJson({ period: '202112', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: GOA, value: '1' }, { dataElement: 'STBM.DS.KK_TOTAL', orgUnit: BEKASIJAYA, value: '2' }] });
    expect(mixed.status).toBe(409);
    expect(mixed.message.response.conflicts).toEqual([
      expect.objectContaining({ errorCode: 'E7617', object: BEKASIJAYA, value: `dataValues[1].orgUnit: Organisation unit: \`${BEKASIJAYA}\` not in hierarchy of current user: \`${officer.email}\` (who may write in 52.07 only)` }),
    ]);
    const elsewhere = await officer.request({ method: 'POST', url: '/api/dataValueSets', payload: { period: '202112', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: BEKASIJAYA, value: '2' }] } });
    expect(elsewhere.statusCode).toBe(403);
    expect(await sheet(BEKASIJAYA, '202112')).toEqual([]);
    expect(await sheet(GOA, '202112')).toEqual([]);
  });

  it('counts but writes nothing in a dry run, deletes with importStrategy=DELETE or deleted=true', async () => {
    const values = { period: '2021', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: GOA, value: '800' }, { dataElement: 'STBM.DS.KK_BABS', orgUnit: GOA, value: '3' }] };
    expect((await postJson(values, '?dryRun=true')).message.response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 }, importOptions: { dryRun: true } });
    expect(await sheet(GOA, '2021')).toEqual([]);
    expect((await postJson(values)).message.response.importCount).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 });
    expect((await postJson({ ...values, dataValues: [{ ...values.dataValues[1], deleted: true }] })).message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 1 });
    expect((await postJson(values, '?importStrategy=DELETE')).message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 1 });
    expect(await sheet(GOA, '2021')).toEqual([]);
    expect((await postJson(values, '?importStrategy=UPDATE')).message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 2, deleted: 0 });
    expect((await postJson(values, '?importStrategy=CREATE')).message.response.importCount).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 });
  });

  it('refuses what it cannot honour, with DHIS2’s ERROR summary and the reason; nothing written', async () => {
    const values = { period: '2022', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: GOA, value: '800' }] };
    const uid = await postJson(values, '?idScheme=uid');
    expect(uid.status).toBe(409);
    expect(uid.message.response).toMatchObject({ status: 'ERROR', description: expect.stringMatching(/^The import process failed: idScheme=uid is not supported/) });
    expect((await postJson({ ...values, orgUnitIdScheme: 'NAME' })).message.response.description).toMatch(/orgUnitIdScheme=NAME is not supported/);
    expect((await postJson(values, '?async=true')).message.response.description).toMatch(/async=true is not supported/);
    expect((await postJson(values, '?importStrategy=MERGE')).message.response.description).toMatch(/importStrategy=MERGE is not an import strategy/);
    const broken = await postJson('{"dataValues": [\n  {"dataElement": "STBM.DS.KK_TOTAL",}\n]}');
    expect(broken.status).toBe(409);
    expect(broken.message.response.description).toMatch(/^The import process failed: The file is not valid JSON at line 2/);
    expect(await sheet(GOA, '2022')).toEqual([]);
    const xml = await officer.request({ method: 'POST', url: '/api/dataValueSets', headers: { 'content-type': 'application/xml' }, payload: '<dataValueSet/>' });
    expect(xml.statusCode).toBe(415);
  });

  it('takes a DHIS2 script’s personal access token header (Authorization: ApiToken …), no session or CSRF', async () => {
    const created = (await officer.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'dhis2 script', scope: 'read_write', expiresInDays: 1 } })).json<{ token: string }>();
    const csv = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value\nSTBM.DS.KK_TOTAL,2019,52.07.01.2001,,,790';
    const response = await context.app.inject({ method: 'POST', url: '/api/dataValueSets', headers: { authorization: `ApiToken ${created.token}`, 'content-type': 'application/csv' }, payload: csv });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Dhis2WebMessage>().response.importCount.imported).toBe(1);
    expect((await sheet(GOA, '2019'))[0]).toMatchObject({ value: 790, updatedBy: officer.email });
  });

  it('takes a data value set over the app’s 1 MB body limit', async () => {
    const big = JSON.stringify({ period: '2020', dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', orgUnit: GOA, value: '700' }] }, null, 0).replace('"dataValues"', `${' '.repeat(1_500_000)}"dataValues"`);
    const { status, message } = await postJson(big);
    expect(status).toBe(200);
    expect(message.response.importCount.imported).toBe(1);
  });

  it('exports DHIS2 JSON and CSV (public), and its export imports back unchanged (round trip)', async () => {
    const json = await context.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=52.07.01&children=true&period=202110' });
    expect(json.statusCode).toBe(200);
    const set = json.json<Dhis2DataValueSetOut>();
    const goaValues = set.dataValues.filter((value) => value.orgUnit === GOA);
    expect(goaValues.map((value) => [value.dataElement, value.categoryOptionCombo, value.attributeOptionCombo, value.value])).toEqual([
      ['STBM.DS.KK_TOTAL', 'default', 'default', '812'],
      ['STBM.DS.KK_JSP', 'default', 'default', '640'],
      ['STBM.DS.KK_JSSP', 'default', 'default', '121'],
      ['STBM.DS.KK_SHARING', 'default', 'default', '51'],
      ['STBM.DS.KK_BABS', 'default', 'default', '0'],
      ['STBM.DS.P1_AKSES_PCT', 'NUMERATOR', 'default', '812'],
      ['STBM.DS.P1_AKSES_PCT', 'DENOMINATOR', 'default', '812'],
      ['STBM.DS.SBS_STATUS', 'default', 'VERIFICATION', 'SBS_TERVERIFIKASI'],
    ]);
    const csv = await context.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=52.07.01&children=true&period=202110', headers: { accept: 'application/csv' } });
    expect(csv.headers['content-type']).toMatch(/^application\/csv/);
    expect(csv.body.split('\n')[0]).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted');
    const dotCsv = await context.app.inject({ method: 'GET', url: '/api/dataValueSets.csv?orgUnit=52.07.01&children=true&period=202110' });
    expect(dotCsv.body).toBe(csv.body);
    expect(csv.body.trim().split('\n')).toHaveLength(set.dataValues.length + 1);

    const before = await cells(GOA);
    const fromJson = await postJson(set);
    expect(fromJson.message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: set.dataValues.length, deleted: 0 });
    const fromCsv = await post(csv.body, 'application/csv');
    expect(fromCsv.message.response.importCount).toEqual({ imported: 0, updated: 0, ignored: set.dataValues.length, deleted: 0 });
    expect(await cells(GOA)).toEqual(before);
    // The same file with one figure corrected is an update of that one value.
    const corrected = csv.body.replace(`STBM.DS.KK_JSP,202110,${GOA},default,default,640,`, `STBM.DS.KK_JSP,202110,${GOA},default,default,641,`);
    expect((await post(corrected, 'application/csv')).message.response.importCount).toEqual({ imported: 0, updated: 1, ignored: set.dataValues.length - 1, deleted: 0 });
  });

  it('filters the export by dataElement, dates and orgUnit without children; refuses non-code schemes', async () => {
    const only = (await context.app.inject({ method: 'GET', url: `/api/dataValueSets.json?orgUnit=${GOA}&dataElement=STBM.DS.KK_TOTAL,STBM.DS.KK_BABS&startDate=2021-10-01&endDate=2021-10-31` })).json<Dhis2DataValueSetOut>();
    expect(only.dataValues.map((value) => [value.dataElement, value.period, value.value])).toEqual([['STBM.DS.KK_TOTAL', '202110', '812'], ['STBM.DS.KK_BABS', '202110', '0']]);
    expect((await context.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=52.07.01' })).json<Dhis2DataValueSetOut>().dataValues).toEqual([]);
    expect((await context.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=52.07.01&idScheme=uid' })).statusCode).toBe(409);
    expect((await context.app.inject({ method: 'GET', url: '/api/dataValueSets' })).statusCode).toBe(400);
    expect((await context.app.inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=52.07.99' })).statusCode).toBe(404);
  });
});
