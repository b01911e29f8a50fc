import type { z } from 'zod';
import { indicatorListSchema } from '../../common/api/indicator-list.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { observationSheetSchema } from '../../common/api/observations.ts';
import type { ObservationSheet, saveObservationsSchema } from '../../common/api/observations.ts';
import { getJson } from './client.ts';
import { writeJson } from './write.ts';

export type SaveObservationsInput = z.input<typeof saveObservationsSchema>;

/** The catalogue changes only with a new release of Kembar, so a loaded list stays good. */
export const INDICATOR_STALE_TIME = Number.POSITIVE_INFINITY;

/** The indicators collected at `level`, or the whole catalogue when `level` is left out. */
export function fetchIndicators(level: Indicator['collectionLevel'] | undefined, signal?: AbortSignal): Promise<{ items: Indicator[] }> {
  return getJson(level ? `/api/indicators?level=${level}` : '/api/indicators', indicatorListSchema, signal);
}

/** Every stored value of one area and period, all sources side by side. */
export function fetchObservations(areaCode: string, period: string, signal?: AbortSignal): Promise<ObservationSheet> {
  const query = new URLSearchParams({ area: areaCode, period });
  return getJson(`/api/observations?${query.toString()}`, observationSheetSchema, signal);
}

/** Saves all entries or none (a 400 names every entry at fault); answers with the sheet as stored. */
export function saveObservations(input: SaveObservationsInput): Promise<ObservationSheet> {
  return writeJson('PUT', '/api/observations', input, observationSheetSchema);
}
