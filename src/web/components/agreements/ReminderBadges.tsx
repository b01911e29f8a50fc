import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../common/api/agreements.ts';
import { reminderBadges } from './labels.ts';
import type { ReminderBadge } from './labels.ts';

/** Reminders of one agreement as badges: "Berakhir 30 hari lagi", "KB tanpa PKS", "Kegiatan terlambat: 2". */
export function ReminderBadges({ reminders, agreementId }: { reminders: readonly Reminder[]; agreementId: string }) {
  const { t } = useTranslation();
  const badges = reminderBadges(reminders, agreementId);
  if (badges.length === 0) return null;

  function text(badge: ReminderBadge): string {
    switch (badge.kind) {
      case 'agreement_ending':
        if (badge.daysLeft > 0) return t('agreements.reminders.agreement_ending', { days: badge.daysLeft });
        return badge.daysLeft === 0 ? t('agreements.reminders.agreement_ending_today') : t('agreements.reminders.agreement_ended');
      case 'kb_without_pks':
        return t('agreements.reminders.kb_without_pks');
      case 'dprd_waiting':
        return t('agreements.reminders.dprd_waiting');
      case 'activity_overdue':
        return t('agreements.reminders.activity_overdue', { count: badge.count });
      case 'report_due':
        return t('agreements.reminders.report_due', { count: badge.count });
    }
  }

  return (
    <ul className="badges reminder-badges" aria-label={t('agreements.reminders.heading')}>
      {badges.map((badge) => (
        <li key={badge.kind} className={`badge severity-${badge.severity}`}>
          {text(badge)}
        </li>
      ))}
    </ul>
  );
}
