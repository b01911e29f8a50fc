import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '../../common/api/indicators.ts';
import { INDICATOR_STALE_TIME, fetchIndicators } from './observations.ts';

/** The indicators entered at one area level (`GET /api/indicators?level=village`). */
export function useIndicatorsQuery(level: Indicator['collectionLevel']) {
  return useQuery({
    queryKey: ['indicators', level],
    queryFn: ({ signal }) => fetchIndicators(level, signal),
    staleTime: INDICATOR_STALE_TIME,
  });
}
