import { describe, expect, it } from 'vitest';
import { parseDataValueSetCsv } from './dhis2-csv.ts';
import { Dhis2FormatError, placeOf, rowPlaceOf } from './dhis2-data-value.ts';
import { parseDataValueSetJson } from './dhis2-json.ts';

describe('DHIS2 JSON reader', () => {
  it('reads a bulk data value set: every value with its own period and orgUnit, all fields', () => {
    const { envelope, values } = parseDataValueSetJson(
      JSON.stringify({
        dataValues: [
          { dataElement: 'STBM.DS.KK_TOTAL', period: '202110', orgUnit: '52.07.02.2001', categoryOptionCombo: 'default', attributeOptionCombo: 'ROUTINE', value: '1200', storedBy: 'sanitarian01', created: '2021-11-01', lastUpdated: '2021-11-03', comment: ' rekap ', followup: false },
          { dataElement: 'STBM.DS.KK_BABS', period: '202110', orgUnit: '52.07.02.2002', value: 37, deleted: true },
        ],
      }),
    );
    expect(envelope.period).toBeNull();
    expect(values).toEqual([
      {
        index: 0, source: 'json', row: 1, dataElement: 'STBM.DS.KK_TOTAL', period: '202110', orgUnit: '52.07.02.2001', categoryOptionCombo: 'default', attributeOptionCombo: 'ROUTINE',
        value: '1200', storedBy: 'sanitarian01', created: '2021-11-01', lastUpdated: '2021-11-03', comment: 'rekap', followup: false, deleted: false,
      },
      {
        index: 1, source: 'json', row: 2, dataElement: 'STBM.DS.KK_BABS', period: '202110', orgUnit: '52.07.02.2002', categoryOptionCombo: null, attributeOptionCombo: null,
        value: '37', storedBy: null, created: null, lastUpdated: null, comment: null, followup: false, deleted: true,
      },
    ]);
  });

  it('applies the envelope period, orgUnit and attributeOptionCombo to every value, over the value’s own (as DHIS2 does)', () => {
    const { envelope, values } = parseDataValueSetJson(
      JSON.stringify({
        dataSet: 'STBM_BULANAN', completeDate: '2021-11-05', period: '202110', orgUnit: '52.07.02.2001', attributeOptionCombo: 'SURVEY',
        idScheme: 'code', orgUnitIdScheme: 'CODE', dryRun: true, strategy: 'UPDATE',
        dataValues: [{ dataElement: 'STBM.DS.KK_TOTAL', period: '2021', value: '5' }],
      }),
    );
    expect(envelope).toMatchObject({ dataSet: 'STBM_BULANAN', completeDate: '2021-11-05', idSchemes: { idScheme: 'code', orgUnitIdScheme: 'CODE' }, dryRun: true, strategy: 'UPDATE' });
    expect(values[0]).toMatchObject({ period: '202110', orgUnit: '52.07.02.2001', attributeOptionCombo: 'SURVEY' });
  });

  it('takes an empty object or an empty list as no values, ignores unknown keys and a byte-order mark', () => {
    expect(parseDataValueSetJson('{}').values).toEqual([]);
    expect(parseDataValueSetJson('\uFEFF{"dataValues": [], "extra": {"x": 1}}').values).toEqual([]);
    expect(parseDataValueSetJson('{"dataValues": null}').values).toEqual([]);
  });

  it('reads followup in either spelling and only "true" as true', () => {
    const { values } = parseDataValueSetJson('{"dataValues":[{"followUp":"TRUE"},{"followup":"yes"},{"deleted":"True"}]}');
    expect(values.map((value) => [value.followup, value.deleted])).toEqual([[true, false], [false, false], [false, true]]);
  });

  it.each([
    ['not JSON', '{"dataValues": [', /not valid JSON/],
    ['the line and column of a syntax error', '{\n  "dataValues": [\n    {"value": 1,}\n  ]\n}', /line 3, column \d+/],
    ['a list at the top', '[]', /one JSON object/],
    ['dataValues not a list', '{"dataValues": {"value": 1}}', /"dataValues" must be a list/],
    ['a value that is not an object', '{"dataValues": [{"value": "1"}, 7]}', /dataValues\[1\]: each data value must be an object/],
    ['a field that is an object', '{"dataValues": [{"value": {"n": 1}}]}', /dataValues\[0\]\.value: must be text or a number, not an object/],
    ['a field that is a list', '{"period": ["2021"], "dataValues": []}', /period: must be text or a number, not a list/],
    ['dryRun that is not a boolean', '{"dryRun": "yes", "dataValues": []}', /"dryRun" must be true or false/],
  ])('refuses %s, saying where', (_name, text, message) => {
    expect(() => parseDataValueSetJson(text)).toThrow(Dhis2FormatError);
    expect(() => parseDataValueSetJson(text)).toThrow(message);
  });
});

