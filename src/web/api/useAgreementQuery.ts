import { useQuery } from '@tanstack/react-query';
import { fetchAgreement } from './agreements.ts';

/** Everything under one agreement (detail, timeline, work plan, results) shares this key root, so one invalidation refreshes it all. */
export const agreementKey = (id: string) => ['agreement', id] as const;

/** `GET /api/agreements/{id}`: the agreement with its participants, people, scope items and documents. */
export function useAgreementQuery(id: string) {
  return useQuery({ queryKey: [...agreementKey(id), 'detail'], queryFn: ({ signal }) => fetchAgreement(id, signal) });
}
