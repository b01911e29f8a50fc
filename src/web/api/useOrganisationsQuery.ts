import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchOrganisations } from './organisations.ts';

const ORGANISATION_LIMIT = 8;

/** Organisations whose name (or code) matches `term`, for a picker; idle while the term is empty. */
export function useOrganisationsQuery(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ['organisations', { q, limit: ORGANISATION_LIMIT }],
    queryFn: ({ signal }) => searchOrganisations({ q, limit: ORGANISATION_LIMIT }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
