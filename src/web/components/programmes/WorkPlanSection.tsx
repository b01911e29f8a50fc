import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { useActivitiesQuery } from '../../api/useActivitiesQuery.ts';
import { PageError } from '../AccessDenied.tsx';
import { Loading } from '../Status.tsx';
import { ActivityCard } from './ActivityCard.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { ProgrammePanel } from './ProgrammePanel.tsx';

/** The twinning programme's stage and its work plan: activities with participants, budget, outputs and evidence. */
export function WorkPlanSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const activities = useActivitiesQuery(agreement.id);
  return (
    <section aria-labelledby="workplan-heading" className="workspace-section">
      <h2 id="workplan-heading">{t('workplan.heading')}</h2>
      <ProgrammePanel agreement={agreement} />
      <h3 id="activities-heading">{t('workplan.activities')}</h3>
      {activities.isPending && <Loading />}
      {activities.isError && <PageError error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.data && activities.data.items.length === 0 && <p className="empty">{t('workplan.noActivities')}</p>}
      {activities.data && activities.data.items.length > 0 && (
        <ul className="cards" aria-labelledby="activities-heading">
          {activities.data.items.map((activity) => (
            <ActivityCard key={activity.id} agreement={agreement} activity={activity} />
          ))}
        </ul>
      )}
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('workplan.addActivity')}</summary>
          <ActivityForm agreement={agreement} />
        </details>
      )}
    </section>
  );
}
