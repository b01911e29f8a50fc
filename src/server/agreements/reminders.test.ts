import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PACK } from '../../common/agreements/rule-pack.ts';
import { agreementReminders, type ReminderAgreement } from './reminders.ts';

const TODAY = '2026-11-28';
const running = (overrides: Partial<ReminderAgreement>): ReminderAgreement => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Twinning (contoh)',
  status: 'implementation',
  endDate: null,
  kbSignedOn: null,
  statusChangedOn: '2026-01-05',
  ...overrides,
});
const remind = (agreement: Partial<ReminderAgreement>) => agreementReminders([running(agreement)], TODAY, DEFAULT_RULE_PACK);

describe('agreement reminders', () => {
  it('reminds at the step reached before the end date: 90, 60, 30, 7, 0 days', () => {
    const cases: [string, number | null, string | null][] = [
      ['2027-02-27', null, null], // 91 days: nothing yet
      ['2027-02-26', 90, 'info'],
      ['2027-01-27', 60, 'info'],
      ['2027-01-26', 60, 'info'], // 59 days: still the 60-day step
      ['2026-12-28', 30, 'info'],
      ['2026-12-05', 7, 'warning'],
      ['2026-11-29', 7, 'warning'],
      ['2026-11-28', 0, 'warning'],
    ];
    for (const [endDate, threshold, severity] of cases) {
      const reminders = remind({ endDate });
      if (threshold === null) expect(reminders, endDate).toEqual([]);
      else expect(reminders.map((reminder) => [reminder.kind, reminder.threshold, reminder.severity]), endDate).toEqual([['agreement_ending', threshold, severity]]);
    }
    expect(remind({ endDate: '2026-11-28' })[0]?.message).toBe('"Twinning (contoh)" ends today');
  });

  it('flags an agreement still running after its end date as overdue', () => {
    expect(remind({ endDate: '2026-11-18' })).toEqual([
      expect.objectContaining({ kind: 'agreement_ending', daysLeft: -10, threshold: 0, severity: 'overdue', message: '"Twinning (contoh)" ended on 2026-11-18 (10 days ago) but is still implementation: close it or record an extension' }),
    ]);
  });

  it('says nothing for drafts and closed agreements, or without an end date', () => {
    for (const status of ['draft', 'tkksd_review', 'ended', 'terminated_early', 'withdrawn'] as const) expect(remind({ status, endDate: '2026-12-01' }), status).toEqual([]);
    expect(remind({ endDate: null })).toEqual([]);
  });

  it('reminds of a KB without a PKS against the configured (unconfirmed) period, in KB-signed states only', () => {
    const overdue = remind({ status: 'kb_signed', kbSignedOn: '2021-10-26' });
    expect(overdue.map((reminder) => [reminder.kind, reminder.dueOn, reminder.severity, reminder.ruleId])).toEqual([['kb_without_pks', '2022-10-26', 'overdue', 'kb.expiry_without_pks']]);
    expect(overdue[0]?.message).toContain('unconfirmed rule');
    expect(remind({ status: 'pks_negotiation', kbSignedOn: '2026-01-01' }).map((reminder) => [reminder.kind, reminder.daysLeft, reminder.threshold])).toEqual([['kb_without_pks', 34, 60]]);
    expect(remind({ status: 'implementation', kbSignedOn: '2021-10-26' })).toEqual([]);
  });

  it('reminds of the DPRD timer (working days, unconfirmed)', () => {
    const waiting = remind({ status: 'awaiting_dprd', statusChangedOn: '2026-10-01' });
    expect(waiting.map((reminder) => [reminder.kind, reminder.dueOn, reminder.severity])).toEqual([['dprd_waiting', '2026-12-03', 'warning']]);
  });

  it('sorts the most urgent first', () => {
    const agreements = [running({ id: 'a', title: 'Later', endDate: '2027-01-20' }), running({ id: 'b', title: 'Sooner', endDate: '2026-12-01' })];
    expect(agreementReminders(agreements, TODAY, DEFAULT_RULE_PACK).map((reminder) => reminder.agreementTitle)).toEqual(['Sooner', 'Later']);
  });
});
