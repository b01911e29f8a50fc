import { describe, expect, it } from 'vitest';
import { decimalMarkOf, formatDecimal, parseDecimal } from './decimal.ts';

describe('parseDecimal', () => {
  it('reads Indonesian thousands dots and decimal commas', () => {
    expect(parseDecimal('1.200', ',')).toBe(1200);
    expect(parseDecimal('1.200.000', ',')).toBe(1_200_000);
    expect(parseDecimal('12,5', ',')).toBe(12.5);
    expect(parseDecimal('1.200,75', ',')).toBe(1200.75);
    expect(parseDecimal('1200', ',')).toBe(1200);
    expect(parseDecimal(' 1 200 ', ',')).toBe(1200);
  });

  it('reads a dot that does not group thousands as the decimal mark in Indonesian', () => {
    expect(parseDecimal('12.5', ',')).toBe(12.5);
    expect(parseDecimal('0.25', ',')).toBe(0.25);
    expect(parseDecimal('1200.5', ',')).toBe(1200.5);
  });

  it('reads English thousands commas and decimal dots', () => {
    expect(parseDecimal('1,200', '.')).toBe(1200);
    expect(parseDecimal('1,200.5', '.')).toBe(1200.5);
    expect(parseDecimal('12.5', '.')).toBe(12.5);
    expect(parseDecimal('12,5', '.')).toBe(12.5);
  });

  it('keeps a sign, treats empty text as no value and anything else as not a number', () => {
    expect(parseDecimal('-3', ',')).toBe(-3);
    expect(parseDecimal('', ',')).toBeNull();
    expect(parseDecimal('   ', ',')).toBeNull();
    expect(parseDecimal('abc', ',')).toBeNaN();
    expect(parseDecimal('1.2.3', ',')).toBeNaN();
    expect(parseDecimal('1,2,3', ',')).toBeNaN();
    expect(parseDecimal('12,', ',')).toBeNaN();
    expect(parseDecimal('1e3', ',')).toBeNaN();
  });
});

describe('formatDecimal', () => {
  it('writes the language decimal mark and no grouping', () => {
    expect(formatDecimal(1200, ',')).toBe('1200');
    expect(formatDecimal(12.5, ',')).toBe('12,5');
    expect(formatDecimal(12.5, '.')).toBe('12.5');
    expect(formatDecimal(null, ',')).toBe('');
  });

  it('round-trips through parseDecimal', () => {
    for (const value of [0, 1, 999, 1200, 12.5, 0.125, 123456.75]) {
      expect(parseDecimal(formatDecimal(value, ','), ',')).toBe(value);
      expect(parseDecimal(formatDecimal(value, '.'), '.')).toBe(value);
    }
  });
});

describe('decimalMarkOf', () => {
  it('uses a comma for Indonesian and a dot for English', () => {
    expect(decimalMarkOf('id')).toBe(',');
    expect(decimalMarkOf('en')).toBe('.');
  });
});
