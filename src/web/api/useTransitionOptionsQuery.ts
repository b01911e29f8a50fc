import { useQuery } from '@tanstack/react-query';
import { fetchTransitionOptions } from './agreements.ts';
import { agreementKey } from './useAgreementQuery.ts';

/** `GET /api/agreements/{id}/transitions`: the next states, each with its unmet guards and warnings. */
export function useTransitionOptionsQuery(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...agreementKey(id), 'transitions'], queryFn: ({ signal }) => fetchTransitionOptions(id, signal), enabled });
}
