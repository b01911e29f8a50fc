import { COLLECTION_LEVELS, INDICATOR_GROUPS } from '../../../common/api/indicators.ts';
import type { Indicator } from '../../../common/api/indicators.ts';
import { normalizeSearchText } from '../../../common/search-text.ts';

/**
 * The indicator browser's list: what the search box and the three filters (domain, STBM pillar,
 * collection level) keep of the catalogue. Pure, so the rules are tested without a browser.
 */
export type Group = Indicator['group'];
export type CollectionLevel = Indicator['collectionLevel'];
export const PILLARS = [1, 2, 3, 4, 5] as const;
export type Pillar = (typeof PILLARS)[number];

export interface IndicatorFilter {
  q: string;
  group: Group | null;
  pillar: Pillar | null;
  level: CollectionLevel | null;
}

export const EMPTY_FILTER: IndicatorFilter = { q: '', group: null, pillar: null, level: null };

/*
 * Pillar 1 (stop BABS) has no "P1" in most of its codes: the latrine counts, the SBS/ODF statuses
 * and their regional shares all measure it (research/stbm-indicators.md §1.1, §3.2–3.3).
 */
const PILLAR_ONE_CODES = new Set([
  'STBM.DS.KK_JSP', 'STBM.DS.KK_JSSP', 'STBM.DS.KK_SHARING', 'STBM.DS.KK_BABS', 'STBM.DS.SBS_STATUS', 'STBM.DS.TERPICU',
  'STBM.KAB.DESA_SBS_PCT', 'STBM.KAB.KK_AKSES_PCT', 'STBM.KAB.ODF_STATUS',
]);

/** The STBM pillars an indicator measures: `…P2_…`, `…PILAR_2…`, pillar-1 counts; none for other domains. */
export function pillarsOf(indicator: Indicator): Pillar[] {
  if (!indicator.code.startsWith('STBM.')) return [];
  if (PILLAR_ONE_CODES.has(indicator.code)) return [1];
  const match = /\.(?:P|(?:TUNTAS_)?PILAR_)([1-5])(?:_|$)/.exec(indicator.code);
  if (match) return [Number(match[1]) as Pillar];
  // Village and regional STBM status (Desa STBM, 5 pilar) cover all five pillars.
  return /STBM_STATUS|STBM_PCT|5PILAR|DESA_STBM/.test(indicator.code) ? [...PILLARS] : [];
}

/** Every word of the query must appear in the code, either name, the definition or the unit. */
export function matchesQuery(indicator: Indicator, q: string): boolean {
  const words = normalizeSearchText(q).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeSearchText(
    [indicator.code, indicator.nameId, indicator.nameEn, indicator.definition, indicator.unit].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

export function filterIndicators(catalogue: readonly Indicator[], filter: IndicatorFilter): Indicator[] {
  return catalogue.filter(
    (indicator) =>
      (filter.group === null || indicator.group === filter.group) &&
      (filter.level === null || indicator.collectionLevel === filter.level) &&
      (filter.pillar === null || pillarsOf(indicator).includes(filter.pillar)) &&
      matchesQuery(indicator, filter.q),
  );
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** The filter in the URL (`?q=&domain=&pilar=&tingkat=`), so a filtered list can be shared and Back returns to it. */
export function filterFromParams(params: URLSearchParams): IndicatorFilter {
  const pillar = Number(params.get('pilar'));
  return {
    q: params.get('q') ?? '',
    group: oneOf(INDICATOR_GROUPS, params.get('domain')),
    pillar: PILLARS.find((candidate) => candidate === pillar) ?? null,
    level: oneOf(COLLECTION_LEVELS, params.get('tingkat')),
  };
}

export function filterToParams(filter: IndicatorFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.q.trim()) params.q = filter.q.trim();
  if (filter.group) params.domain = filter.group;
  if (filter.pillar) params.pilar = String(filter.pillar);
  if (filter.level) params.tingkat = filter.level;
  return params;
}
