import { useQuery } from '@tanstack/react-query';
import { fetchUpdates } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** One period's updates, newest workflow state included. */
export function useResultUpdatesQuery(agreementId: string, periodId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'updates', periodId], queryFn: ({ signal }) => fetchUpdates(periodId, signal) });
}
