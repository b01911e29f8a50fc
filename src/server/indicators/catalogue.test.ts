import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_GROUPS, indicatorSchema, type Indicator } from '../../common/api/indicators.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { INDICATOR_CATALOGUE } from './catalogue.ts';

/** research/stbm-indicators.md: inside the package, or in the shared folder beside it on dev machines. */
const RESEARCH_CANDIDATES = [
  path.join(PACKAGE_ROOT, 'research', 'stbm-indicators.md'),
  path.join(PACKAGE_ROOT, '..', 'shared', 'research', 'stbm-indicators.md'),
];
const researchFile = RESEARCH_CANDIDATES.find((file) => fs.existsSync(file));

const byCode = new Map(INDICATOR_CATALOGUE.map((indicator) => [indicator.code, indicator]));

function indicator(code: string): Indicator {
  const found = byCode.get(code);
  if (!found) throw new Error(`the catalogue has no ${code}`);
  return found;
}

/** Every `Sxx` key of the research's "## 9. Sources" section (up to the next "## " heading). */
function sourceKeys(markdown: string): Set<string> {
  const start = markdown.search(/^## 9\. Sources/m);
  if (start === -1) throw new Error('the research has no "## 9. Sources" section');
  const rest = markdown.slice(start + 1);
  const end = rest.search(/^## /m);
  return new Set((end === -1 ? rest : rest.slice(0, end)).match(/\bS\d+\b/g) ?? []);
}

describe('the indicator catalogue', () => {
  it('holds entries that all pass the indicator schema', () => {
    expect(INDICATOR_CATALOGUE.length).toBeGreaterThan(0);
    const failures = INDICATOR_CATALOGUE.flatMap((entry) => {
      const result = indicatorSchema.safeParse(entry);
      return result.success ? [] : [`${entry.code}: ${result.error.message}`];
    });
    expect(failures).toEqual([]);
    for (const entry of INDICATOR_CATALOGUE) expect(indicatorSchema.parse(entry), entry.code).toEqual(entry);
  });

  it('has unique codes', () => {
    const codes = INDICATOR_CATALOGUE.map((entry) => entry.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it('uses every indicator group', () => {
    expect(INDICATOR_GROUPS.filter((group) => !INDICATOR_CATALOGUE.some((entry) => entry.group === group))).toEqual([]);
  });

  it('gives every ratio a numerator and a denominator, aggregated as Σnumerator/Σdenominator, and no other measure either', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      if (entry.measure === 'ratio') {
        expect(entry.numerator?.trim(), entry.code).toBeTruthy();
        expect(entry.denominator?.trim(), entry.code).toBeTruthy();
        expect(entry.areaAggregation, entry.code).toBe('ratio');
      } else {
        // The indicator table checks (measure = 'ratio') = (numerator and denominator are set).
        expect([entry.numerator, entry.denominator], entry.code).toEqual([null, null]);
        expect(entry.areaAggregation, entry.code).not.toBe('ratio');
      }
    }
  });

  it('stores percentages only as ratios, never as a finished percentage', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      if (entry.unit === 'percent' || entry.code.endsWith('_PCT')) expect(entry.measure, entry.code).toBe('ratio');
      if (entry.measure === 'ratio') expect(entry.unit, entry.code).toBe('percent');
    }
  });

  it('gives every status its values (distinct, upper case) and statusValues to statuses only', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      if (entry.measure === 'status') {
        // The indicator table checks (measure = 'status') = (status_values is set).
        expect(entry.statusValues?.length, entry.code).toBeGreaterThanOrEqual(2);
        expect(new Set(entry.statusValues).size, entry.code).toBe(entry.statusValues?.length);
        for (const value of entry.statusValues ?? []) expect(value, entry.code).toMatch(/^[A-Z0-9_]+$/);
        expect(['count_status', 'none'], entry.code).toContain(entry.areaAggregation);
      } else {
        expect(entry.statusValues, entry.code).toBeNull();
        expect(entry.areaAggregation, entry.code).not.toBe('count_status');
      }
    }
  });

  it('gives national targets a non-empty source, and only the targets the research verifies', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      if (entry.nationalTarget) expect(entry.nationalTarget.source.trim(), entry.code).not.toBe('');
    }
    const targets = Object.fromEntries(INDICATOR_CATALOGUE.flatMap((entry) => (entry.nationalTarget ? [[entry.code, entry.nationalTarget]] : [])));
    expect(targets).toEqual({
      'STBM.KAB.DESA_SBS_PCT': { value: 90, year: 2024, source: 'Renstra Kemenkes 2020–2024' },
      'ACC.KAB.AMAN_PCT': { value: 15, year: 2024, source: 'RPJMN 2020–2024 (Perpres 18/2020)' },
      'ACC.KAB.LAYAK_PCT': { value: 90, year: 2024, source: 'RPJMN 2020–2024 (Perpres 18/2020)' },
      'ACC.KAB.BABS_TERBUKA_PCT': { value: 0, year: 2024, source: 'RPJMN 2020–2024 (Perpres 18/2020)' },
      'HLT.KAB.STUNTING_SSGI_PCT': { value: 14, year: 2024, source: 'RPJMN' },
    });
  });

  it('cites evidence on every entry as distinct Sxx keys', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      expect(entry.evidence.length, entry.code).toBeGreaterThan(0);
      expect(new Set(entry.evidence).size, entry.code).toBe(entry.evidence.length);
      for (const key of entry.evidence) expect(key, entry.code).toMatch(/^S\d+$/);
    }
  });

  it.skipIf(researchFile === undefined)(
    researchFile
      ? 'cites only evidence keys listed in §9 (Sources) of research/stbm-indicators.md'
      : `cites only evidence keys listed in §9 of the research — SKIPPED: research/stbm-indicators.md not found at ${RESEARCH_CANDIDATES.join(' or ')}`,
    () => {
      const known = sourceKeys(fs.readFileSync(researchFile ?? '', 'utf8'));
      expect(known.size).toBeGreaterThan(100);
      const unknown = INDICATOR_CATALOGUE.flatMap((entry) => entry.evidence.filter((key) => !known.has(key)).map((key) => `${entry.code}: ${key}`));
      expect(unknown).toEqual([]);
    },
  );

  it('points descending for open defecation, stunting, wasting and outbreaks', () => {
    const codes = INDICATOR_CATALOGUE.map((entry) => entry.code).filter((code) => /BABS|STUNTING|WASTING|KLB|NO_FACILITY|BELUM_LAYAK/.test(code));
    expect(codes.length).toBeGreaterThanOrEqual(9);
    for (const code of codes) expect(indicator(code).direction, code).toBe('descending');
  });

  it('adds flows up over time and takes the last value of stocks', () => {
    expect(indicator('ALD.KAB.DESLUDGE_PER_YEAR')).toMatchObject({ measure: 'value', areaAggregation: 'sum', timeAggregation: 'sum' });
    expect(indicator('ALD.KAB.LLTT_COVERAGE_PCT').timeAggregation).toBe('last');
    expect(indicator('ACC.KAB.AMAN_PCT').timeAggregation).toBe('last');
  });
});

