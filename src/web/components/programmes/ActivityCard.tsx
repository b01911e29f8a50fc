import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { Activity } from '../../../common/api/programmes.ts';
import { formatDay, formatRupiah } from '../agreements/format.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';

/** One activity: type, status (overdue shown), dates, host and place, participants by sex, budget in rupiah, outputs, lessons, evidence. */
export function ActivityCard({ agreement, activity }: { agreement: AgreementDetail; activity: Activity }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [editing, setEditing] = useState(false);
  const titleId = `activity-${activity.id}`;
  const day = (value: string | null) => (value ? formatDay(value, language) : '…');
  return (
    <li className="card activity-card" aria-labelledby={titleId}>
      <p className="badges">
        <span className="badge">{t(`workplan.types.${activity.type}`)}</span>
        <span className={`badge activity-${activity.displayStatus}`}>{t(`workplan.statuses.${activity.displayStatus}`)}</span>
      </p>
      <p className="card-title" id={titleId}>
        {activity.title}
      </p>
      <p className="card-meta">
        {t('workplan.when', { start: day(activity.actualStart ?? activity.plannedStart), end: day(activity.actualEnd ?? activity.plannedEnd ?? activity.plannedStart) })} · {activity.host.name}
        {activity.location && ` · ${activity.location}`}
      </p>
      {activity.description && <p className="prose">{activity.description}</p>}
      {activity.participants.length > 0 && (
        <ul className="plain">
          {activity.participants.map((row) => (
            <li key={row.organisation.code}>{t('workplan.participantsLine', { name: row.organisation.name, female: row.female, male: row.male })}</li>
          ))}
          <li>
            <strong>{t('workplan.totals', { female: activity.totals.female, male: activity.totals.male })}</strong>
          </li>
        </ul>
      )}
      {activity.budget.length > 0 && (
        <p className="card-meta">
          {t('workplan.budgetTotals', { planned: formatRupiah(activity.totals.budgetPlanned, language), actual: formatRupiah(activity.totals.budgetActual, language) })}
        </p>
      )}
      {activity.outputs && (
        <p>
          <strong>{t('workplan.outputs')}:</strong> {activity.outputs}
        </p>
      )}
      {activity.lessons && (
        <p>
          <strong>{t('workplan.lessons')}:</strong> {activity.lessons}
        </p>
      )}
      <EvidencePanel agreement={agreement} activity={activity} />
      {agreement.canEdit && !editing && (
        <button type="button" onClick={() => setEditing(true)} aria-label={`${t('workplan.edit')}: ${activity.title}`}>
          {t('workplan.edit')}
        </button>
      )}
      {editing && <ActivityForm agreement={agreement} activity={activity} onDone={() => setEditing(false)} />}
    </li>
  );
}