describe('DHIS2 CSV reader', () => {
  const header = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup,deleted';

  it('reads columns by position, whatever the header calls them, with line numbers as rows', () => {
    const csv = [
      '"de","pe","ou","co","ao","val","strby","lstupd","cmt","flwup"',
      '"STBM.DS.KK_TOTAL","202110","52.07.02.2001","default","ROUTINE","1200","sanitarian01","2021-11-03","rekap, desa",false',
      'STBM.DS.P1_AKSES_PCT,202110,52.07.02.2001,NUMERATOR,,1150,,,,true,true',
    ].join('\r\n');
    const { values } = parseDataValueSetCsv(csv);
    expect(values).toEqual([
      {
        index: 0, source: 'csv', row: 2, dataElement: 'STBM.DS.KK_TOTAL', period: '202110', orgUnit: '52.07.02.2001', categoryOptionCombo: 'default', attributeOptionCombo: 'ROUTINE',
        value: '1200', storedBy: 'sanitarian01', created: null, lastUpdated: '2021-11-03', comment: 'rekap, desa', followup: false, deleted: false,
      },
      {
        index: 1, source: 'csv', row: 3, dataElement: 'STBM.DS.P1_AKSES_PCT', period: '202110', orgUnit: '52.07.02.2001', categoryOptionCombo: 'NUMERATOR', attributeOptionCombo: null,
        value: '1150', storedBy: null, created: null, lastUpdated: null, comment: null, followup: true, deleted: true,
      },
    ]);
  });

  it('needs only the first three columns; missing trailing columns are empty', () => {
    const { values } = parseDataValueSetCsv(`${header}\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001`);
    expect(values[0]).toMatchObject({ dataElement: 'STBM.DS.KK_TOTAL', value: null, categoryOptionCombo: null, followup: false, deleted: false });
  });

  it('skips a header row it recognises, and keeps a first row of data when there is no header', () => {
    expect(parseDataValueSetCsv(`${header}\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5`).values.map((value) => value.row)).toEqual([2]);
    expect(parseDataValueSetCsv(`"data_element","periode","wilayah"\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5`).values).toHaveLength(1);
    const headless = parseDataValueSetCsv('STBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5\nSTBM.DS.KK_BABS,2021,52.07.02.2001,,,0');
    expect(headless.values.map((value) => [value.row, value.dataElement])).toEqual([[1, 'STBM.DS.KK_TOTAL'], [2, 'STBM.DS.KK_BABS']]);
  });

  it('obeys firstRowIsHeader when given, as DHIS2 does', () => {
    const data = 'STBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5\nSTBM.DS.KK_BABS,2021,52.07.02.2001,,,0';
    expect(parseDataValueSetCsv(data, { firstRowIsHeader: true }).values.map((value) => value.dataElement)).toEqual(['STBM.DS.KK_BABS']);
    expect(parseDataValueSetCsv(`${header}\n${data}`, { firstRowIsHeader: false }).values[0]?.dataElement).toBe('dataelement');
  });

  it('skips blank lines but counts them in row numbers, and reads an empty file as no values', () => {
    const { values } = parseDataValueSetCsv(`${header}\n\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5\n ,, \nSTBM.DS.KK_BABS,2021,52.07.02.2001,,,0\n`);
    expect(values.map((value) => [value.index, value.row])).toEqual([[0, 3], [1, 5]]);
    expect(parseDataValueSetCsv('').values).toEqual([]);
    expect(parseDataValueSetCsv(header).values).toEqual([]);
  });

  it('reads a file saved with semicolons by a spreadsheet set to Indonesian, and a byte-order mark', () => {
    const { values } = parseDataValueSetCsv('\uFEFFdataelement;period;orgunit;catoptcombo;attroptcombo;value\nSTBM.DS.KK_TOTAL;2021;52.07.02.2001;;;1200');
    expect(values[0]).toMatchObject({ dataElement: 'STBM.DS.KK_TOTAL', value: '1200' });
  });

  it('keeps quoted line breaks inside a comment and numbers the row by the line it ends on', () => {
    const { values } = parseDataValueSetCsv(`${header}\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5,,,"baris satu\nbaris dua"\nSTBM.DS.KK_BABS,2021,52.07.02.2001,,,0`);
    expect(values.map((value) => [value.comment, value.row])).toEqual([['baris satu\nbaris dua', 3], [null, 4]]);
  });

  it('refuses a file with an unclosed quote, naming the row', () => {
    const csv = `${header}\nSTBM.DS.KK_TOTAL,2021,52.07.02.2001,,,5\nSTBM.DS.KK_BABS,2021,52.07.02.2001,,,"0\n`;
    expect(() => parseDataValueSetCsv(csv)).toThrow(Dhis2FormatError);
    expect(() => parseDataValueSetCsv(csv)).toThrow(/row 3.*quoted cell is never closed|row \d+: a quoted cell is never closed/);
  });

  it('names places the way each reader numbers them', () => {
    expect(placeOf({ source: 'csv', row: 7, index: 5 }, 'categoryOptionCombo')).toBe('row 7, column categoryoptioncombo');
    expect(placeOf({ source: 'json', row: 6, index: 5 }, 'value')).toBe('dataValues[5].value');
    expect(rowPlaceOf({ source: 'csv', row: 7, index: 5 })).toBe('row 7');
    expect(rowPlaceOf({ source: 'json', row: 6, index: 5 })).toBe('dataValues[5]');
  });
});
