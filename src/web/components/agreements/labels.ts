import type { Participant, Reminder } from '../../../common/api/agreements.ts';
import type { ProgrammeReminderItem } from '../../../common/api/programmes.ts';
import { PARTICIPANT_ROLES } from '../../../common/agreements/vocabulary.ts';
import type { AgreementStatus } from '../../../common/agreements/vocabulary.ts';

/*
 * Pure helpers behind the agreement pages' labels: the party numbering of a naskah kerja sama,
 * the tone of a lifecycle status, and reminder badges. The words themselves are in i18n/agreements.*.
 */

const ORDINALS_ID = ['PERTAMA', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH'];
const ORDINALS_EN = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** "PIHAK PERTAMA", "PIHAK KEDUA"… as a naskah writes them; "First Party" in English. */
export function partyLabel(partyNumber: number, language: string): string {
  const english = language.startsWith('en');
  const word = (english ? ORDINALS_EN : ORDINALS_ID)[partyNumber - 1];
  if (english) return word ? `${word} Party` : `Party ${partyNumber}`;
  return word ? `PIHAK ${word}` : `PIHAK KE-${partyNumber}`;
}

export type StatusTone = 'preparation' | 'signed' | 'active' | 'closed' | 'stopped';

const TONES: Record<AgreementStatus, StatusTone> = {
  draft: 'preparation',
  tkksd_review: 'preparation',
  offer: 'preparation',
  kb_negotiation: 'preparation',
  kb_signed: 'signed',
  awaiting_dprd: 'signed',
  pks_negotiation: 'signed',
  pks_signed: 'signed',
  implementation: 'active',
  evaluation: 'active',
  amended: 'active',
  ended: 'closed',
  terminated_early: 'stopped',
  rejected: 'stopped',
  withdrawn: 'stopped',
  expired: 'stopped',
};

/** How a status badge looks: still being prepared, signed, running, finished, or stopped. */
export function statusTone(status: AgreementStatus): StatusTone {
  return TONES[status];
}

/** Legal parties first in their number order, then the other roles in the vocabulary's order, then by name. */
export function sortParticipants(participants: readonly Participant[]): Participant[] {
  const rank = (participant: Participant) => PARTICIPANT_ROLES.indexOf(participant.role);
  return [...participants].sort(
    (a, b) => rank(a) - rank(b) || (a.partyNumber ?? 99) - (b.partyNumber ?? 99) || a.organisation.name.localeCompare(b.organisation.name),
  );
}

export interface ReminderBadge {
  kind: Reminder['kind'];
  count: number;
  severity: Reminder['severity'];
  /** The most urgent one's days left (negative when overdue). */
  daysLeft: number;
}

const SEVERITY_RANK: Record<Reminder['severity'], number> = { info: 0, warning: 1, overdue: 2 };

/** One badge per kind of reminder for an agreement: how many, the worst severity and the most urgent day count. */
export function reminderBadges(reminders: readonly Reminder[], agreementId: string): ReminderBadge[] {
  const badges = new Map<Reminder['kind'], ReminderBadge>();
  for (const reminder of reminders) {
    if (reminder.agreementId !== agreementId) continue;
    const badge = badges.get(reminder.kind);
    if (!badge) {
      badges.set(reminder.kind, { kind: reminder.kind, count: 1, severity: reminder.severity, daysLeft: reminder.daysLeft });
      continue;
    }
    badge.count += 1;
    if (SEVERITY_RANK[reminder.severity] > SEVERITY_RANK[badge.severity]) badge.severity = reminder.severity;
    badge.daysLeft = Math.min(badge.daysLeft, reminder.daysLeft);
  }
  return [...badges.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.daysLeft - b.daysLeft);
}

/**
 * The programme's reminders (activities overdue, reports due) in the agreement reminders' shape,
 * so one row of badges shows both. They are past their date, so they count as overdue.
 */
export function fromProgrammeReminders(items: readonly ProgrammeReminderItem[], agreementTitle: string): Reminder[] {
  return items.map((item) => ({
    kind: item.kind,
    agreementId: item.agreementId,
    agreementTitle,
    subject: { type: item.kind === 'activity_overdue' ? 'activity' : 'report', id: item.subjectId },
    dueOn: item.dueDate,
    daysLeft: -item.daysOverdue,
    threshold: null,
    severity: 'overdue',
    message: item.title,
    ruleId: null,
  }));
}

/** Two lists of reminders as one, each reminder once (GET /api/reminders may already carry the programme's). */
export function mergeReminders(first: readonly Reminder[], second: readonly Reminder[]): Reminder[] {
  const seen = new Set<string>();
  return [...first, ...second].filter((reminder) => {
    const key = `${reminder.kind}:${reminder.subject.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
