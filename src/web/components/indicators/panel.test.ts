import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { groupIndicators, indicatorsFor, joinPeriod, latestPeriod, splitPeriod } from './panel.ts';

function indicator(code: string, collectionLevel: Indicator['collectionLevel'], group: Indicator['group'] = 'stbm_village'): Indicator {
  return {
    code,
    group,
    nameId: code,
    nameEn: code,
    definition: 'a test indicator',
    unit: 'percent',
    measure: 'ratio',
    numerator: null,
    denominator: null,
    statusValues: null,
    areaAggregation: 'ratio',
    timeAggregation: 'last',
    direction: 'ascending',
    collectionLevel,
    frequency: 'monthly',
    source: 'test',
    nationalTarget: null,
    evidence: [],
  };
}

function row(period: string, value: number | null): ValueRow {
  return {
    areaCode: '32.75',
    areaName: 'Kota Bekasi',
    period,
    value,
    numerator: null,
    denominator: null,
    statusCounts: null,
    reporting: value === null ? 0 : 1,
    expected: 56,
    coverage: null,
    origin: null,
    asOf: null,
  };
}

describe('indicator panel choices', () => {
  const catalogue = [indicator('A.HH', 'household'), indicator('A.DS', 'village'), indicator('A.KEC', 'district'), indicator('A.KAB', 'regency', 'health')];

  it('offers indicators collected at the area’s level or below', () => {
    expect(indicatorsFor(catalogue, 4).map((item) => item.code)).toEqual(['A.HH', 'A.DS']);
    expect(indicatorsFor(catalogue, 2).map((item) => item.code)).toEqual(['A.HH', 'A.DS', 'A.KEC', 'A.KAB']);
  });

  it('groups them in catalogue group order', () => {
    expect(groupIndicators(catalogue).map((entry) => [entry.group, entry.items.length])).toEqual([
      ['stbm_village', 3],
      ['health', 1],
    ]);
  });

  it('defaults to the latest month or year with data', () => {
    expect(latestPeriod([row('2026', 0.9), row('2026Q4', 0.9), row('202611', 0.9), row('202612', null)])).toBe('202611');
    expect(latestPeriod([row('2025', 0.5)])).toBe('2025');
    expect(latestPeriod([row('2026Q4', 0.5)])).toBeNull();
    expect(latestPeriod([])).toBeNull();
  });

  it('splits a period into the year and month selects and back', () => {
    expect(splitPeriod('202611')).toEqual({ year: 2026, month: 11 });
    expect(splitPeriod('2026')).toEqual({ year: 2026, month: null });
    expect(joinPeriod(2026, 3)).toBe('202603');
    expect(joinPeriod(2026, null)).toBe('2026');
  });
});
