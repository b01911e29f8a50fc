import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePeriodActual, NO_ACTUAL, targetReached, type IndicatorKind, type UpdateForActual } from './period-actual.ts';

const FLOW: IndicatorKind = { type: 'quantitative', measure: 'unit', cumulative: false };
const STOCK: IndicatorKind = { type: 'quantitative', measure: 'unit', cumulative: true };
const PERCENT: IndicatorKind = { type: 'quantitative', measure: 'percentage', cumulative: false };
const QUALITATIVE: IndicatorKind = { type: 'qualitative', measure: 'unit', cumulative: false };

let sequence = 0;
function update(status: UpdateForActual['status'], fields: Partial<UpdateForActual> = {}): UpdateForActual {
  sequence += 1;
  return { id: `u${String(sequence).padStart(3, '0')}`, status, value: null, numerator: null, denominator: null, narrative: null, approvedAt: status === 'approved' ? `2026-01-${String(sequence % 28 + 1).padStart(2, '0')}T00:00:00Z` : null, ...fields };
}

describe('period actual', () => {
  it('is empty without approved updates, whatever else there is', () => {
    const pending = [update('draft', { value: 5 }), update('submitted', { value: 7 }), update('returned', { value: 9 })];
    for (const kind of [FLOW, STOCK, PERCENT, QUALITATIVE]) expect(computePeriodActual(kind, pending)).toEqual(NO_ACTUAL);
  });

  it('sums approved values of a flow indicator, ignoring the others', () => {
    const updates = [
      update('approved', { value: 12, approvedAt: '2026-02-01T00:00:00Z', narrative: 'bimtek 1' }),
      update('submitted', { value: 100 }),
      update('approved', { value: 0.1, approvedAt: '2026-03-01T00:00:00Z' }),
      update('approved', { value: 0.2, approvedAt: '2026-04-01T00:00:00Z', narrative: 'bimtek 3' }),
    ];
    expect(computePeriodActual(FLOW, updates)).toEqual({ value: 12.3, numerator: null, denominator: null, narrative: 'bimtek 3', approvedUpdates: 3 });
  });

  it('takes the most recently approved value of a cumulative indicator, not the most recently created', () => {
    const later = update('approved', { value: 40, approvedAt: '2026-05-01T00:00:00Z' });
    const earlier = update('approved', { value: 55, approvedAt: '2026-06-01T00:00:00Z' });
    expect(computePeriodActual(STOCK, [earlier, later]).value).toBe(55);
  });

  it('keeps a percentage as numerator and denominator of the latest approved update', () => {
    const updates = [
      update('approved', { numerator: 30, denominator: 60, approvedAt: '2026-01-01T00:00:00Z' }),
      update('approved', { numerator: 45, denominator: 60, approvedAt: '2026-02-01T00:00:00Z' }),
      update('returned', { numerator: 60, denominator: 60 }),
    ];
    expect(computePeriodActual(PERCENT, updates)).toEqual({ value: 75, numerator: 45, denominator: 60, narrative: null, approvedUpdates: 2 });
    expect(computePeriodActual(PERCENT, [update('approved', { numerator: 0, denominator: 0 })]).value).toBeNull();
    expect(computePeriodActual(PERCENT, [update('approved', { numerator: 1, denominator: 3 })]).value).toBe(33.333333);
  });

  it('takes the latest approved narrative of a qualitative indicator, with no number', () => {
    const updates = [update('approved', { narrative: 'SOP disusun', approvedAt: '2026-01-01T00:00:00Z' }), update('approved', { narrative: 'SOP disahkan', approvedAt: '2026-02-01T00:00:00Z' })];
    expect(computePeriodActual(QUALITATIVE, updates)).toEqual({ value: null, numerator: null, denominator: null, narrative: 'SOP disahkan', approvedUpdates: 2 });
  });

  it('gives a flow indicator no value when its approved updates carry none', () => {
    expect(computePeriodActual(FLOW, [update('approved', { narrative: 'belum ada angka' })])).toMatchObject({ value: null, approvedUpdates: 1 });
  });

  it('does not depend on the order the updates are listed in (property)', () => {
    const arbitraryUpdate = fc.record({
      id: fc.uuid(),
      status: fc.constantFrom('draft', 'submitted', 'returned', 'approved' as const),
      value: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
      numerator: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      denominator: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      narrative: fc.option(fc.string(), { nil: null }),
      approvedAt: fc.option(fc.integer({ min: 1, max: 9 }).map((day) => `2026-01-0${day}T00:00:00Z`), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryUpdate, { maxLength: 12 }), fc.constantFrom(FLOW, STOCK, PERCENT, QUALITATIVE), (updates, kind) => {
        const forward = computePeriodActual(kind, updates);
        expect(computePeriodActual(kind, [...updates].reverse())).toEqual(forward);
        const approved = updates.filter((candidate) => candidate.status === 'approved');
        expect(forward.approvedUpdates).toBe(approved.length);
        if (kind === FLOW && approved.some((candidate) => candidate.value !== null)) {
          expect(forward.value).toBe(approved.reduce((sum, candidate) => sum + (candidate.value ?? 0), 0));
        }
      }),
    );
  });

  it('says whether the target is reached in the indicator direction', () => {
    expect(targetReached(80, 75, true)).toBe(true);
    expect(targetReached(75, 75, true)).toBe(true);
    expect(targetReached(70, 75, true)).toBe(false);
    expect(targetReached(5, 10, false)).toBe(true);
    expect(targetReached(12, 10, false)).toBe(false);
    expect(targetReached(null, 10, true)).toBeNull();
    expect(targetReached(3, null, false)).toBeNull();
  });
});
