import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, addYears, daysBetween, todayInIndonesia } from './calendar.ts';
import { DEFAULT_RULE_PACK, DEFAULT_RULES, RULE_IDS, validateRulePack } from './rule-pack.ts';
import { findUrusan, needsLegalReview, URUSAN } from './urusan.ts';

describe('the default rule pack', () => {
  it('is sound: every rule present, no unconfirmed rule blocks', () => {
    expect(validateRulePack(DEFAULT_RULE_PACK)).toEqual([]);
    expect(Object.keys(DEFAULT_RULES).sort()).toEqual([...RULE_IDS].sort());
  });

  it('cites a source for every rule', () => {
    for (const rule of Object.values(DEFAULT_RULES)) expect(rule.source.length, rule.id).toBeGreaterThan(10);
  });

  it('makes the rules the sources could not confirm warnings: maximum term, DPRD timer, KB-without-PKS expiry, clause list, stage order', () => {
    const unconfirmed = Object.values(DEFAULT_RULES).filter((rule) => !rule.confirmed);
    expect(unconfirmed.map((rule) => rule.id).sort()).toEqual(['clauses.checklist', 'dprd.deemed_approval', 'kb.expiry_without_pks', 'scope.legal_review', 'stages.sequence', 'term.max_years']);
    expect(unconfirmed.every((rule) => rule.effect === 'warn')).toBe(true);
  });

  it('refuses a pack where an unconfirmed rule blocks, or a parameter is nonsense', () => {
    const bad = {
      ...DEFAULT_RULE_PACK,
      maxTermYears: 0,
      endReminderDays: [30, -1],
      rules: { ...DEFAULT_RULES, 'term.max_years': { ...DEFAULT_RULES['term.max_years'], effect: 'block' as const } },
    };
    expect(validateRulePack(bad)).toEqual(['term.max_years: not confirmed by its source, so it may only warn', 'maxTermYears must be positive', 'endReminderDays must be whole days, 0 or more']);
  });
});

describe('urusan', () => {
  it('lists 6 + 18 + 8 urusan with unique codes', () => {
    expect(URUSAN.filter((urusan) => urusan.group === 'wajib_pelayanan_dasar')).toHaveLength(6);
    expect(URUSAN.filter((urusan) => urusan.group === 'wajib_non_pelayanan_dasar')).toHaveLength(18);
    expect(URUSAN.filter((urusan) => urusan.group === 'pilihan')).toHaveLength(8);
    expect(new Set(URUSAN.map((urusan) => urusan.code)).size).toBe(32);
    expect(findUrusan('kesehatan')?.name).toBe('Kesehatan');
  });

  it('flags items without a (known) urusan, or flagged by hand, for legal review', () => {
    expect(needsLegalReview('kesehatan', false)).toBe(false);
    expect(needsLegalReview(null, false)).toBe(true);
    expect(needsLegalReview('iptek', false)).toBe(true);
    expect(needsLegalReview('pendidikan', true)).toBe(true);
  });
});

describe('calendar', () => {
  it('counts days, adds days, years and working days', () => {
    expect(daysBetween('2021-10-26', '2021-11-25')).toBe(30);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2021-10-26', 5)).toBe('2026-10-26');
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-02', 45)).toBe('2027-01-04');
  });

  it('takes today by the WIB clock', () => {
    expect(todayInIndonesia(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(todayInIndonesia(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});
