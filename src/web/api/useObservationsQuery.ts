import { useQuery } from '@tanstack/react-query';
import { fetchObservations } from './observations.ts';

export function observationsKey(areaCode: string, period: string) {
  return ['observations', areaCode, period] as const;
}

/** The stored values of one area and period, every source (`GET /api/observations`). */
export function useObservationsQuery(areaCode: string, period: string) {
  return useQuery({
    queryKey: observationsKey(areaCode, period),
    queryFn: ({ signal }) => fetchObservations(areaCode, period, signal),
  });
}
