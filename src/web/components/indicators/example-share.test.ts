import { describe, expect, it } from 'vitest';
import { exampleShare } from './example-share.ts';

describe('exampleShare', () => {
  it('says nothing for a wholly real figure', () => {
    expect(exampleShare({ reporting: 65, example: false, exampleReporting: 0 })).toEqual({ kind: 'none' });
  });

  it('marks a figure whose every reporting unit is example data as example', () => {
    expect(exampleShare({ reporting: 65, example: true, exampleReporting: 65 })).toEqual({ kind: 'all' });
    expect(exampleShare({ reporting: 1, example: true, exampleReporting: 1 })).toEqual({ kind: 'all' });
  });

  it('counts the example units of a partly example figure', () => {
    expect(exampleShare({ reporting: 65, example: true, exampleReporting: 3 })).toEqual({ kind: 'some', example: 3, reporting: 65 });
    expect(exampleShare({ reporting: 65, example: true, exampleReporting: 64 })).toEqual({ kind: 'some', example: 64, reporting: 65 });
  });

  it('falls back to the flag when the count is missing, never hiding an example figure', () => {
    expect(exampleShare({ reporting: 65, example: true })).toEqual({ kind: 'all' });
    expect(exampleShare({ reporting: 65, example: false })).toEqual({ kind: 'none' });
    expect(exampleShare({ reporting: 65 })).toEqual({ kind: 'none' });
    expect(exampleShare({ reporting: 65, example: true, exampleReporting: 0 })).toEqual({ kind: 'all' });
  });
});
