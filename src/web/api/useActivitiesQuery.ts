import { useQuery } from '@tanstack/react-query';
import { fetchActivities } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** The work plan: the agreement's activities. */
export function useActivitiesQuery(agreementId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'activities'], queryFn: ({ signal }) => fetchActivities(agreementId, signal) });
}
