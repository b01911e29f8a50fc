import { useQuery } from '@tanstack/react-query';
import { healthSchema } from '../../common/api/health.ts';
import { getJson } from './client.ts';

/** Server status and version (`GET /api/health`); the version does not change while the page is open. */
export function useHealthQuery() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getJson('/api/health', healthSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
