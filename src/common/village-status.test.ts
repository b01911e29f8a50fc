import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allStoppedOpenDefecation,
  both,
  deriveVillageStatuses,
  desaStbm,
  isDerivedIndicator,
  odfVerified,
  otherPillars,
  pillarMet,
  type Share,
  type Tri,
  type VillageFacts,
} from './village-status.ts';

const pct = (percent: number, of = 100): Share => ({ numerator: (percent * of) / 100, denominator: of });
const facts = (overrides: Partial<VillageFacts> = {}): VillageFacts => ({
  sbsStatus: 'SBS_TERVERIFIKASI',
  kkTotal: 1000,
  kkBabs: 0,
  pillars: [pct(80), pct(90), pct(75), pct(60)],
  ...overrides,
});

describe('100% of KK stopped open defecation', () => {
  it('is yes only at exactly zero BABS households', () => {
    expect(allStoppedOpenDefecation({ kkTotal: 1000, kkBabs: 0 })).toBe('yes');
    expect(allStoppedOpenDefecation({ kkTotal: 1000, kkBabs: 1 })).toBe('no'); // 99.9%
    expect(allStoppedOpenDefecation({ kkTotal: null, kkBabs: 0 })).toBe('yes');
  });
  it('is unknown without the BABS count or without households', () => {
    expect(allStoppedOpenDefecation({ kkTotal: 1000, kkBabs: null })).toBe('unknown');
    expect(allStoppedOpenDefecation({ kkTotal: 0, kkBabs: 0 })).toBe('unknown');
  });
});

