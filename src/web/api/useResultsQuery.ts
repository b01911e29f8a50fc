import { useQuery } from '@tanstack/react-query';
import { fetchResults } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** The results framework: results → indicators → periods (target, actual). */
export function useResultsQuery(agreementId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'results'], queryFn: ({ signal }) => fetchResults(agreementId, signal) });
}
