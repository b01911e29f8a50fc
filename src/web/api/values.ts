import { seriesSchema, valuesSchema } from '../../common/api/values.ts';
import type { z } from 'zod';
import { getJson } from './client.ts';

export type Values = z.infer<typeof valuesSchema>;
export type ValueSeries = z.infer<typeof seriesSchema>;

export interface ValuesParams {
  indicator: string;
  /** Left out for the nation. */
  area?: string;
  period: string;
  by: 'self' | 'children' | 'villages';
  /** by=villages: one page of the area's villages, in code order. */
  limit?: number;
  offset?: number;
}

/**
 * Values roll up live (a village's save shows in every ancestor at once), so a figure is fresh for
 * a short while only.
 */
export const VALUES_STALE_TIME = 30_000;

/** One indicator for one period: the area itself, each area directly under it, or a page of its villages (`GET /api/values`). */
export function fetchValues({ indicator, area, period, by, limit, offset }: ValuesParams, signal?: AbortSignal): Promise<Values> {
  const query = new URLSearchParams({ indicator, period, by });
  if (area) query.set('area', area);
  if (limit !== undefined) query.set('limit', String(limit));
  if (offset !== undefined) query.set('offset', String(offset));
  return getJson(`/api/values?${query.toString()}`, valuesSchema, signal);
}

/** One indicator of one area over every period with data (`GET /api/values/series`). */
export function fetchValueSeries(indicator: string, area: string | undefined, signal?: AbortSignal): Promise<ValueSeries> {
  const query = new URLSearchParams({ indicator });
  if (area) query.set('area', area);
  return getJson(`/api/values/series?${query.toString()}`, seriesSchema, signal);
}
