import { describe, expect, it } from 'vitest';
import type { ImportConflict, ImportStrategy } from '../../common/api/dhis2.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { INDICATOR_CATALOGUE } from '../indicators/catalogue.ts';
import { assembleCells, outcomeOf, rawCellKey, type PlannedCell, type StoredCell } from './dhis2-cells.ts';
import type { Dhis2DataValue } from './dhis2-data-value.ts';
import { checkDataValue, type CheckContext, type CheckedValue } from './dhis2-values.ts';

const VILLAGE = '52.07.02.2001';
const OTHER_VILLAGE = '32.75.01.1001';
const indicators = new Map<string, Indicator>(INDICATOR_CATALOGUE.map((indicator) => [indicator.code, indicator]));
const areas = new Map([
  [VILLAGE, { level: 4, retired: false }],
  [OTHER_VILLAGE, { level: 4, retired: false }],
  ['52.07', { level: 2, retired: false }],
  ['52.07.02.2999', { level: 4, retired: true }],
]);

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return { indicators, areas, strategy: 'CREATE_AND_UPDATE', mayWrite: (code) => code.startsWith('52.07'), caller: 'officer@ksb.example', ...overrides };
}

let nextIndex = 0;
function dataValue(fields: Partial<Dhis2DataValue>, source: 'csv' | 'json' = 'csv'): Dhis2DataValue {
  const index = fields.index ?? nextIndex++;
  return {
    index, source, row: source === 'csv' ? index + 2 : index + 1,
    dataElement: 'STBM.DS.KK_TOTAL', period: '202110', orgUnit: VILLAGE, categoryOptionCombo: null, attributeOptionCombo: null,
    value: '1200', storedBy: null, created: null, lastUpdated: null, comment: null, followup: false, deleted: false,
    ...fields,
  };
}

function conflictOf(fields: Partial<Dhis2DataValue>, overrides: Partial<CheckContext> = {}): ImportConflict {
  const result = checkDataValue(dataValue(fields), context(overrides));
  if (result.ok) throw new Error('expected a conflict');
  return result.conflict;
}

function checked(fields: Partial<Dhis2DataValue>, overrides: Partial<CheckContext> = {}): CheckedValue {
  const result = checkDataValue(dataValue(fields), context(overrides));
  if (!result.ok) throw new Error(result.conflict.value);
  return result.value;
}

