import { describe, expect, it } from 'vitest';
import { daysBetween, programmeReminders, type ActivityForReminder, type PeriodForReminder } from './programme-reminders.ts';

const TODAY = '2026-11-28';
const AGREEMENT = '00000000-0000-4000-8000-000000000001';
const activity = (id: string, fields: Partial<ActivityForReminder>): ActivityForReminder => ({
  id,
  agreementId: AGREEMENT,
  title: `Kegiatan ${id}`,
  status: 'planned',
  plannedStart: '2026-11-01',
  plannedEnd: '2026-11-03',
  actualStart: null,
  actualEnd: null,
  ...fields,
});
const period = (id: string, fields: Partial<PeriodForReminder>): PeriodForReminder => ({
  id,
  agreementId: AGREEMENT,
  indicatorTitle: 'Desa SBS',
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  locked: false,
  approvedUpdates: 0,
  ...fields,
});

describe('programme reminders', () => {
  it('lists overdue activities and ended periods without an approved update, oldest first', () => {
    const reminders = programmeReminders(
      [
        activity('a1', {}),
        activity('a2', { status: 'ongoing', actualStart: '2026-11-01', plannedEnd: '2026-11-20' }),
        activity('a3', { status: 'done', actualStart: '2026-11-01', actualEnd: '2026-11-02' }),
        activity('a4', { status: 'cancelled' }),
        activity('a5', { plannedStart: '2026-12-01', plannedEnd: null }),
        activity('a6', { plannedEnd: TODAY }),
      ],
      [
        period('p1', {}),
        period('p2', { approvedUpdates: 1 }),
        period('p3', { locked: true }),
        period('p4', { periodEnd: TODAY }),
        period('p5', { periodStart: '2026-07-01', periodEnd: '2026-11-27' }),
      ],
      TODAY,
    );
    expect(reminders.map((reminder) => [reminder.kind, reminder.subjectId, reminder.dueDate, reminder.daysOverdue])).toEqual([
      ['report_due', 'p1', '2026-06-30', 151],
      ['activity_overdue', 'a1', '2026-11-03', 25],
      ['activity_overdue', 'a2', '2026-11-20', 8],
      ['report_due', 'p5', '2026-11-27', 1],
    ]);
    expect(reminders[0]?.title).toBe('Desa SBS (2026-01-01 – 2026-06-30)');
  });

  it('counts calendar days across months and years', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween(TODAY, TODAY)).toBe(0);
  });
});
