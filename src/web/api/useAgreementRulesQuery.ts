import { useQuery } from '@tanstack/react-query';
import { fetchAgreementRules } from './agreements.ts';

/** `GET /api/agreement-rules`: urusan, the rule pack, expected clauses and the lifecycle graph. Changes only with a release. */
export function useAgreementRulesQuery() {
  return useQuery({ queryKey: ['agreementRules'], queryFn: ({ signal }) => fetchAgreementRules(signal), staleTime: Infinity });
}
