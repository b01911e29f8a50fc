import { useQuery } from '@tanstack/react-query';
import { INDICATOR_STALE_TIME, fetchIndicators } from './observations.ts';

/** The whole indicator catalogue, every level (`GET /api/indicators`). */
export function useCatalogueQuery() {
  return useQuery({
    queryKey: ['indicators', 'all'],
    queryFn: ({ signal }) => fetchIndicators(undefined, signal),
    staleTime: INDICATOR_STALE_TIME,
  });
}
