import { describe, expect, it } from 'vitest';
import { toCopyText } from './copy-text.ts';

describe(toCopyText.name, () => {
  it('writes tab-separated lines with \\N for null', () => {
    expect(toCopyText([['52', null, 1, 'Nusa Tenggara Barat']])).toBe('52\t\\N\t1\tNusa Tenggara Barat\n');
  });

  it('escapes the characters that would break a row or a column', () => {
    expect(toCopyText([['a\tb', 'c\nd', 'e\\f', 'g\rh']])).toBe('a\\tb\tc\\nd\te\\\\f\tg\\rh\n');
  });

  it('keeps quotes and commas as they are (text format, not CSV)', () => {
    expect(toCopyText([['Soka"an', 'Lubuk Pakam I,II']])).toBe('Soka"an\tLubuk Pakam I,II\n');
  });
});
