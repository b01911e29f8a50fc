import { useQuery } from '@tanstack/react-query';
import { AREA_STALE_TIME, searchAreas } from './areas.ts';

/** All 38 provinces, in the order the API lists them (`GET /api/areas?level=1&limit=100`). */
export function useProvincesQuery() {
  return useQuery({
    queryKey: ['areaSearch', { level: 1, limit: 100 }],
    queryFn: ({ signal }) => searchAreas({ level: 1, limit: 100 }, signal),
    staleTime: AREA_STALE_TIME,
  });
}