describe('SBS/ODF verified', () => {
  it('is yes for a verified village, no for every earlier status', () => {
    expect(odfVerified(facts())).toBe('yes');
    for (const status of ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS']) expect(odfVerified(facts({ sbsStatus: status }))).toBe('no');
  });
  it('is unknown without a status, even when the counts show no open defecation', () => {
    expect(odfVerified(facts({ sbsStatus: null }))).toBe('unknown');
    expect(odfVerified(facts({ sbsStatus: null, kkBabs: 3 }))).toBe('unknown');
  });
  it('is no when the recap shows households still practising open defecation', () => {
    expect(odfVerified(facts({ kkBabs: 1 }))).toBe('no');
  });
  it('keeps a verification when the recap has no BABS count', () => {
    expect(odfVerified(facts({ kkBabs: null, kkTotal: null }))).toBe('yes');
  });
});

describe('a pillar at ≥ 75% of KK', () => {
  it('passes at exactly 75% and fails at 74.9%', () => {
    expect(pillarMet(pct(75))).toBe('yes');
    expect(pillarMet({ numerator: 3, denominator: 4 })).toBe('yes');
    expect(pillarMet(pct(74.9))).toBe('no');
    expect(pillarMet({ numerator: 749, denominator: 1000 })).toBe('no');
    expect(pillarMet({ numerator: 0.15, denominator: 0.2 })).toBe('yes'); // 75% in binary fractions
    expect(pillarMet(pct(100))).toBe('yes');
    expect(pillarMet(pct(0))).toBe('no');
  });
  it('is unknown when not entered or nobody was surveyed', () => {
    expect(pillarMet(null)).toBe('unknown');
    expect(pillarMet({ numerator: 0, denominator: 0 })).toBe('unknown');
  });
});

describe('at least 3 of pillars 2–5', () => {
  it('passes with exactly 3 of 4 and fails with 2 of 4', () => {
    expect(otherPillars([pct(75), pct(75), pct(75), pct(10)])).toEqual({ met: 3, failed: 1, unknown: 0, result: 'yes' });
    expect(otherPillars([pct(75), pct(75), pct(74.9), pct(10)])).toEqual({ met: 2, failed: 2, unknown: 0, result: 'no' });
    expect(otherPillars([pct(90), pct(90), pct(90), pct(90)]).result).toBe('yes');
  });
  it('decides with missing pillars only when the known ones settle it', () => {
    expect(otherPillars([pct(80), pct(80), pct(80), null]).result).toBe('yes');
    expect(otherPillars([pct(80), pct(80), null, null]).result).toBe('unknown');
    expect(otherPillars([pct(80), pct(10), null, null]).result).toBe('unknown');
    expect(otherPillars([pct(10), pct(10), null, null]).result).toBe('no');
    expect(otherPillars([null, null, null, null]).result).toBe('unknown');
    expect(otherPillars([]).result).toBe('unknown');
  });
});

describe('Desa/Kelurahan STBM', () => {
  it('needs SBS verified and 3 pillars', () => {
    expect(desaStbm(facts())).toBe('yes');
    expect(desaStbm(facts({ sbsStatus: 'DEKLARASI_SBS' }))).toBe('no');
    expect(desaStbm(facts({ kkBabs: 1 }))).toBe('no');
    expect(desaStbm(facts({ pillars: [pct(80), pct(74.9), pct(75), pct(60)] }))).toBe('no');
  });
  it('is unknown, not no, when data is missing and could still make it', () => {
    expect(desaStbm(facts({ sbsStatus: null }))).toBe('unknown');
    expect(desaStbm(facts({ pillars: [pct(80), pct(90), null, null] }))).toBe('unknown');
    expect(desaStbm(facts({ sbsStatus: null, pillars: [null, null, null, null], kkBabs: null }))).toBe('unknown');
  });
  it('is no when one part is no, whatever is missing in the other', () => {
    expect(desaStbm(facts({ sbsStatus: null, pillars: [pct(10), pct(10), null, null] }))).toBe('no');
    expect(desaStbm(facts({ sbsStatus: 'TERPICU', pillars: [null, null, null, null] }))).toBe('no');
  });
});

describe('three-valued AND', () => {
  const tri = fc.constantFrom<Tri>('yes', 'no', 'unknown');
  it('is commutative, no dominates, yes is neutral', () => {
    fc.assert(
      fc.property(tri, tri, (a, b) => {
        expect(both(a, b)).toBe(both(b, a));
        expect(both(a, 'no')).toBe('no');
        expect(both(a, 'yes')).toBe(a);
      }),
    );
  });
});

describe('derived values', () => {
  it('writes YA / 1 of 1 for an STBM village and TIDAK / 0 of 1 for a failing one', () => {
    expect(deriveVillageStatuses(facts())).toEqual({
      'STBM.DS.STBM_STATUS': { statusValue: 'YA' },
      'STBM.DS.DESA_SBS_PCT': { numerator: 1, denominator: 1 },
      'STBM.DS.DESA_STBM_PCT': { numerator: 1, denominator: 1 },
    });
    expect(deriveVillageStatuses(facts({ pillars: [pct(10), pct(10), pct(10), pct(10)] }))).toEqual({
      'STBM.DS.STBM_STATUS': { statusValue: 'TIDAK' },
      'STBM.DS.DESA_SBS_PCT': { numerator: 1, denominator: 1 },
      'STBM.DS.DESA_STBM_PCT': { numerator: 0, denominator: 1 },
    });
  });
  it('clears (null) what is unknown', () => {
    expect(deriveVillageStatuses(facts({ sbsStatus: null }))).toEqual({ 'STBM.DS.STBM_STATUS': null, 'STBM.DS.DESA_SBS_PCT': null, 'STBM.DS.DESA_STBM_PCT': null });
  });
  it('never says yes to Desa STBM without ODF, for any facts', () => {
    const share = fc.option(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b })), { nil: null });
    const anyFacts = fc.record({
      sbsStatus: fc.option(fc.constantFrom('BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'), { nil: null }),
      kkTotal: fc.option(fc.nat(5000), { nil: null }),
      kkBabs: fc.option(fc.nat(50), { nil: null }),
      pillars: fc.array(share, { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(anyFacts, (village) => {
        const stbm = deriveVillageStatuses(village)['STBM.DS.STBM_STATUS'];
        if (stbm && 'statusValue' in stbm && stbm.statusValue === 'YA') {
          expect(odfVerified(village)).toBe('yes');
          expect(otherPillars(village.pillars).met).toBeGreaterThanOrEqual(3);
        }
        if (odfVerified(village) === 'no') expect(desaStbm(village)).toBe('no');
      }),
    );
  });
  it('names the derived indicators', () => {
    expect(isDerivedIndicator('STBM.DS.STBM_STATUS')).toBe(true);
    expect(isDerivedIndicator('STBM.DS.SBS_STATUS')).toBe(false);
  });
});
