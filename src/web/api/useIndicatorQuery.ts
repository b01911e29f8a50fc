import { useQuery, useQueryClient } from '@tanstack/react-query';
import { indicatorSchema } from '../../common/api/indicators.ts';
import type { Indicator } from '../../common/api/indicators.ts';
import { getJson } from './client.ts';
import { INDICATOR_STALE_TIME } from './observations.ts';

/**
 * One catalogue entry (`GET /api/indicators/{code}`). Coming from the list, the entry is in the
 * cached catalogue already and shows at once; opened directly, it is fetched on its own.
 */
export function useIndicatorQuery(code: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['indicators', 'one', code],
    queryFn: ({ signal }) => getJson(`/api/indicators/${encodeURIComponent(code)}`, indicatorSchema, signal),
    initialData: () => queryClient.getQueryData<{ items: Indicator[] }>(['indicators', 'all'])?.items.find((item) => item.code === code),
    staleTime: INDICATOR_STALE_TIME,
  });
}
