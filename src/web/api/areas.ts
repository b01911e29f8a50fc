import { areaDetailSchema, areaSearchResultSchema } from '../../common/api/areas.ts';
import type { AreaDetail, AreaSearchResult } from '../../common/api/areas.ts';
import type { AreaLevel } from '../../common/area-code.ts';
import { getJson } from './client.ts';

/** Area data changes only when a new idn-area-data release is imported, so cached answers stay good. */
export const AREA_STALE_TIME = Number.POSITIVE_INFINITY;

export interface AreaSearchParams {
  q?: string;
  level?: AreaLevel;
  limit?: number;
}

export function fetchArea(code: string, signal?: AbortSignal): Promise<AreaDetail> {
  return getJson(`/api/areas/${encodeURIComponent(code)}`, areaDetailSchema, signal);
}

export function searchAreas(params: AreaSearchParams, signal?: AbortSignal): Promise<AreaSearchResult> {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.level) query.set('level', String(params.level));
  if (params.limit) query.set('limit', String(params.limit));
  return getJson(`/api/areas?${query.toString()}`, areaSearchResultSchema, signal);
}
