import type { ValueRow } from '../../../common/api/values.ts';

/**
 * How much of a figure comes from example (demo) data: none of it, all of it, or some of the units
 * behind it ("3 of 65 villages"), so a partly real figure is not passed off as wholly invented, nor
 * a partly invented one as real.
 */
export type ExampleShare = { kind: 'none' } | { kind: 'all' } | { kind: 'some'; example: number; reporting: number };

export function exampleShare(row: Pick<ValueRow, 'reporting' | 'example' | 'exampleReporting'>): ExampleShare {
  const count = row.exampleReporting ?? 0;
  // Without a usable count (an older server sends only the flag) the flag decides: a figure that
  // says it includes example data is never shown unmarked.
  if (count <= 0) return row.example ? { kind: 'all' } : { kind: 'none' };
  if (count >= row.reporting) return { kind: 'all' };
  return { kind: 'some', example: count, reporting: row.reporting };
}
