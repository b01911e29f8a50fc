import type { AuditEntry } from '../../../common/api/audit.ts';

/** One field of an audited record: its value before and after, either absent for an insert or a delete. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The fields worth showing for an audit entry: on an update only those whose value changed, on an
 * insert every field of the new row, on a delete every field of the old one. Fields keep the
 * order of the record, with any only the later version has at the end.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'action' | 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (entry.action === 'insert') return Object.entries(after).map(([field, value]) => ({ field, after: value }));
  if (entry.action === 'delete') return Object.entries(before).map(([field, value]) => ({ field, before: value }));

  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** Values come from JSON (jsonb), so comparing their JSON text is exact; key order is the database's and stable. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export type DisplayValue = { kind: 'empty' } | { kind: 'time'; iso: string } | { kind: 'boolean'; value: boolean } | { kind: 'text'; text: string };

/** How to show one recorded value: nothing, a time, yes/no, or text (lists joined, objects as JSON). */
export function displayValue(value: unknown): DisplayValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? { kind: 'time', iso: value } : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.length === 0 ? { kind: 'empty' } : { kind: 'text', text: value.join(', ') };
  }
  return { kind: 'text', text: JSON.stringify(value) };
}
