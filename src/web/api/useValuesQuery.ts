import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { VALUES_STALE_TIME, fetchValues } from './values.ts';
import type { ValuesParams } from './values.ts';

/** One indicator for one period, of an area, of each area under it, or of a page of its villages (`GET /api/values`). */
export function useValuesQuery(params: ValuesParams, enabled = true) {
  return useQuery({
    queryKey: ['values', params.indicator, params.area ?? 'ID', params.period, params.by, params.limit, params.offset],
    queryFn: ({ signal }) => fetchValues(params, signal),
    staleTime: VALUES_STALE_TIME,
    enabled,
    // Paging through villages keeps the current page on screen until the next one arrives.
    placeholderData: params.by === 'villages' ? keepPreviousData : undefined,
  });
}
