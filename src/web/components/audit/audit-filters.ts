import type { AuditFilters } from '../../api/audit.ts';

/** The filters as the page keeps them in its URL: dates as `YYYY-MM-DD`, as a date input gives them. */
export interface AuditSearch {
  entity: string;
  id: string;
  user: string;
  from: string;
  to: string;
}

export const AUDIT_SEARCH_KEYS = ['entity', 'id', 'user', 'from', 'to'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function readAuditSearch(params: URLSearchParams): AuditSearch {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  return { entity: get('entity'), id: get('id'), user: get('user'), from: get('from'), to: get('to') };
}

/**
 * The API's filters. Dates are whole days in the reader's time zone: `from` its first moment, `to`
 * its last, so "until 28 Nov" includes what happened on the evening of the 28th.
 */
export function toAuditFilters(search: AuditSearch): AuditFilters {
  return {
    entity: search.entity || undefined,
    id: search.id || undefined,
    user: search.user || undefined,
    from: DATE.test(search.from) ? new Date(`${search.from}T00:00:00`).toISOString() : undefined,
    to: DATE.test(search.to) ? new Date(`${search.to}T23:59:59.999`).toISOString() : undefined,
  };
}
