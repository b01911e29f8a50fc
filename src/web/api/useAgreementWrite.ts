import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agreementKey } from './useAgreementQuery.ts';
import { AGREEMENTS_KEY } from './useAgreementsQuery.ts';
import { REMINDERS_KEY } from './useRemindersQuery.ts';

/**
 * Any write inside one agreement (a participant, a document, a transition, an activity, a result
 * update): afterwards everything under the agreement is read again, with the list and reminders,
 * so no section shows a state the write has changed.
 */
export function useAgreementWrite<TInput, TResult>(agreementId: string, write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    // Not awaited: the form that wrote resets at once (its own onSuccess), before the refreshed
    // lists arrive, so nothing typed after they appear is wiped by a late reset.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agreementKey(agreementId) });
      void queryClient.invalidateQueries({ queryKey: AGREEMENTS_KEY });
      void queryClient.invalidateQueries({ queryKey: REMINDERS_KEY });
    },
  });
}
