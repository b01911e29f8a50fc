import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAgreements } from './agreements.ts';
import type { AgreementFilters } from './agreements.ts';

export const AGREEMENTS_KEY = ['agreements'] as const;

/** `GET /api/agreements?q=&status=&area=&role=`; the list stays on screen while a new filter loads. */
export function useAgreementsQuery(filters: AgreementFilters) {
  return useQuery({
    queryKey: [...AGREEMENTS_KEY, filters],
    queryFn: ({ signal }) => fetchAgreements(filters, signal),
    placeholderData: keepPreviousData,
  });
}
