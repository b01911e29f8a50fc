import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchAudit } from './audit.ts';
import type { AuditFilters } from './audit.ts';

/** The audit trail, newest first (`GET /api/audit`, admins only), one page after another via `before`. */
export function useAuditQuery(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => fetchAudit(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
