import { useQuery } from '@tanstack/react-query';
import { fetchEvidence } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** An activity's evidence: photos, attendance lists, documents, links. */
export function useEvidenceQuery(agreementId: string, activityId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'evidence', activityId], queryFn: ({ signal }) => fetchEvidence(activityId, signal) });
}
