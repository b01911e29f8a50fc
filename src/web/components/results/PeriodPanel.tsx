import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import type { ResultIndicator, ResultPeriod } from '../../../common/api/results.ts';
import { useResultUpdatesQuery } from '../../api/useResultUpdatesQuery.ts';
import { formatDay } from '../agreements/format.ts';
import { ErrorMessage } from '../Status.tsx';
import { UpdateCard } from './UpdateCard.tsx';
import { UpdateForm } from './UpdateForm.tsx';
import { useIndicatorValue } from './useIndicatorValue.ts';

/** A period: its target and actual (from approved updates only), its updates and their workflow, and a form for a new one. */
export function PeriodPanel({ agreement, indicator, period, user }: { agreement: AgreementDetail; indicator: ResultIndicator; period: ResultPeriod; user: CurrentUser | null }) {
  const { t, i18n } = useTranslation();
  const value = useIndicatorValue(indicator);
  const updates = useResultUpdatesQuery(agreement.id, period.id);
  const label = `${formatDay(period.periodStart, i18n.language)} – ${formatDay(period.periodEnd, i18n.language)}`;
  const target = value.format(period.targetValue);
  const actual = value.format(period.actual.value);
  const headingId = `period-${period.id}`;
  return (
    <div className="period" role="group" aria-labelledby={headingId}>
      <p className="period-title" id={headingId}>
        {label}
        {period.locked && <span className="badge">{t('results.locked')}</span>}
      </p>
      <p className="card-meta">
        {target && `${t('results.targetLine', { value: target })} · `}
        {actual ? t('results.actualLine', { value: actual }) : t('results.noActual')}
      </p>
      {period.actual.narrative && <p className="prose">{period.actual.narrative}</p>}
      <h5>{t('results.updates')}</h5>
      {updates.isError && <ErrorMessage error={updates.error} onRetry={() => void updates.refetch()} />}
      {updates.data && updates.data.items.length === 0 && <p className="empty">{t('results.noUpdates')}</p>}
      {updates.data && updates.data.items.length > 0 && (
        <ul className="plain updates" aria-label={`${t('results.updates')} ${label}`}>
          {updates.data.items.map((update) => (
            <UpdateCard key={update.id} agreement={agreement} indicator={indicator} update={update} user={user} locked={period.locked} />
          ))}
        </ul>
      )}
      {agreement.canEdit && !period.locked && (
        <details className="panel">
          <summary>{t('results.newUpdate')}</summary>
          <UpdateForm agreement={agreement} indicator={indicator} periodId={period.id} />
        </details>
      )}
    </div>
  );
}
