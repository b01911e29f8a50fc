import { useQuery } from '@tanstack/react-query';
import { VALUES_STALE_TIME, fetchValues } from './values.ts';
import type { ValuesParams } from './values.ts';

/** One indicator for one period, of an area or of each area under it (`GET /api/values`). */
export function useValuesQuery(params: ValuesParams, enabled = true) {
  return useQuery({
    queryKey: ['values', params.indicator, params.area ?? 'ID', params.period, params.by],
    queryFn: ({ signal }) => fetchValues(params, signal),
    staleTime: VALUES_STALE_TIME,
    enabled,
  });
}
