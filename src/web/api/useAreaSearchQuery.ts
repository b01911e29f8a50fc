import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AREA_STALE_TIME, searchAreas } from './areas.ts';

/** Shorter terms match thousands of villages and tell the user nothing. */
export const MIN_SEARCH_LENGTH = 2;

const SEARCH_LIMIT = 12;

/**
 * Areas whose name matches `term`, best match first. Idle until the term is long enough; while a new
 * term loads, the previous results stay on screen so the list does not flicker as the user types.
 */
export function useAreaSearchQuery(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ['areaSearch', { q, limit: SEARCH_LIMIT }],
    queryFn: ({ signal }) => searchAreas({ q, limit: SEARCH_LIMIT }, signal),
    enabled: q.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: AREA_STALE_TIME,
  });
}
