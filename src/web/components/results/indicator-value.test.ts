import { describe, expect, it } from 'vitest';
import { formatIndicatorValue } from './indicator-value.ts';

describe('formatIndicatorValue', () => {
  it('writes percentages from their 0–100 value, with one decimal at most', () => {
    const percentage = { type: 'quantitative' as const, measure: 'percentage' as const, unit: null };
    expect(formatIndicatorValue(percentage, 45.46, 'id')?.replace(/\u00a0/g, ' ')).toBe('45,5%');
    expect(formatIndicatorValue(percentage, 100, 'en')).toBe('100%');
  });
  it('writes counts with their unit, and nothing for a missing or qualitative value', () => {
    expect(formatIndicatorValue({ type: 'quantitative', measure: 'unit', unit: 'desa' }, 1200, 'id')).toBe('1.200 desa');
    expect(formatIndicatorValue({ type: 'quantitative', measure: 'unit', unit: null }, 2.5, 'en')).toBe('2.5');
    expect(formatIndicatorValue({ type: 'quantitative', measure: 'unit', unit: 'desa' }, null, 'id')).toBeNull();
    expect(formatIndicatorValue({ type: 'qualitative', measure: 'unit', unit: null }, 3, 'id')).toBeNull();
  });
});
