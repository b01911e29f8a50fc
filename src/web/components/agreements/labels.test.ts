import { describe, expect, it } from 'vitest';
import type { Participant, Reminder } from '../../../common/api/agreements.ts';
import { AGREEMENT_STATUSES } from '../../../common/agreements/vocabulary.ts';
import { fromProgrammeReminders, mergeReminders, partyLabel, reminderBadges, sortParticipants, statusTone } from './labels.ts';

describe('partyLabel', () => {
  it('numbers the legal parties the way a naskah kerja sama does', () => {
    expect(partyLabel(1, 'id')).toBe('PIHAK PERTAMA');
    expect(partyLabel(2, 'id')).toBe('PIHAK KEDUA');
    expect(partyLabel(10, 'id')).toBe('PIHAK KESEPULUH');
    expect(partyLabel(11, 'id')).toBe('PIHAK KE-11');
  });
  it('has English words too', () => {
    expect(partyLabel(1, 'en')).toBe('First Party');
    expect(partyLabel(2, 'en-GB')).toBe('Second Party');
    expect(partyLabel(12, 'en')).toBe('Party 12');
  });
});

describe('statusTone', () => {
  it('gives every lifecycle status a tone', () => {
    for (const status of AGREEMENT_STATUSES) expect(statusTone(status)).toMatch(/^(preparation|signed|active|closed|stopped)$/);
    expect(statusTone('kb_signed')).toBe('signed');
    expect(statusTone('implementation')).toBe('active');
    expect(statusTone('withdrawn')).toBe('stopped');
  });
});

const organisation = (name: string) => ({ id: crypto.randomUUID(), code: name.toLowerCase(), name, kind: 'pemda' as const, areaCode: null });
const participant = (name: string, role: Participant['role'], partyNumber: number | null): Participant => ({
  id: crypto.randomUUID(),
  organisation: organisation(name),
  role,
  partyNumber,
  attendance: null,
  note: null,
  sources: [],
});

describe('sortParticipants', () => {
  it('puts PIHAK PERTAMA and KEDUA first, then the other roles in vocabulary order', () => {
    const sorted = sortParticipants([
      participant('UNICEF', 'saksi', null),
      participant('Kota Bekasi', 'pihak', 2),
      participant('FORKALIM', 'fasilitator', null),
      participant('Sumbawa Barat', 'pihak', 1),
      participant('Bappenas', 'saksi', null),
    ]);
    expect(sorted.map((p) => p.organisation.name)).toEqual(['Sumbawa Barat', 'Kota Bekasi', 'FORKALIM', 'Bappenas', 'UNICEF']);
  });
});

const reminder = (agreementId: string, kind: Reminder['kind'], severity: Reminder['severity'], daysLeft: number): Reminder => ({
  kind,
  agreementId,
  agreementTitle: 'x',
  subject: { type: 'agreement', id: agreementId },
  dueOn: '2026-12-01',
  daysLeft,
  threshold: null,
  severity,
  message: 'm',
  ruleId: null,
});

describe('reminderBadges', () => {
  it('groups one agreement’s reminders by kind, keeping the worst severity and the most urgent day, overdue first', () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const badges = reminderBadges(
      [
        reminder(a, 'agreement_ending', 'info', 60),
        reminder(a, 'activity_overdue', 'warning', -2),
        reminder(a, 'activity_overdue', 'overdue', -10),
        reminder(b, 'kb_without_pks', 'warning', 5),
      ],
      a,
    );
    expect(badges).toEqual([
      { kind: 'activity_overdue', count: 2, severity: 'overdue', daysLeft: -10 },
      { kind: 'agreement_ending', count: 1, severity: 'info', daysLeft: 60 },
    ]);
    expect(reminderBadges([], a)).toEqual([]);
  });
});

describe('fromProgrammeReminders', () => {
  it('turns overdue activities and due reports into overdue reminders of the agreement, badged with the rest', () => {
    const agreementId = crypto.randomUUID();
    const converted = fromProgrammeReminders(
      [
        { kind: 'activity_overdue', agreementId, subjectId: crypto.randomUUID(), title: 'Kunjungan studi', dueDate: '2026-11-01', daysOverdue: 27 },
        { kind: 'report_due', agreementId, subjectId: crypto.randomUUID(), title: 'Operator dilatih (2026)', dueDate: '2026-06-30', daysOverdue: 151 },
      ],
      'Kembaran',
    );
    expect(converted.map((reminder) => [reminder.kind, reminder.subject.type, reminder.daysLeft, reminder.severity])).toEqual([
      ['activity_overdue', 'activity', -27, 'overdue'],
      ['report_due', 'report', -151, 'overdue'],
    ]);
    expect(reminderBadges([...converted, reminder(agreementId, 'agreement_ending', 'info', 30)], agreementId).map((badge) => badge.kind)).toEqual(['report_due', 'activity_overdue', 'agreement_ending']);
  });
});

describe('mergeReminders', () => {
  it('keeps each reminder once, by kind and subject', () => {
    const agreementId = crypto.randomUUID();
    const overdue = fromProgrammeReminders([{ kind: 'activity_overdue', agreementId, subjectId: crypto.randomUUID(), title: 'Kunjungan', dueDate: '2026-11-01', daysOverdue: 3 }], 'K');
    const ending = reminder(agreementId, 'agreement_ending', 'info', 30);
    expect(mergeReminders([ending, ...overdue], overdue)).toEqual([ending, ...overdue]);
    expect(reminderBadges(mergeReminders(overdue, overdue), agreementId)).toEqual([{ kind: 'activity_overdue', count: 1, severity: 'overdue', daysLeft: -3 }]);
  });
});
