import type { AreaLevel } from '../../../common/area-code.ts';
import type { Indicator } from '../../../common/api/indicators.ts';

/** Villages per page of the "by village" table: a screenful on a phone, light on a slow connection. */
export const VILLAGE_PAGE_SIZE = 25;

/**
 * Whether the area page lists the indicator village by village: for a kabupaten/kota or a
 * kecamatan (a province has thousands of villages; a village is itself), and only for indicators
 * whose values live at villages (village recaps and household records counted per village).
 */
export function showsVillages(indicator: Pick<Indicator, 'collectionLevel'>, level: AreaLevel): boolean {
  return (level === 2 || level === 3) && (indicator.collectionLevel === 'village' || indicator.collectionLevel === 'household');
}

export interface PageInfo {
  /** 1-based, for "26–50 dari 65". */
  from: number;
  to: number;
  total: number;
  previous: number | null;
  next: number | null;
}

/** Where a page sits in the whole list, and the offsets of its neighbours (null at either end). */
export function pageInfo(offset: number, limit: number, total: number): PageInfo {
  const from = total === 0 ? 0 : Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return {
    from,
    to,
    total,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + limit < total ? offset + limit : null,
  };
}
