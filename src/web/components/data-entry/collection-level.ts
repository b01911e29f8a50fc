import type { AreaLevel } from '../../../common/area-code.ts';
import type { COLLECTION_LEVELS } from '../../../common/api/indicators.ts';

export type EntryLevel = Extract<(typeof COLLECTION_LEVELS)[number], 'village' | 'district' | 'regency' | 'province'>;

/** The indicators entered for an area are those collected at its level: a desa/kelurahan gets the village ones. */
const ENTRY_LEVELS: Record<AreaLevel, EntryLevel> = { 1: 'province', 2: 'regency', 3: 'district', 4: 'village' };

export function entryLevelOf(level: AreaLevel): EntryLevel {
  return ENTRY_LEVELS[level];
}
