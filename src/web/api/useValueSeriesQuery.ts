import { useQuery } from '@tanstack/react-query';
import { VALUES_STALE_TIME, fetchValueSeries } from './values.ts';

/** One indicator of one area over every period with data (`GET /api/values/series`). */
export function useValueSeriesQuery(indicator: string, area?: string) {
  return useQuery({
    queryKey: ['values', 'series', indicator, area ?? 'ID'],
    queryFn: ({ signal }) => fetchValueSeries(indicator, area, signal),
    staleTime: VALUES_STALE_TIME,
  });
}