describe('what the catalogue covers', () => {
  it('has household records and a village share for all five STBM pillars', () => {
    const household = ['STBM.HH.P1_STATUS', 'STBM.HH.P2_CTPS', 'STBM.HH.P3_PAMMRT', 'STBM.HH.P4_PSRT', 'STBM.HH.P5_PLCRT'];
    const village = ['STBM.DS.P1_AKSES_PCT', 'STBM.DS.PILAR_2_PCT', 'STBM.DS.PILAR_3_PCT', 'STBM.DS.PILAR_4_PCT', 'STBM.DS.PILAR_5_PCT'];
    household.forEach((code, index) => {
      expect(code, `pillar ${index + 1}`).toMatch(new RegExp(`^STBM\\.HH\\.P${index + 1}_`));
      expect(indicator(code)).toMatchObject({ group: 'stbm_household', collectionLevel: 'household', measure: 'status' });
    });
    for (const code of village) expect(indicator(code)).toMatchObject({ group: 'stbm_village', collectionLevel: 'village', measure: 'ratio' });
    expect(indicator('STBM.HH.P1_STATUS').statusValues).toEqual(['JSP', 'JSSP', 'SHARING', 'BABS']);
    for (const k of [2, 3, 4, 5]) expect(indicator(`STBM.KAB.TUNTAS_PILAR_${k}`).measure).toBe('status');
  });

  it('has the village recap counts the import fills: JSP, JSSP, sharing, BABS and all KK', () => {
    for (const name of ['JSP', 'JSSP', 'SHARING', 'BABS', 'TOTAL']) {
      expect(indicator(`STBM.DS.KK_${name}`)).toMatchObject({
        measure: 'value',
        unit: 'households',
        areaAggregation: 'sum',
        timeAggregation: 'last',
        collectionLevel: 'village',
      });
    }
    expect(indicator('STBM.DS.KK_BABS').direction).toBe('descending');
  });

  it('has the SBS village status, Desa STBM and the % of villages SBS', () => {
    expect(indicator('STBM.DS.SBS_STATUS')).toMatchObject({
      measure: 'status',
      statusValues: ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'],
      areaAggregation: 'count_status',
      collectionLevel: 'village',
    });
    expect(indicator('STBM.DS.STBM_STATUS')).toMatchObject({ measure: 'status', statusValues: ['TIDAK', 'YA'], areaAggregation: 'count_status' });
    const villagesSbs = indicator('STBM.KAB.DESA_SBS_PCT');
    expect(villagesSbs).toMatchObject({ measure: 'ratio', areaAggregation: 'ratio' });
    expect(villagesSbs.numerator).toContain('SBS_TERVERIFIKASI');
    expect(villagesSbs.denominator).toMatch(/all desa\/kelurahan/i);
  });

  it('has all six rungs of the sanitation ladder, layak, and JMP 6.2.1a', () => {
    for (const rung of ['AMAN', 'LAYAK_SENDIRI', 'LAYAK_BERSAMA', 'BELUM_LAYAK', 'BABS_TERTUTUP', 'BABS_TERBUKA', 'LAYAK']) {
      expect(indicator(`ACC.KAB.${rung}_PCT`)).toMatchObject({ group: 'ladder', measure: 'ratio', denominator: 'All households (weighted survey estimate)' });
    }
    expect(indicator('ACC.KAB.SDG621A').group).toBe('ladder');
  });

  it('has CTPS, LLTT and IPLT', () => {
    expect(indicator('HYG.KAB.CTPS_FAC_PCT')).toMatchObject({ group: 'hygiene', measure: 'ratio' });
    expect(indicator('STBM.HH.P2_CTPS').group).toBe('stbm_household');
    expect(indicator('ALD.KAB.LLTT_COVERAGE_PCT')).toMatchObject({ group: 'wastewater', measure: 'ratio' });
    expect(indicator('ALD.KAB.IPLT_UTIL_PCT')).toMatchObject({ group: 'wastewater', measure: 'ratio' });
  });
});
