import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import type { Result } from '../../../common/api/results.ts';
import { useResultsQuery } from '../../api/useResultsQuery.ts';
import { PageError } from '../AccessDenied.tsx';
import { Loading } from '../Status.tsx';
import { IndicatorCard } from './IndicatorCard.tsx';
import { IndicatorForm, ResultForm } from './FrameworkForms.tsx';

/** The results framework (IATI / Akvo pattern): result → indicator → period → updates reviewed by the partner. */
export function ResultsSection({ agreement, user }: { agreement: AgreementDetail; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const results = useResultsQuery(agreement.id);
  return (
    <section aria-labelledby="results-heading" className="workspace-section">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <p className="hint">{t('results.intro')}</p>
      {results.isPending && <Loading />}
      {results.isError && <PageError error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && results.data.items.length === 0 && <p className="empty">{t('results.none')}</p>}
      {results.data?.items.map((result) => (
        <ResultCard key={result.id} agreement={agreement} result={result} user={user} />
      ))}
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('results.addResult')}</summary>
          <ResultForm agreementId={agreement.id} />
        </details>
      )}
    </section>
  );
}

function ResultCard({ agreement, result, user }: { agreement: AgreementDetail; result: Result; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const headingId = `result-${result.id}`;
  return (
    <article className="result" aria-labelledby={headingId}>
      <p className="badges">
        <span className="badge">{t(`results.types.${result.type}`)}</span>
      </p>
      <h3 id={headingId}>{result.title}</h3>
      {result.description && <p className="prose">{result.description}</p>}
      {result.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} agreement={agreement} indicator={indicator} user={user} />
      ))}
      {agreement.canEdit && (
        <details className="panel">
          <summary>{t('results.addIndicator')}</summary>
          <IndicatorForm agreementId={agreement.id} resultId={result.id} />
        </details>
      )}
    </article>
  );
}
