import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../common/api/indicators.ts';
import { EMPTY_FILTER, filterFromParams, filterIndicators, filterToParams, matchesQuery, pillarsOf } from './filter.ts';

function indicator(code: string, overrides: Partial<Indicator> = {}): Indicator {
  return {
    code,
    group: 'stbm_village',
    nameId: `Nama ${code}`,
    nameEn: `Name ${code}`,
    definition: 'a test indicator',
    unit: 'percent',
    measure: 'ratio',
    numerator: null,
    denominator: null,
    statusValues: null,
    areaAggregation: 'ratio',
    timeAggregation: 'last',
    direction: 'ascending',
    collectionLevel: 'village',
    frequency: 'monthly',
    source: 'test',
    nationalTarget: null,
    evidence: [],
    ...overrides,
  };
}

describe('pillarsOf', () => {
  it.each([
    ['STBM.HH.P1_STATUS', [1]],
    ['STBM.DS.P1_AKSES_PCT', [1]],
    ['STBM.HH.P5_PLCRT', [5]],
    ['STBM.DS.PILAR_3_PCT', [3]],
    ['STBM.KAB.TUNTAS_PILAR_4', [4]],
    ['STBM.DS.KK_BABS', [1]],
    ['STBM.DS.SBS_STATUS', [1]],
    ['STBM.KAB.DESA_SBS_PCT', [1]],
    ['STBM.DS.STBM_STATUS', [1, 2, 3, 4, 5]],
    ['STBM.KAB.DESA_5PILAR_N', [1, 2, 3, 4, 5]],
    ['STBM.PR.KAB_STBM_PCT', [1, 2, 3, 4, 5]],
    ['STBM.DS.KK_TOTAL', []],
    ['ACC.KAB.AMAN_PCT', []],
    ['ALD.KAB.IPLT_UTIL_PCT', []],
  ])('%s measures pillars %j', (code, pillars) => {
    expect(pillarsOf(indicator(code))).toEqual(pillars);
  });
});

describe('matchesQuery', () => {
  const aman = indicator('ACC.KAB.AMAN_PCT', { nameId: 'Rumah tangga dengan sanitasi aman', nameEn: 'Households with safely managed sanitation' });

  it('matches every word, in any order, against code, both names and definition, ignoring case and punctuation', () => {
    expect(matchesQuery(aman, '')).toBe(true);
    expect(matchesQuery(aman, 'Sanitasi AMAN')).toBe(true);
    expect(matchesQuery(aman, 'safely sanitation')).toBe(true);
    expect(matchesQuery(aman, 'acc.kab')).toBe(true);
    expect(matchesQuery(aman, 'test indicator')).toBe(true);
    expect(matchesQuery(aman, 'aman layak')).toBe(false);
  });
});

describe('filterIndicators', () => {
  const catalogue = [
    indicator('STBM.DS.P1_AKSES_PCT'),
    indicator('STBM.DS.PILAR_2_PCT'),
    indicator('STBM.KAB.DESA_SBS_PCT', { group: 'stbm_region', collectionLevel: 'regency' }),
    indicator('ALD.KAB.IPLT_UTIL_PCT', { group: 'wastewater', collectionLevel: 'regency' }),
  ];
  const codes = (list: Indicator[]) => list.map((item) => item.code);

  it('keeps everything without a filter, in catalogue order', () => {
    expect(codes(filterIndicators(catalogue, EMPTY_FILTER))).toEqual(codes(catalogue));
  });

  it('combines domain, pillar, level and words', () => {
    expect(codes(filterIndicators(catalogue, { ...EMPTY_FILTER, group: 'wastewater' }))).toEqual(['ALD.KAB.IPLT_UTIL_PCT']);
    expect(codes(filterIndicators(catalogue, { ...EMPTY_FILTER, pillar: 1 }))).toEqual(['STBM.DS.P1_AKSES_PCT', 'STBM.KAB.DESA_SBS_PCT']);
    expect(codes(filterIndicators(catalogue, { ...EMPTY_FILTER, pillar: 1, level: 'regency' }))).toEqual(['STBM.KAB.DESA_SBS_PCT']);
    expect(codes(filterIndicators(catalogue, { ...EMPTY_FILTER, level: 'regency', q: 'iplt' }))).toEqual(['ALD.KAB.IPLT_UTIL_PCT']);
    expect(filterIndicators(catalogue, { ...EMPTY_FILTER, group: 'health' })).toEqual([]);
  });
});

describe('filter in the URL', () => {
  it('round-trips a full filter', () => {
    const filter = { q: 'jamban', group: 'stbm_village' as const, pillar: 1 as const, level: 'village' as const };
    expect(filterFromParams(new URLSearchParams(filterToParams(filter)))).toEqual(filter);
  });

  it('leaves out empty parts and ignores unknown values', () => {
    expect(filterToParams({ ...EMPTY_FILTER, q: '  ' })).toEqual({});
    expect(filterFromParams(new URLSearchParams('domain=nope&pilar=7&tingkat=planet&q=x'))).toEqual({ ...EMPTY_FILTER, q: 'x' });
  });
});
