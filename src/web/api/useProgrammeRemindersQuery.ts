import { useQuery } from '@tanstack/react-query';
import { fetchProgrammeReminders } from './programmes.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** `GET /api/agreements/{id}/programme/reminders`: activities overdue and result reports due. */
export function useProgrammeRemindersQuery(agreementId: string) {
  return useQuery({ queryKey: [...agreementKey(agreementId), 'programmeReminders'], queryFn: ({ signal }) => fetchProgrammeReminders(agreementId, signal) });
}
