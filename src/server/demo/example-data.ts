/**
 * EXAMPLE village data (pure, deterministic): invented STBM recaps for every village of Kabupaten
 * Sumbawa Barat (52.07) and Kota Bekasi (32.75), for trying Kembar out. It is NOT real data: it is
 * stored with source kind `example` and every figure that includes it says so. The shapes follow
 * what the research reports of the two regions (research/stbm-indicators.md §0), so the story is
 * plausible — Sumbawa Barat rural, ODF since 2017, pillars 2–3 complete in 2020 and 4–5 in 2021;
 * Kota Bekasi urban, large kelurahan, slower on the behaviour pillars — but no number here is a
 * published figure (those are in published/published-figures-data.ts, with their sources).
 */

export const EXAMPLE_REGIONS = {
  '52.07': 'Kabupaten Sumbawa Barat: contoh data desa 2019–2024 (tahunan) dan Jan–Jun 2025 (bulanan) / example village data',
  '32.75': 'Kota Bekasi: contoh data kelurahan 2019–2024 (tahunan) dan Jan–Jun 2025 (bulanan) / example village data',
} as const;
export type ExampleRegion = keyof typeof EXAMPLE_REGIONS;

export const EXAMPLE_YEARS = ['2019', '2020', '2021', '2022', '2023', '2024'] as const;
/** Monthly recaps (household counts and pillar 1 only): the latest months, as a monthly routine would send. */
export const EXAMPLE_MONTHS = ['202501', '202502', '202503', '202504', '202505', '202506'] as const;

export interface ExampleCell {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
}

interface Profile {
  households: [number, number];
  growthPerYear: number;
  /** Fraction of villages with KK still BABS per year index (0 = 2019), and the share of their KK. */
  babsVillages: (year: number) => number;
  babsShare: number;
  /** Fraction of villages SBS-verified per year index (never more than those without BABS); the rest declared. */
  verifiedShare: (year: number) => number;
  jspShare: (year: number) => number;
  sharingShare: number;
  /** KK with a latrine that is not a healthy one (no access, but not BABS either). */
  unhealthyShare: (year: number) => number;
  /** Mean % of KK meeting pillars 2–5 per year index, and the village spread around it. */
  pillars: (year: number) => [number, number, number, number];
  spread: number;
}

const PROFILES: Record<ExampleRegion, Profile> = {
  '52.07': {
    households: [250, 1_600],
    growthPerYear: 0.015,
    babsVillages: (year) => (year === 0 ? 0.1 : 0),
    babsShare: 0.02,
    verifiedShare: (year) => (year === 0 ? 0.9 : 1),
    jspShare: (year) => 0.58 + 0.04 * year,
    sharingShare: 0.05,
    unhealthyShare: (year) => Math.max(0.01, 0.08 - 0.015 * year),
    pillars: (year) => [[81, 93, 70, 64], [99, 99, 71, 66], [98, 99, 96, 95], [98, 99, 97, 96], [98, 99, 97, 97], [99, 99, 98, 97]][year] as [number, number, number, number],
    spread: 6,
  },
  '32.75': {
    households: [3_000, 15_000],
    growthPerYear: 0.02,
    babsVillages: (year) => [0.6, 0.45, 0.3, 0.1][year] ?? 0,
    babsShare: 0.01,
    verifiedShare: (year) => [0.4, 0.55, 0.7, 0.9][year] ?? 1,
    jspShare: (year) => 0.8 + 0.02 * year,
    sharingShare: 0.08,
    unhealthyShare: (year) => Math.max(0.01, 0.06 - 0.01 * year),
    pillars: (year) => [78 + 2 * year, 85 + year, 66 + 3 * year, 60 + 4 * year],
    spread: 8,
  },
};

