import { useQuery } from '@tanstack/react-query';
import { fetchLink } from './auth.ts';

/** What a one-time link is for and whom (`GET /api/auth/links/{token}`); 404 once used or expired. */
export function useLinkQuery(token: string) {
  return useQuery({
    queryKey: ['link', token],
    queryFn: ({ signal }) => fetchLink(token, signal),
    // Reading a link does not use it up; the answer only changes when the form is sent.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
