// Synthetic national data for the rollup benchmark: every village × 12 village indicators of the
// catalogue × N months, plus two small flows collected above the village (a district ratio summed
// over the year and a regency count). Values are deterministic (hash of village, indicator, month)
// and plausible (households split over the latrine ladder, pillar percentages rising over time, SBS
// statuses advancing), so the rollups have real work to do. This is example data, never shown as fact.
import { toCopyText, type CopyValue } from '../../src/server/db/copy-text.ts';

/**
 * COPY text of rows whose values never hold a tab, newline or backslash (codes, numbers, status
 * words): 36 million rows are generated per run, so this skips toCopyText's per-value escaping.
 */
function plainCopyText(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map((value) => (value === null ? '\\N' : value)).join('\t')}\n`;
  return text;
}

/** The observation columns the generator fills, in COPY order. */
export const OBSERVATION_COLUMNS = [
  'province_code', 'indicator_code', 'area_code', 'period', 'source_kind',
  'value', 'numerator', 'denominator', 'status_value', 'status',
] as const;

/** The 12 village indicators: sums of households, ratios, and statuses, all stocks ('last'). */
export const VILLAGE_INDICATORS = [
  'STBM.DS.KK_TOTAL', 'STBM.DS.KK_JSP', 'STBM.DS.KK_JSSP', 'STBM.DS.KK_BABS',
  'STBM.DS.P1_AKSES_PCT', 'STBM.DS.PILAR_2_PCT', 'STBM.DS.PILAR_3_PCT', 'STBM.DS.PILAR_4_PCT', 'STBM.DS.PILAR_5_PCT',
  'HLT.KAB.STUNTING_EPPGBM_PCT', 'STBM.DS.SBS_STATUS', 'STBM.DS.STBM_STATUS',
] as const;

/** Flows ('sum' over time), collected above the village: a district ratio (yearly) and a regency count (monthly). */
export const DISTRICT_FLOW = 'HLT.KAB.DIARE_BALITA_LAYAN_PCT';
export const REGENCY_FLOW = 'ALD.KAB.DESLUDGE_PER_YEAR';

const SBS_STEPS = ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'] as const;

/** `count` months ending with December of `lastYear`, oldest first, as DHIS2 codes (202201). */
export function monthCodes(count: number, lastYear = 2024): string[] {
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index;
    const year = lastYear - Math.floor(back / 12);
    const month = 12 - (back % 12);
    return `${year}${String(month).padStart(2, '0')}`;
  });
}

/** A deterministic hash of two integers to [0, 1). */
export function hash01(a: number, b: number): number {
  let x = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  return (x >>> 0) / 4294967296;
}

type Row = CopyValue[];

/** One village's 12 observations for month number `month` (0 = the first month generated). */
export function villageRows(villageCode: string, villageIndex: number, month: number, period: string): Row[] {
  const province = villageCode.slice(0, 2);
  const households = 50 + Math.floor(hash01(villageIndex, 7) * 1500) + Math.floor(month * hash01(villageIndex, 8) * 2);
  const progress = (indicator: number) => Math.min(1, hash01(villageIndex, indicator) * 0.7 + month * 0.008 + hash01(villageIndex * 31 + month, indicator) * 0.05);
  const jsp = Math.floor(households * progress(1));
  const jssp = Math.floor((households - jsp) * 0.4);
  const babs = Math.max(0, Math.floor((households - jsp - jssp) * (1 - progress(2))));
  const measured = 10 + Math.floor(households * 0.12);
  const stunted = Math.floor(measured * (0.35 - 0.25 * progress(3)));
  const step = Math.min(3, Math.floor(hash01(villageIndex, 9) * 3 + month / 12));
  const row = (indicator: string, value: number | null, numerator: number | null, denominator: number | null, status: string | null): Row =>
    [province, indicator, villageCode, period, 'routine', value, numerator, denominator, status, 'approved'];
  return [
    row('STBM.DS.KK_TOTAL', households, null, null, null),
    row('STBM.DS.KK_JSP', jsp, null, null, null),
    row('STBM.DS.KK_JSSP', jssp, null, null, null),
    row('STBM.DS.KK_BABS', babs, null, null, null),
    row('STBM.DS.P1_AKSES_PCT', null, households - babs, households, null),
    row('STBM.DS.PILAR_2_PCT', null, Math.floor(households * progress(4)), households, null),
    row('STBM.DS.PILAR_3_PCT', null, Math.floor(households * progress(5)), households, null),
    row('STBM.DS.PILAR_4_PCT', null, Math.floor(households * progress(6)), households, null),
    row('STBM.DS.PILAR_5_PCT', null, Math.floor(households * progress(10)), households, null),
    row('HLT.KAB.STUNTING_EPPGBM_PCT', null, stunted, measured, null),
    row('STBM.DS.SBS_STATUS', null, null, null, SBS_STEPS[step] ?? 'BELUM_PICU'),
    row('STBM.DS.STBM_STATUS', null, null, null, step === 3 && progress(4) > 0.75 ? 'YA' : 'TIDAK'),
  ];
}

/**
 * COPY text chunks of every village's observations, month by month (the way monthly data
 * arrives), about `rowsPerChunk` rows each, generated lazily so memory stays bounded.
 */
export function* villageChunks(villages: readonly string[], months: readonly string[], rowsPerChunk: number): Generator<string> {
  let rows: Row[] = [];
  for (let month = 0; month < months.length; month += 1) {
    const period = months[month] ?? '';
    for (let index = 0; index < villages.length; index += 1) {
      rows.push(...villageRows(villages[index] ?? '', index, month, period));
      if (rows.length >= rowsPerChunk) {
        yield plainCopyText(rows);
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield plainCopyText(rows);
}

/** The flows: children with diarrhoea treated per district per year, desludged houses per regency per month. */
export function flowChunk(districts: readonly string[], regencies: readonly string[], months: readonly string[]): string {
  const years = [...new Set(months.map((month) => month.slice(0, 4)))];
  const rows: Row[] = [];
  districts.forEach((code, index) => {
    for (const year of years) {
      const cases = 5 + Math.floor(hash01(index, Number(year)) * 200);
      rows.push([code.slice(0, 2), DISTRICT_FLOW, code, year, 'routine', null, Math.floor(cases * (0.5 + hash01(index, 3) * 0.5)), cases, null, 'approved']);
    }
  });
  regencies.forEach((code, index) => {
    months.forEach((month, m) => {
      rows.push([code.slice(0, 2), REGENCY_FLOW, code, month, 'routine', Math.floor(hash01(index, m) * 400), null, null, null, 'approved']);
    });
  });
  return toCopyText(rows);
}

/**
 * About `wanted` villages for a reduced run: whole kecamatan, evenly spread over the country, so
 * every province is present and a kecamatan still has its real number of villages to add up.
 */
export function sampleVillages(villages: readonly string[], wanted: number): string[] {
  if (wanted >= villages.length) return [...villages];
  const byDistrict = new Map<string, string[]>();
  for (const village of villages) byDistrict.set(village.slice(0, 8), [...(byDistrict.get(village.slice(0, 8)) ?? []), village]);
  const districts = [...byDistrict.values()];
  const share = wanted / villages.length;
  const chosen: string[] = [];
  districts.forEach((district, index) => {
    if (Math.floor((index + 1) * share) > Math.floor(index * share)) chosen.push(...district);
  });
  return chosen;
}