/** Every example cell of one region's villages: yearly recaps, pillar surveys and statuses, then monthly recaps. */
export function exampleCells(region: ExampleRegion, villageCodes: readonly string[]): ExampleCell[][] {
  const profile = PROFILES[region];
  const byPeriod: ExampleCell[][] = [];
  EXAMPLE_YEARS.forEach((year, index) => byPeriod.push(villageCodes.flatMap((code) => yearCells(profile, code, year, index))));
  EXAMPLE_MONTHS.forEach((month, index) => byPeriod.push(villageCodes.flatMap((code) => recapCells(profile, code, month, EXAMPLE_YEARS.length - 1 + (index + 1) / 12))));
  return byPeriod;
}

function yearCells(profile: Profile, code: string, period: string, year: number): ExampleCell[] {
  const random = seeded(`${code}|${period}`);
  const recap = recapCells(profile, code, period, year);
  const babs = recap.find((cell) => cell.indicatorCode === 'STBM.DS.KK_BABS')?.value ?? 0;
  const status = babs > 0 ? 'TERPICU' : rankOf(code) < profile.verifiedShare(year) ? 'SBS_TERVERIFIKASI' : 'DEKLARASI_SBS';
  const households = recap.find((cell) => cell.indicatorCode === 'STBM.DS.KK_TOTAL')?.value ?? 0;
  const sample = Math.max(10, Math.round(households * 0.3));
  const pillars = profile.pillars(year).map((mean, index) => {
    const percent = clamp(mean + (random() * 2 - 1) * profile.spread, 35, 100);
    return cell(`STBM.DS.PILAR_${index + 2}_PCT`, code, period, { numerator: Math.round((sample * percent) / 100), denominator: sample });
  });
  return [...recap, cell('STBM.DS.SBS_STATUS', code, period, { statusValue: status }), ...pillars];
}

/** The household recap of a village for a period: KK, latrine categories, BABS and pillar-1 access. */
function recapCells(profile: Profile, code: string, period: string, year: number): ExampleCell[] {
  const base = seeded(code);
  const [low, high] = profile.households;
  const households = Math.round((low + base() * (high - low)) * (1 + profile.growthPerYear) ** year);
  const random = seeded(`${code}|${period}|recap`);
  // The last-ranked villages still have BABS households; once a village is free of them it stays so.
  const babs = rankOf(code) >= 1 - profile.babsVillages(Math.floor(year)) ? Math.max(1, Math.round(households * profile.babsShare * (0.5 + random()))) : 0;
  const sharing = Math.round(households * profile.sharingShare * (0.5 + random()));
  const unhealthy = Math.round(households * profile.unhealthyShare(year) * (0.5 + random()));
  const jsp = Math.min(households - babs - sharing - unhealthy, Math.round(households * clamp(profile.jspShare(year) + (random() - 0.5) * 0.1, 0.3, 0.97)));
  const jssp = households - babs - sharing - unhealthy - jsp;
  return [
    cell('STBM.DS.KK_TOTAL', code, period, { value: households }),
    cell('STBM.DS.KK_JSP', code, period, { value: jsp }),
    cell('STBM.DS.KK_JSSP', code, period, { value: jssp }),
    cell('STBM.DS.KK_SHARING', code, period, { value: sharing }),
    cell('STBM.DS.KK_BABS', code, period, { value: babs }),
    cell('STBM.DS.P1_AKSES_PCT', code, period, { numerator: jsp + jssp + sharing, denominator: households }),
  ];
}

function cell(indicatorCode: string, areaCode: string, period: string, value: Partial<Pick<ExampleCell, 'value' | 'numerator' | 'denominator' | 'statusValue'>>): ExampleCell {
  return { indicatorCode, areaCode, period, value: null, numerator: null, denominator: null, statusValue: null, ...value };
}

/** A village's fixed place in its region's progress (0–1): the lower, the earlier it was free of BABS and verified. */
function rankOf(code: string): number {
  return seeded(`${code}|rank`)();
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A small deterministic generator (mulberry32) seeded by a text: the same village always gets the same numbers. */
function seeded(text: string): () => number {
  let state = 2166136261;
  for (const char of text) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
