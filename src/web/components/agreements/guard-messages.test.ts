import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { BlockedTransitionError } from '../../api/agreements.ts';
import { guardText, refusalReasons, ruleLine } from './guard-messages.ts';

const kbReason = { code: 'kb_missing', message: 'no KB document with a signing date', ruleId: 'kb.signed', source: 'PP 28/2018 Pasal 2' };

describe('refusalReasons', () => {
  it('lists every unmet guard of a 409', () => {
    const second = { ...kbReason, code: 'signatory_missing', message: 'Kota Bekasi has no signatory' };
    expect(refusalReasons(new BlockedTransitionError(409, 'conflict', 'blocked', [kbReason, second]))).toEqual([kbReason, second]);
  });
  it('turns any other refusal into one reason with the server’s words', () => {
    expect(refusalReasons(new ApiError(403, 'forbidden', 'only a coordinator of a party may move it'))).toEqual([
      { code: 'forbidden', message: 'only a coordinator of a party may move it', ruleId: null, source: null },
    ]);
    expect(refusalReasons(new Error('x'))).toEqual([]);
  });
});

describe('guardText and ruleLine', () => {
  it('uses our words for a known code and the server’s otherwise', () => {
    expect(guardText(kbReason, { kb_missing: 'Belum ada KB bertanggal' })).toBe('Belum ada KB bertanggal');
    expect(guardText(kbReason, {})).toBe('no KB document with a signing date');
    expect(guardText({ ...kbReason, code: 'toString' }, {})).toBe('no KB document with a signing date');
  });
  it('names the rule and its source', () => {
    expect(ruleLine(kbReason)).toBe('kb.signed · PP 28/2018 Pasal 2');
    expect(ruleLine({ ...kbReason, ruleId: null, source: null })).toBeNull();
  });
});
