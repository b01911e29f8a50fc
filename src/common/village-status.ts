/**
 * Village status rules (pure): which villages are open-defecation free (SBS/ODF verified) and which
 * are Desa/Kelurahan STBM, derived from the village's own observations. Research:
 * research/stbm-indicators.md §1.3 and §3.2 (S23, S28, S29):
 * - SBS/ODF verified: every individual stopped open defecation, confirmed by verification (100% of
 *   houses visited) — STBM.DS.SBS_STATUS = SBS_TERVERIFIKASI.
 * - Desa/Kelurahan STBM: verified 100% of KK Stop BABS AND ≥ 75% of KK practising at least 3 of
 *   the other pillars (2–5).
 *
 * Every answer is three-valued. Missing data gives `unknown`, never `no`: a village nobody has
 * reported on is not counted as failing, it is left out (and coverage shows it).
 */

export type Tri = 'yes' | 'no' | 'unknown';

export interface Share {
  numerator: number;
  denominator: number;
}

/** What the rules read of one village for one period (its preferred source, as rolled up). */
export interface VillageFacts {
  /** STBM.DS.SBS_STATUS: BELUM_PICU, TERPICU, DEKLARASI_SBS or SBS_TERVERIFIKASI. */
  sbsStatus: string | null;
  /** STBM.DS.KK_TOTAL and STBM.DS.KK_BABS: the recap's household counts, when entered. */
  kkTotal: number | null;
  kkBabs: number | null;
  /** STBM.DS.PILAR_2_PCT … PILAR_5_PCT, in pillar order (4 entries, null when not entered). */
  pillars: ReadonlyArray<Share | null>;
}

export const SBS_VERIFIED = 'SBS_TERVERIFIKASI';
/** ≥ 75% of KK, as a fraction compared exactly (3/4). */
export const PILLAR_SHARE_REQUIRED = 0.75;
/** At least 3 of pillars 2–5 must reach the share. */
export const PILLARS_REQUIRED = 3;

/** The observations the rules read: a write to any of them (at a village) re-derives the statuses. */
export const VILLAGE_STATUS_INPUTS = {
  sbsStatus: 'STBM.DS.SBS_STATUS',
  kkTotal: 'STBM.DS.KK_TOTAL',
  kkBabs: 'STBM.DS.KK_BABS',
  pillars: ['STBM.DS.PILAR_2_PCT', 'STBM.DS.PILAR_3_PCT', 'STBM.DS.PILAR_4_PCT', 'STBM.DS.PILAR_5_PCT'],
} as const;
export const VILLAGE_STATUS_INPUT_CODES: readonly string[] = [
  VILLAGE_STATUS_INPUTS.sbsStatus,
  VILLAGE_STATUS_INPUTS.kkTotal,
  VILLAGE_STATUS_INPUTS.kkBabs,
  ...VILLAGE_STATUS_INPUTS.pillars,
];

/**
 * The indicators the rules write (source kind `derived`); people cannot enter them. The two
 * percentages are 1/1 or 0/1 per village, so that over an area they roll up (Σnum/Σden) into the
 * count of such villages (numerator) and their share of the villages with a known status.
 */
export const DERIVED_VILLAGE_INDICATORS = {
  /** Desa/Kelurahan STBM, YA / TIDAK. */
  stbmStatus: 'STBM.DS.STBM_STATUS',
  /** % villages SBS/ODF verified. */
  odfShare: 'STBM.DS.DESA_SBS_PCT',
  /** % villages Desa/Kelurahan STBM. */
  stbmShare: 'STBM.DS.DESA_STBM_PCT',
} as const;
export const DERIVED_INDICATOR_CODES: readonly string[] = Object.values(DERIVED_VILLAGE_INDICATORS);

export function isDerivedIndicator(code: string): boolean {
  return DERIVED_INDICATOR_CODES.includes(code);
}

