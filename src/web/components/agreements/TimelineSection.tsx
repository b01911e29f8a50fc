import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { useTimelineQuery } from '../../api/useTimelineQuery.ts';
import { PageError } from '../AccessDenied.tsx';
import { Loading } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';

/** Every move of the legal lifecycle: when, from → to, who (and in which roles), the note, and the warnings of that moment. */
export function TimelineSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const timeline = useTimelineQuery(agreement.id);
  return (
    <section aria-labelledby="timeline-heading" className="workspace-section">
      <h2 id="timeline-heading">{t('agreements.timeline.heading')}</h2>
      {timeline.isPending && <Loading />}
      {timeline.isError && <PageError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data && timeline.data.items.length === 0 && <p className="empty">{t('agreements.timeline.none')}</p>}
      {timeline.data && timeline.data.items.length > 0 && (
        <ol className="timeline" aria-labelledby="timeline-heading">
          {timeline.data.items.map((entry) => (
            <li key={entry.id}>
              <p className="timeline-when">
                <time dateTime={entry.at}>{formatDate(entry.at)}</time>
              </p>
              <p className="timeline-move">
                {entry.from ? (
                  <>
                    {t(`agreements.statuses.${entry.from}`)} → <strong>{t(`agreements.statuses.${entry.to}`)}</strong>
                  </>
                ) : (
                  t('agreements.timeline.created', { status: t(`agreements.statuses.${entry.to}`) })
                )}
              </p>
              <p className="card-meta">
                {t('agreements.timeline.by', { actor: entry.actor.name ?? entry.actor.email ?? entry.actor.label })}
                {entry.actor.roles.length > 0 && ` (${entry.actor.roles.join(', ')})`}
              </p>
              {entry.note && <p className="prose">{entry.note}</p>}
              {entry.warnings.length > 0 && (
                <ul className="guard-list guard-warning" aria-label={t('agreements.timeline.warnings')}>
                  {entry.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
