import { describe, expect, it } from 'vitest';
import { displayValue, fieldChanges } from './audit-diff.ts';

describe('fieldChanges', () => {
  it('lists only the changed fields of an update, arrays compared by value', () => {
    const before = { id: 'u1', name: 'Siti', roles: ['data_officer'], disabled_at: null, updated_at: '2026-01-01T00:00:00+00:00' };
    const after = { id: 'u1', name: 'Siti', roles: ['data_officer', 'observer'], disabled_at: '2026-02-01T08:00:00+00:00', updated_at: '2026-01-01T00:00:00+00:00' };
    expect(fieldChanges({ action: 'update', before, after })).toEqual([
      { field: 'roles', before: ['data_officer'], after: ['data_officer', 'observer'] },
      { field: 'disabled_at', before: null, after: '2026-02-01T08:00:00+00:00' },
    ]);
  });

  it('includes a field that only one side has', () => {
    expect(fieldChanges({ action: 'update', before: { a: 1 }, after: { a: 1, b: 2 } })).toEqual([{ field: 'b', before: undefined, after: 2 }]);
  });

  it('treats a missing field and null as the same', () => {
    expect(fieldChanges({ action: 'update', before: { a: null }, after: {} })).toEqual([]);
  });

  it('lists every field of an insert (after only) and of a delete (before only)', () => {
    expect(fieldChanges({ action: 'insert', before: null, after: { id: 'x', name: 'A' } })).toEqual([
      { field: 'id', after: 'x' },
      { field: 'name', after: 'A' },
    ]);
    expect(fieldChanges({ action: 'delete', before: { id: 'x' }, after: null })).toEqual([{ field: 'id', before: 'x' }]);
  });
});

describe('displayValue', () => {
  it('recognises empty values, times, booleans, lists and objects', () => {
    expect(displayValue(null)).toEqual({ kind: 'empty' });
    expect(displayValue('')).toEqual({ kind: 'empty' });
    expect(displayValue([])).toEqual({ kind: 'empty' });
    expect(displayValue('2026-11-28T10:15:00.123456+00:00')).toEqual({ kind: 'time', iso: '2026-11-28T10:15:00.123456+00:00' });
    expect(displayValue('2026-11-28T10:15:00Z')).toEqual({ kind: 'time', iso: '2026-11-28T10:15:00Z' });
    expect(displayValue('32.75')).toEqual({ kind: 'text', text: '32.75' });
    expect(displayValue(true)).toEqual({ kind: 'boolean', value: true });
    expect(displayValue(['admin', 'observer'])).toEqual({ kind: 'text', text: 'admin, observer' });
    expect(displayValue({ a: 1 })).toEqual({ kind: 'text', text: '{"a":1}' });
  });
});
