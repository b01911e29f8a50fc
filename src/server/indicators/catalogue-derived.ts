/**
 * Seed catalogue, derived village statuses: computed by the village status rules
 * (common/village-status.ts) from a village's SBS status, household counts and pillar 2–5 shares,
 * and written with source kind `derived` whenever those change; nobody enters them.
 * Research: research/stbm-indicators.md §1.3, §3.2, §3.3 (S23, S28, S29, S31, S34).
 *
 * Each is 1 of 1 (yes) or 0 of 1 (no) per village, so over an area Σnumerator is the number of
 * such villages and Σnumerator/Σdenominator their share of the villages whose status is known;
 * `reporting` / `expected` of the values API says how many villages that is.
 */
import type { Indicator } from '../../common/api/indicators.ts';

const DERIVED = 'Derived in Kembar by rule from the village observations (SBS status, KK counts, pillar 2–5 shares); Permenkes 3/2014 (STBM)';

export const DERIVED_VILLAGE_STATUS_INDICATORS: readonly Indicator[] = [
  {
    code: 'STBM.DS.DESA_SBS_PCT', group: 'stbm_village',
    nameId: '% desa/kelurahan SBS terverifikasi (dari data desa)',
    nameEn: '% villages open-defecation free, verified (from village data)',
    definition: 'Per village 100% when its SBS status is SBS_TERVERIFIKASI (verified: every individual stopped open defecation, 100% of '
      + 'houses visited) and the recap of the same period shows no KK still BABS; 0% for any other status; no value when the status '
      + 'is unknown. Over an area: villages SBS ÷ villages with a known status (coverage shows how many of all villages that is). '
      + 'The regency-reported figure is STBM.KAB.DESA_SBS_PCT (Renstra Kemenkes 2020–2024: 90% by 2024).',
    unit: 'percent', measure: 'ratio',
    numerator: 'Villages SBS/ODF verified (derived from STBM.DS.SBS_STATUS and STBM.DS.KK_BABS)',
    denominator: 'Villages with a known SBS status',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: DERIVED,
    nationalTarget: null,
    evidence: ['S23', 'S28', 'S31', 'S34'],
  },
  {
    code: 'STBM.DS.DESA_STBM_PCT', group: 'stbm_village',
    nameId: '% desa/kelurahan STBM (dari data desa)',
    nameEn: '% STBM villages (from village data)',
    definition: 'Per village 100% when it is a Desa/Kelurahan STBM (verified 100% KK Stop BABS AND ≥75% of KK practising at least 3 of '
      + 'pillars 2–5), 0% when it is known not to be, no value when the data cannot decide (missing data is unknown, never "no"). '
      + 'Over an area: STBM villages ÷ villages whose status is known. The regency-reported figure is STBM.KAB.DESA_STBM_PCT.',
    unit: 'percent', measure: 'ratio',
    numerator: 'Villages that are Desa/Kelurahan STBM (derived; STBM.DS.STBM_STATUS = YA)',
    denominator: 'Villages whose Desa/Kelurahan STBM status is known',
    statusValues: null,
    areaAggregation: 'ratio', timeAggregation: 'last', direction: 'ascending', collectionLevel: 'village', frequency: 'event',
    source: DERIVED,
    nationalTarget: null,
    evidence: ['S29'],
  },
];
