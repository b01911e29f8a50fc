import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { Observation } from '../../../common/api/observations.ts';
import { changesOf, readDraft, storedDraft } from './drafts.ts';
import type { Draft } from './drafts.ts';

function indicator(code: string, measure: Indicator['measure']): Indicator {
  return {
    code,
    group: 'stbm_village',
    nameId: code,
    nameEn: code,
    definition: 'A test indicator of the catalogue',
    unit: measure === 'ratio' ? 'percent' : 'households',
    measure,
    numerator: measure === 'ratio' ? 'KK with access' : null,
    denominator: measure === 'ratio' ? 'All KK' : null,
    statusValues: measure === 'status' ? ['TIDAK', 'YA'] : null,
    areaAggregation: 'sum',
    timeAggregation: 'last',
    direction: 'ascending',
    collectionLevel: 'village',
    frequency: 'monthly',
    source: 'Test source',
    nationalTarget: null,
    evidence: [],
  };
}

function observation(code: string, values: Partial<Observation>): Observation {
  return {
    indicatorCode: code,
    sourceKind: 'routine',
    value: null,
    numerator: null,
    denominator: null,
    statusValue: null,
    status: 'submitted',
    comment: null,
    updatedAt: '2026-11-28T09:00:00Z',
    updatedBy: 'data.bekasi@contoh.kembar.test',
    ...values,
  };
}

const EMPTY: Draft = { value: '', numerator: '', denominator: '', statusValue: '' };
const TOTAL = indicator('STBM.DS.KK_TOTAL', 'value');
const ACCESS = indicator('STBM.DS.P1_AKSES_PCT', 'ratio');
const STATUS = indicator('STBM.DS.TERPICU', 'status');

describe('readDraft', () => {
  it('reads each measure into its own fields, empty text as null', () => {
    expect(readDraft(TOTAL, { ...EMPTY, value: '1.200' }, ',')).toEqual({ entry: { indicatorCode: TOTAL.code, value: 1200 } });
    expect(readDraft(ACCESS, { ...EMPTY, numerator: '1150', denominator: '' }, ',')).toEqual({
      entry: { indicatorCode: ACCESS.code, numerator: 1150, denominator: null },
    });
    expect(readDraft(STATUS, { ...EMPTY, statusValue: '' }, ',')).toEqual({ entry: { indicatorCode: STATUS.code, statusValue: null } });
  });

  it('names the fields that are not numbers', () => {
    expect(readDraft(ACCESS, { ...EMPTY, numerator: 'seribu', denominator: '1,2,3' }, ',')).toEqual({ invalid: ['numerator', 'denominator'] });
  });
});

describe('changesOf', () => {
  const stored = new Map([
    [TOTAL.code, observation(TOTAL.code, { value: 1200, comment: 'dari puskesmas' })],
    [ACCESS.code, observation(ACCESS.code, { numerator: 1100, denominator: 1200 })],
  ]);
  const indicators = [TOTAL, ACCESS, STATUS];

  it('sends only touched indicators whose value differs, keeping a stored comment', () => {
    const drafts = {
      [TOTAL.code]: { ...storedDraft(stored.get(TOTAL.code), ','), value: '1.250' },
      [ACCESS.code]: { ...storedDraft(stored.get(ACCESS.code), ',') },
      [STATUS.code]: { ...EMPTY, statusValue: 'YA' },
    };
    expect(changesOf(indicators, drafts, stored, ',')).toEqual({
      entries: [
        { indicatorCode: TOTAL.code, value: 1250, comment: 'dari puskesmas' },
        { indicatorCode: STATUS.code, statusValue: 'YA' },
      ],
      invalid: new Map(),
    });
  });

  it('treats the same number written differently as no change, and emptied fields as a clear', () => {
    const drafts = { [TOTAL.code]: { ...EMPTY, value: '1.200' }, [ACCESS.code]: { ...EMPTY } };
    expect(changesOf(indicators, drafts, stored, ',').entries).toEqual([{ indicatorCode: ACCESS.code, numerator: null, denominator: null }]);
  });

  it('reports text that is not a number instead of sending it', () => {
    const changes = changesOf(indicators, { [TOTAL.code]: { ...EMPTY, value: '12a' } }, stored, ',');
    expect(changes.entries).toEqual([]);
    expect(changes.invalid).toEqual(new Map([[TOTAL.code, ['value']]]));
  });
});
