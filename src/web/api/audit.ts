import type { z } from 'zod';
import { auditListSchema } from '../../common/api/audit.ts';
import { getJson } from './client.ts';

export type AuditPage = z.infer<typeof auditListSchema>;

/** Filters of the audit list, as the API names them; dates are ISO date-times. */
export interface AuditFilters {
  entity?: string;
  id?: string;
  user?: string;
  from?: string;
  to?: string;
}

export function fetchAudit(filters: AuditFilters, before: number | undefined, signal?: AbortSignal): Promise<AuditPage> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (before !== undefined) query.set('before', String(before));
  return getJson(`/api/audit?${query.toString()}`, auditListSchema, signal);
}
