import { useQuery } from '@tanstack/react-query';
import { fetchTimeline } from './agreements.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** `GET /api/agreements/{id}/timeline`: every transition, who, when, from → to, note. */
export function useTimelineQuery(id: string) {
  return useQuery({ queryKey: [...agreementKey(id), 'timeline'], queryFn: ({ signal }) => fetchTimeline(id, signal) });
}
