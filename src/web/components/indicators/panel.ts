import type { AreaLevel } from '../../../common/area-code.ts';
import { COLLECTION_LEVELS, INDICATOR_GROUPS } from '../../../common/api/indicators.ts';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { comparePeriods, parsePeriod } from '../../../common/period.ts';

/** The indicator the panel opens on: the share of families with access to a proper latrine (pillar 1). */
export const DEFAULT_INDICATOR = 'STBM.DS.P1_AKSES_PCT';

type CollectionLevel = Indicator['collectionLevel'];
type Group = Indicator['group'];

/** The collection level of each area level: a kabupaten/kota collects `regency` indicators. */
const AREA_COLLECTION_LEVELS: Record<AreaLevel, CollectionLevel> = { 1: 'province', 2: 'regency', 3: 'district', 4: 'village' };

/** Indicators an area can show: those collected at its level or below (a village's values add up into the kecamatan). */
export function indicatorsFor(catalogue: readonly Indicator[], level: AreaLevel): Indicator[] {
  const top = COLLECTION_LEVELS.indexOf(AREA_COLLECTION_LEVELS[level]);
  return catalogue.filter((indicator) => COLLECTION_LEVELS.indexOf(indicator.collectionLevel) <= top);
}

/** Indicators by group, in catalogue group order; groups without indicators are left out. */
export function groupIndicators(indicators: readonly Indicator[]): { group: Group; items: Indicator[] }[] {
  return INDICATOR_GROUPS.map((group) => ({ group, items: indicators.filter((indicator) => indicator.group === group) })).filter(
    (entry) => entry.items.length > 0,
  );
}

/** True when a row carries a figure (a value, a ratio or status counts), not just the expected count. */
export function hasData(row: ValueRow): boolean {
  return row.value !== null || row.statusCounts !== null;
}

/** The panel offers months and whole years. */
function isPanelPeriod(code: string): boolean {
  const { type } = parsePeriod(code);
  return type === 'monthly' || type === 'yearly';
}

/** The latest month or year with data in a series (a month beats its year, which starts earlier), or null. */
export function latestPeriod(rows: readonly ValueRow[]): string | null {
  const codes = rows.filter((row) => hasData(row) && isPanelPeriod(row.period)).map((row) => row.period);
  return codes.sort(comparePeriods).at(-1) ?? null;
}

/** `2026` and `202611` as the year and month (null for a whole year) of the panel's two selects. */
export function splitPeriod(code: string): { year: number; month: number | null } {
  return { year: Number(code.slice(0, 4)), month: code.length === 6 ? Number(code.slice(4)) : null };
}

export function joinPeriod(year: number, month: number | null): string {
  return month === null ? String(year) : `${year}${String(month).padStart(2, '0')}`;
}
