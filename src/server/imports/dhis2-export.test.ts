import { describe, expect, it } from 'vitest';
import { dhis2DataValueSetSchema } from '../../common/api/dhis2.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { INDICATOR_CATALOGUE } from '../indicators/catalogue.ts';
import { assembleCells } from './dhis2-cells.ts';
import { parseDataValueSetCsv } from './dhis2-csv.ts';
import type { ParsedDataValueSet } from './dhis2-data-value.ts';
import { periodWithin, toDataValueCsv, toDataValueSet, type ExportObservation } from './dhis2-export.ts';
import { parseDataValueSetJson } from './dhis2-json.ts';
import { checkDataValue, type CheckedValue } from './dhis2-values.ts';

const CREATED = new Date('2021-11-01T02:00:00.000Z');
const UPDATED = new Date('2021-11-03T08:30:00.000Z');
const observation = (fields: Partial<ExportObservation>): ExportObservation => ({
  indicatorCode: 'STBM.DS.KK_TOTAL', measure: 'value', areaCode: '52.07.02.2001', period: '202110', sourceKind: 'import',
  value: 1200, numerator: null, denominator: null, statusValue: null, comment: null, createdAt: CREATED, updatedAt: UPDATED, updatedBy: 'officer@ksb.example',
  ...fields,
});
const OBSERVATIONS: ExportObservation[] = [
  observation({}),
  observation({ indicatorCode: 'STBM.DS.P1_AKSES_PCT', measure: 'ratio', value: null, numerator: 1150, denominator: 1200, comment: 'rekap, "puskesmas"', sourceKind: 'routine' }),
  observation({ indicatorCode: 'STBM.DS.SBS_STATUS', measure: 'status', value: null, statusValue: 'DEKLARASI_SBS', sourceKind: 'verification', updatedBy: null }),
  observation({ indicatorCode: 'STBM.DS.KK_BABS', value: 12.5, period: '2021W43', comment: 'baris satu\nbaris dua' }),
];

describe('DHIS2 export', () => {
  it('writes a count as one value, a percentage as NUMERATOR and DENOMINATOR, a status by its code', () => {
    const set = toDataValueSet(OBSERVATIONS);
    expect(dhis2DataValueSetSchema.parse(set)).toEqual(set);
    expect(set.dataValues.map((value) => [value.dataElement, value.categoryOptionCombo, value.attributeOptionCombo, value.value, value.storedBy])).toEqual([
      ['STBM.DS.KK_TOTAL', 'default', 'default', '1200', 'officer@ksb.example'],
      ['STBM.DS.P1_AKSES_PCT', 'NUMERATOR', 'ROUTINE', '1150', 'officer@ksb.example'],
      ['STBM.DS.P1_AKSES_PCT', 'DENOMINATOR', 'ROUTINE', '1200', 'officer@ksb.example'],
      ['STBM.DS.SBS_STATUS', 'default', 'VERIFICATION', 'DEKLARASI_SBS', 'kembar'],
      ['STBM.DS.KK_BABS', 'default', 'default', '12.5', 'officer@ksb.example'],
    ]);
    expect(set.dataValues[0]).toEqual({
      dataElement: 'STBM.DS.KK_TOTAL', period: '202110', orgUnit: '52.07.02.2001', categoryOptionCombo: 'default', attributeOptionCombo: 'default', value: '1200',
      storedBy: 'officer@ksb.example', created: '2021-11-01T02:00:00.000Z', lastUpdated: '2021-11-03T08:30:00.000Z', followup: false,
    });
  });

  it('writes DHIS2’s CSV: its header, quoting only where needed', () => {
    const lines = toDataValueCsv(OBSERVATIONS.slice(0, 2)).split('\n');
    expect(lines).toEqual([
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted',
      'STBM.DS.KK_TOTAL,202110,52.07.02.2001,default,default,1200,officer@ksb.example,2021-11-03T08:30:00.000Z,,false,false',
      'STBM.DS.P1_AKSES_PCT,202110,52.07.02.2001,NUMERATOR,ROUTINE,1150,officer@ksb.example,2021-11-03T08:30:00.000Z,"rekap, ""puskesmas""",false,false',
      'STBM.DS.P1_AKSES_PCT,202110,52.07.02.2001,DENOMINATOR,ROUTINE,1200,officer@ksb.example,2021-11-03T08:30:00.000Z,"rekap, ""puskesmas""",false,false',
      '',
    ]);
    expect(toDataValueCsv([])).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\n');
  });

  it.each([
    ['JSON', () => parseDataValueSetJson(JSON.stringify(toDataValueSet(OBSERVATIONS)))],
    ['CSV', () => parseDataValueSetCsv(toDataValueCsv(OBSERVATIONS))],
  ])('reads its own %s export back into the same cells (round trip)', (_format, read: () => ParsedDataValueSet) => {
    const indicators = new Map<string, Indicator>(INDICATOR_CATALOGUE.map((indicator) => [indicator.code, indicator]));
    const context = { indicators, areas: new Map([['52.07.02.2001', { level: 4, retired: false }]]), strategy: 'CREATE_AND_UPDATE' as const, mayWrite: () => true, caller: 'x' };
    const checked = read().values.map((value) => checkDataValue(value, context));
    expect(checked.filter((result) => !result.ok)).toEqual([]);
    const { cells, conflicts } = assembleCells(checked.flatMap((result): CheckedValue[] => (result.ok ? [result.value] : [])), new Set());
    expect(conflicts).toEqual([]);
    expect(cells.map((cell) => ({ ...cell.key, value: cell.value, numerator: cell.numerator, denominator: cell.denominator, statusValue: cell.statusValue, comment: cell.comment }))).toEqual(
      OBSERVATIONS.map((item) => ({
        indicatorCode: item.indicatorCode, areaCode: item.areaCode, period: item.period, sourceKind: item.sourceKind,
        value: item.value, numerator: item.numerator, denominator: item.denominator, statusValue: item.statusValue, comment: item.comment,
      })),
    );
  });

  it('keeps the periods wholly inside startDate..endDate, as DHIS2 does', () => {
    expect(periodWithin('202110', '2021-10-01', '2021-10-31')).toBe(true);
    expect(periodWithin('2021Q4', '2021-10-01', '2021-10-31')).toBe(false);
    expect(periodWithin('2021W43', '2021-10-01', undefined)).toBe(true);
    expect(periodWithin('2020W53', undefined, '2020-12-31')).toBe(false);
    expect(periodWithin('2021', undefined, undefined)).toBe(true);
  });
});
