import { dueDate, isOverdue, type ActivityDates } from '../../common/activity-status.ts';

/**
 * Reminders from the work plan and the results framework. Pure: "today" is given.
 *
 * - activity_overdue: an activity still planned or ongoing after its planned end (see activity-status.ts).
 * - report_due: a result period that has ended, is not locked, and has no approved update yet: the
 *   partners owe a result update (or its review). A locked period is closed, so it owes nothing.
 */
export type ProgrammeReminderKind = 'activity_overdue' | 'report_due';

export interface ProgrammeReminder {
  kind: ProgrammeReminderKind;
  agreementId: string;
  /** The activity or the result period the reminder is about. */
  subjectId: string;
  title: string;
  dueDate: string;
  daysOverdue: number;
}

export interface ActivityForReminder extends ActivityDates {
  id: string;
  agreementId: string;
  title: string;
}

export interface PeriodForReminder {
  id: string;
  agreementId: string;
  indicatorTitle: string;
  periodStart: string;
  periodEnd: string;
  locked: boolean;
  approvedUpdates: number;
}

export function programmeReminders(activities: readonly ActivityForReminder[], periods: readonly PeriodForReminder[], today: string): ProgrammeReminder[] {
  const reminders: ProgrammeReminder[] = [];
  for (const activity of activities) {
    if (!isOverdue(activity, today)) continue;
    const due = dueDate(activity);
    reminders.push({ kind: 'activity_overdue', agreementId: activity.agreementId, subjectId: activity.id, title: activity.title, dueDate: due, daysOverdue: daysBetween(due, today) });
  }
  for (const period of periods) {
    if (period.locked || period.approvedUpdates > 0 || period.periodEnd >= today) continue;
    reminders.push({
      kind: 'report_due',
      agreementId: period.agreementId,
      subjectId: period.id,
      title: `${period.indicatorTitle} (${period.periodStart} – ${period.periodEnd})`,
      dueDate: period.periodEnd,
      daysOverdue: daysBetween(period.periodEnd, today),
    });
  }
  return reminders.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.subjectId.localeCompare(b.subjectId));
}

/** Whole days from `from` to `to` (ISO dates, calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
