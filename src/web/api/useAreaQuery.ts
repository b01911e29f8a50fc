import { useQuery } from '@tanstack/react-query';
import { AREA_STALE_TIME, fetchArea } from './areas.ts';

/** One area with its ancestors, children and counts (`GET /api/areas/{code}`). */
export function useAreaQuery(code: string) {
  return useQuery({
    queryKey: ['area', code],
    queryFn: ({ signal }) => fetchArea(code, signal),
    staleTime: AREA_STALE_TIME,
  });
}