describe('checking a DHIS2 data value', () => {
  it('reads a count: indicator, area, period, default source kind import', () => {
    expect(checked({ value: '1200', comment: 'rekap' })).toMatchObject({ areaCode: VILLAGE, period: '202110', sourceKind: 'import', part: null, number: 1200, statusValue: null, comment: 'rekap', remove: false });
  });

  it.each([
    [null, 'import'], ['default', 'import'], ['DEFAULT', 'import'], ['IMPORT', 'import'], ['ROUTINE', 'routine'], ['survey', 'survey'], ['Verification', 'verification'],
  ])('reads attributeOptionCombo %s as source kind %s', (attributeOptionCombo, sourceKind) => {
    expect(checked({ attributeOptionCombo }).sourceKind).toBe(sourceKind);
  });

  it.each(['0', '12.5', '+3', '1e3', '.5'])('accepts the number %s', (value) => {
    expect(checked({ value }).number).toBe(Number(value));
  });

  it('reads a status by its code, in any case', () => {
    expect(checked({ dataElement: 'STBM.DS.SBS_STATUS', value: 'sbs_terverifikasi' })).toMatchObject({ statusValue: 'SBS_TERVERIFIKASI', number: null });
  });

  it('reads the halves of a percentage', () => {
    expect(checked({ dataElement: 'STBM.DS.P1_AKSES_PCT', categoryOptionCombo: 'numerator', value: '1150' })).toMatchObject({ part: 'NUMERATOR', number: 1150 });
    expect(checked({ dataElement: 'STBM.DS.P1_AKSES_PCT', categoryOptionCombo: 'DENOMINATOR', value: '1200' })).toMatchObject({ part: 'DENOMINATOR', number: 1200 });
  });

  it('reads a deleted value, or any value under importStrategy=DELETE, as a removal needing no value', () => {
    expect(checked({ value: null, deleted: true })).toMatchObject({ remove: true, number: null });
    expect(checked({ value: 'whatever' }, { strategy: 'DELETE' })).toMatchObject({ remove: true, number: null });
  });

  it.each<[string, Partial<Dhis2DataValue>, Partial<CheckContext>, string, string, RegExp]>([
    ['an unknown data element', { dataElement: 'NOPE.X' }, {}, 'E7610', 'dataElement', /^row \d+, column dataelement: Data element not found or not accessible: `NOPE\.X`/],
    ['an empty data element', { dataElement: null }, {}, 'E7610', 'dataElement', /Data element not found or not accessible: ``/],
    ['a bad period', { period: '2021Q5' }, {}, 'E7611', 'period', /column period: Period not valid: `2021Q5` \(use 2021, 2021S2/],
    ['a DHIS2 period type Kembar does not keep', { period: '2021April' }, {}, 'E7611', 'period', /Period not valid: `2021April`/],
    ['an unknown area', { orgUnit: '52.07.99.9999' }, {}, 'E7612', 'orgUnit', /column orgunit: Organisation unit not found or not accessible: `52\.07\.99\.9999`/],
    ['a retired area', { orgUnit: '52.07.02.2999' }, {}, 'E7612', 'orgUnit', /is no longer a current area code/],
    ['an area outside the caller’s', { orgUnit: OTHER_VILLAGE }, {}, 'E7617', 'orgUnit', /Organisation unit: `32\.75\.01\.1001` not in hierarchy of current user: `officer@ksb\.example`/],
    ['an indicator at the wrong level', { orgUnit: '52.07' }, {}, 'E7636', 'orgUnit', /`STBM\.DS\.KK_TOTAL` is collected at village level; `52\.07` is a kabupaten\/kota/],
    ['an unknown attribute option combo', { attributeOptionCombo: 'PARTNER_X' }, {}, 'E7615', 'attributeOptionCombo', /`PARTNER_X` \(use default, ROUTINE, SURVEY, VERIFICATION or IMPORT\)/],
    ['a percentage without NUMERATOR/DENOMINATOR', { dataElement: 'STBM.DS.P1_AKSES_PCT', value: '95.8' }, {}, 'E7630', 'categoryOptionCombo', /is a percentage, stored as numerator and denominator; send two values with categoryOptionCombo NUMERATOR/],
    ['a percentage with another combo', { dataElement: 'STBM.DS.P1_AKSES_PCT', categoryOptionCombo: 'PERMANEN' }, {}, 'E7613', 'categoryOptionCombo', /`PERMANEN` \(send two values/],
    ['a count with NUMERATOR', { categoryOptionCombo: 'NUMERATOR' }, {}, 'E7613', 'categoryOptionCombo', /STBM\.DS\.KK_TOTAL is not a percentage; use default/],
    ['a count with another combo', { categoryOptionCombo: 'PERMANEN' }, {}, 'E7613', 'categoryOptionCombo', /`PERMANEN` \(use default\)/],
    ['a missing value', { value: null }, {}, 'E7618', 'value', /Data value or comment not specified for data element: `STBM\.DS\.KK_TOTAL`$/],
    ['a comment without a value', { value: null, comment: 'belum ada data' }, {}, 'E7618', 'value', /Kembar keeps a comment only together with a value/],
    ['text in a number', { value: 'dua belas' }, {}, 'E7619', 'value', /column value: Value must match data element's `NUMBER` type constraints: `dua belas` is not a number/],
    ['a thousands separator', { value: '1.200,5' }, {}, 'E7619', 'value', /`1\.200,5` is not a number/],
    ['a unit after a number', { value: '12 KK' }, {}, 'E7619', 'value', /`12 KK` is not a number/],
    ['a negative count', { value: '-3' }, {}, 'E7619', 'value', /`-3` is negative; STBM\.DS\.KK_TOTAL counts households/],
    ['infinity', { value: '1e400' }, {}, 'E7619', 'value', /`1e400` is not a number/],
    ['an unknown status', { dataElement: 'STBM.DS.SBS_STATUS', value: 'MERDEKA' }, {}, 'E7621', 'value', /`MERDEKA` \(STBM\.DS\.SBS_STATUS takes BELUM_PICU, TERPICU, DEKLARASI_SBS, SBS_TERVERIFIKASI\)/],
    ['a comment over 1000 characters', { comment: 'x'.repeat(1001) }, {}, 'E7620', 'comment', /Invalid comment: longer than 1000 characters/],
  ])('refuses %s with DHIS2’s error code and the place', (_name, fields, overrides, errorCode, property, message) => {
    const conflict = conflictOf(fields, overrides);
    expect(conflict).toMatchObject({ errorCode, property });
    expect(conflict.value).toMatch(message);
    expect(conflict.indexes).toHaveLength(1);
  });

  it('names JSON places by position and key', () => {
    const result = checkDataValue(dataValue({ index: 4, value: 'x' }, 'json'), context());
    expect(result.ok ? '' : result.conflict.value).toMatch(/^dataValues\[4\]\.value: /);
  });

  it('checks in DHIS2’s order: the data element before the period before the org unit', () => {
    expect(conflictOf({ dataElement: 'NOPE', period: 'x', orgUnit: 'y' }).errorCode).toBe('E7610');
    expect(conflictOf({ period: 'x', orgUnit: 'y' }).errorCode).toBe('E7611');
  });
});

describe('assembling cells', () => {
  const pct = (fields: Partial<Dhis2DataValue>) => checked({ dataElement: 'STBM.DS.P1_AKSES_PCT', ...fields });

  it('makes one cell per count or status, and one per NUMERATOR + DENOMINATOR pair', () => {
    const { cells, conflicts } = assembleCells(
      [checked({ value: '1200' }), pct({ categoryOptionCombo: 'DENOMINATOR', value: '1200', comment: 'jumlah KK' }), pct({ categoryOptionCombo: 'NUMERATOR', value: '1150' }), checked({ dataElement: 'STBM.DS.SBS_STATUS', value: 'TERPICU' })],
      new Set(),
    );
    expect(conflicts).toEqual([]);
    expect(cells.map((cell) => [cell.key.indicatorCode, cell.value, cell.numerator, cell.denominator, cell.statusValue, cell.comment, cell.values.length])).toEqual([
      ['STBM.DS.KK_TOTAL', 1200, null, null, null, null, 1],
      ['STBM.DS.P1_AKSES_PCT', null, 1150, 1200, null, 'jumlah KK', 2],
      ['STBM.DS.SBS_STATUS', null, null, null, 'TERPICU', null, 1],
    ]);
  });

  it('keeps the same indicator from different sources or periods apart', () => {
    const { cells } = assembleCells([checked({}), checked({ attributeOptionCombo: 'SURVEY' }), checked({ period: '202111' })], new Set());
    expect(cells).toHaveLength(3);
  });

  it('names a value given twice, pointing at the first', () => {
    const first = checked({ index: 100, value: '1' });
    const again = checked({ index: 101, value: '2', attributeOptionCombo: 'default' });
    const { cells, conflicts } = assembleCells([first, again], new Set());
    expect(cells).toHaveLength(1);
    expect(conflicts).toEqual([expect.objectContaining({ errorCode: 'E5004', indexes: [101], value: expect.stringMatching(/^row 103, column dataelement: .*is already given at row 102; give each value once/) })]);
  });

  it('refuses half a percentage, and says when the other half failed on its own', () => {
    const numerator = pct({ index: 10, categoryOptionCombo: 'NUMERATOR', value: '5' });
    expect(assembleCells([numerator], new Set()).conflicts[0]).toMatchObject({ errorCode: 'E7630', indexes: [10], value: expect.stringMatching(/^row 12: .*its DENOMINATOR \(same dataElement, orgUnit, period and attributeOptionCombo\) is missing/) });
    const failedDenominator = dataValue({ dataElement: 'STBM.DS.P1_AKSES_PCT', categoryOptionCombo: 'DENOMINATOR', value: 'banyak' });
    expect(assembleCells([numerator], new Set([rawCellKey(failedDenominator)])).conflicts[0]?.value).toMatch(/its DENOMINATOR has a conflict of its own/);
  });

  it('refuses a numerator above its denominator, naming both rows, unless the indicator may exceed 100%', () => {
    const { cells, conflicts } = assembleCells([pct({ index: 20, categoryOptionCombo: 'NUMERATOR', value: '950' }), pct({ index: 21, categoryOptionCombo: 'DENOMINATOR', value: '900' })], new Set());
    expect(cells).toEqual([]);
    expect(conflicts).toEqual([expect.objectContaining({ errorCode: 'E7619', indexes: [20, 21], value: 'row 22 and row 23: NUMERATOR 950 is more than DENOMINATOR 900: STBM.DS.P1_AKSES_PCT is a share of its denominator' })]);
    const utilisation = (part: string, value: string) => checked({ dataElement: 'ALD.KAB.IPLT_UTIL_PCT', orgUnit: '52.07', categoryOptionCombo: part, value });
    expect(assembleCells([utilisation('NUMERATOR', '120'), utilisation('DENOMINATOR', '100')], new Set()).cells[0]).toMatchObject({ numerator: 120, denominator: 100 });
  });

  it('deletes a percentage when both halves (or the only half sent) are deleted, and refuses a half-deleted pair', () => {
    expect(assembleCells([pct({ categoryOptionCombo: 'NUMERATOR', deleted: true }), pct({ categoryOptionCombo: 'DENOMINATOR', deleted: true })], new Set()).cells[0]?.remove).toBe(true);
    expect(assembleCells([pct({ categoryOptionCombo: 'NUMERATOR', value: null, deleted: true })], new Set()).cells[0]?.remove).toBe(true);
    const mixed = assembleCells([pct({ categoryOptionCombo: 'NUMERATOR', deleted: true }), pct({ categoryOptionCombo: 'DENOMINATOR', value: '9' })], new Set());
    expect(mixed.cells).toEqual([]);
    expect(mixed.conflicts[0]?.value).toMatch(/delete NUMERATOR and DENOMINATOR together/);
  });

  it('names a NUMERATOR given twice', () => {
    const { conflicts } = assembleCells([pct({ categoryOptionCombo: 'NUMERATOR', value: '1' }), pct({ categoryOptionCombo: 'NUMERATOR', value: '2' }), pct({ categoryOptionCombo: 'DENOMINATOR', value: '3' })], new Set());
    expect(conflicts.map((conflict) => conflict.errorCode)).toEqual(['E5004']);
    expect(conflicts[0]?.value).toMatch(/NUMERATOR for `52\.07\.02\.2001` in `202110` is already given/);
  });
});

describe('what importing a cell does (DHIS2’s rules)', () => {
  const cell = (fields: Partial<PlannedCell> = {}): PlannedCell => ({
    key: { indicatorCode: 'STBM.DS.KK_TOTAL', areaCode: VILLAGE, period: '2021', sourceKind: 'import' },
    indicator: indicators.get('STBM.DS.KK_TOTAL') as Indicator,
    values: [], value: 10, numerator: null, denominator: null, statusValue: null, comment: null, remove: false,
    ...fields,
  });
  const same: StoredCell = { value: 10, numerator: null, denominator: null, statusValue: null };
  const other: StoredCell = { ...same, value: 11 };
  const cases: Array<[ImportStrategy, StoredCell | undefined, boolean, string]> = [
    ['CREATE_AND_UPDATE', undefined, false, 'imported'],
    ['CREATE_AND_UPDATE', other, false, 'updated'],
    ['CREATE_AND_UPDATE', same, false, 'ignored'],
    ['CREATE_AND_UPDATE', same, true, 'deleted'],
    ['CREATE_AND_UPDATE', undefined, true, 'ignored'],
    ['CREATE', undefined, false, 'imported'],
    ['CREATE', other, false, 'ignored'],
    ['CREATE', same, true, 'ignored'],
    ['UPDATE', undefined, false, 'ignored'],
    ['UPDATE', other, false, 'updated'],
    ['UPDATE', same, true, 'deleted'],
    ['DELETE', same, true, 'deleted'],
    ['DELETE', undefined, true, 'ignored'],
  ];
  it.each(cases)('%s, stored %o, removal %s → %s', (strategy, stored, remove, outcome) => {
    expect(outcomeOf(cell({ remove }), stored, strategy)).toBe(outcome);
  });
});
