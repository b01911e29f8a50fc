import { useQuery } from '@tanstack/react-query';
import { fetchProgramme } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** The agreement's programme (twinning method stage), or null while none was started. */
export function useProgrammeQuery(agreementId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'programme'], queryFn: ({ signal }) => fetchProgramme(agreementId, signal) });
}
