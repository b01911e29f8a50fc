import { describe, expect, it } from 'vitest';
import { entryProblems } from './field-errors.ts';

const SENT = [
  { indicatorCode: 'STBM.DS.KK_TOTAL', value: 1200 },
  { indicatorCode: 'STBM.DS.P1_AKSES_PCT', numerator: 1300, denominator: 1200 },
  { indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: 'X' },
];

describe('entryProblems', () => {
  it('assigns each problem of the service to the entry it names', () => {
    const message =
      'values[1] (STBM.DS.P1_AKSES_PCT): numerator 1300 is more than denominator 1200; values[2] (STBM.DS.SBS_STATUS): statusValue must be one of BELUM_PICU, TERPICU';
    expect(entryProblems(message, SENT)).toEqual({
      byIndicator: new Map([
        ['STBM.DS.P1_AKSES_PCT', ['numerator 1300 is more than denominator 1200']],
        ['STBM.DS.SBS_STATUS', ['statusValue must be one of BELUM_PICU, TERPICU']],
      ]),
      general: [],
    });
  });

  it('keeps a problem whole when its own text holds a semicolon', () => {
    const message = 'values[0] (STBM.DS.KK_TOTAL): collected at village level; 32.75 is a kota; values[0] (STBM.DS.KK_TOTAL): value must not be negative';
    expect(entryProblems(message, SENT).byIndicator.get('STBM.DS.KK_TOTAL')).toEqual(['collected at village level; 32.75 is a kota', 'value must not be negative']);
  });

  it('reads the request validation form and leaves problems of no entry for the form as a whole', () => {
    const message = 'body.period: must be a period code; body.values.1.numerator: Too small: expected number to be >=0';
    expect(entryProblems(message, SENT)).toEqual({
      byIndicator: new Map([['STBM.DS.P1_AKSES_PCT', ['numerator: Too small: expected number to be >=0']]]),
      general: ['body.period: must be a period code'],
    });
  });

  it('falls back to the code in the message when the index is unknown', () => {
    expect(entryProblems('values[9] (STBM.DS.KK_BABS): give value only (households)', SENT).byIndicator.get('STBM.DS.KK_BABS')).toEqual([
      'give value only (households)',
    ]);
  });
});
