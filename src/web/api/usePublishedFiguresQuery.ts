import { useQuery } from '@tanstack/react-query';
import { publishedFiguresSchema } from '../../common/api/published-figures.ts';
import { getJson } from './client.ts';

/** Published figures change with a release of Kembar only (they are seeded from the research). */
const PUBLISHED_STALE_TIME = Number.POSITIVE_INFINITY;

/** Real figures as published for an area and the areas under it, each with its citation (`GET /api/published-figures`). */
export function usePublishedFiguresQuery(area: string) {
  return useQuery({
    queryKey: ['publishedFigures', area],
    queryFn: ({ signal }) => getJson(`/api/published-figures?${new URLSearchParams({ area }).toString()}`, publishedFiguresSchema, signal),
    staleTime: PUBLISHED_STALE_TIME,
  });
}