/**
 * Whether the recap's counts show 100% of KK stopped open defecation: exactly zero KK still BABS
 * (one BABS household of a thousand is 99.9%, not 100%). Unknown without the BABS count or when
 * the village has no households on record.
 */
export function allStoppedOpenDefecation(facts: Pick<VillageFacts, 'kkTotal' | 'kkBabs'>): Tri {
  if (facts.kkBabs === null) return 'unknown';
  if (facts.kkBabs > 0) return 'no';
  return facts.kkTotal === 0 ? 'unknown' : 'yes';
}

/**
 * SBS/ODF verified: the verified status, unless the recap of the same period shows households
 * still practising open defecation (the village has slipped back; the verification no longer holds).
 */
export function odfVerified(facts: VillageFacts): Tri {
  if (facts.sbsStatus === null) return 'unknown';
  if (facts.sbsStatus !== SBS_VERIFIED) return 'no';
  return allStoppedOpenDefecation(facts) === 'no' ? 'no' : 'yes';
}

/** Whether a pillar reaches ≥ 75% of KK; unknown when not entered or nobody was surveyed. */
export function pillarMet(share: Share | null): Tri {
  if (share === null || share.denominator <= 0) return 'unknown';
  // numerator/denominator ≥ 3/4, compared without dividing (74.9% fails, 75% exactly passes),
  // with a tolerance for binary fractions such as 0.15 of 0.2.
  const difference = share.numerator * 4 - share.denominator * 3;
  return difference >= -1e-9 * share.denominator ? 'yes' : 'no';
}

/** How many of pillars 2–5 are met, failed or unknown, and whether at least 3 are met. */
export function otherPillars(pillars: ReadonlyArray<Share | null>): { met: number; failed: number; unknown: number; result: Tri } {
  const answers = [0, 1, 2, 3].map((index) => pillarMet(pillars[index] ?? null));
  const met = answers.filter((answer) => answer === 'yes').length;
  const failed = answers.filter((answer) => answer === 'no').length;
  const unknown = answers.length - met - failed;
  // Decided as soon as the known pillars settle it: 3 met is yes whatever the fourth; with 2
  // failed, 3 can no longer be met.
  const result: Tri = met >= PILLARS_REQUIRED ? 'yes' : met + unknown < PILLARS_REQUIRED ? 'no' : 'unknown';
  return { met, failed, unknown, result };
}

/** Desa/Kelurahan STBM: SBS/ODF verified AND at least 3 of pillars 2–5 at ≥ 75% of KK. */
export function desaStbm(facts: VillageFacts): Tri {
  return both(odfVerified(facts), otherPillars(facts.pillars).result);
}

/** Three-valued AND: no if either is no, yes if both are yes, otherwise unknown. */
export function both(left: Tri, right: Tri): Tri {
  if (left === 'no' || right === 'no') return 'no';
  return left === 'yes' && right === 'yes' ? 'yes' : 'unknown';
}

/** One derived cell: the value to store, or null to clear it (the status is unknown). */
export type DerivedValue = { statusValue: 'YA' | 'TIDAK' } | { numerator: 0 | 1; denominator: 1 } | null;

/** Every derived indicator's value for a village's facts, by indicator code. */
export function deriveVillageStatuses(facts: VillageFacts): Record<string, DerivedValue> {
  const odf = odfVerified(facts);
  const stbm = desaStbm(facts);
  return {
    [DERIVED_VILLAGE_INDICATORS.stbmStatus]: stbm === 'unknown' ? null : { statusValue: stbm === 'yes' ? 'YA' : 'TIDAK' },
    [DERIVED_VILLAGE_INDICATORS.odfShare]: asShare(odf),
    [DERIVED_VILLAGE_INDICATORS.stbmShare]: asShare(stbm),
  };
}

function asShare(answer: Tri): DerivedValue {
  return answer === 'unknown' ? null : { numerator: answer === 'yes' ? 1 : 0, denominator: 1 };
}
