import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import type { ResultIndicator } from '../../../common/api/results.ts';
import { PeriodForm } from './FrameworkForms.tsx';
import { PeriodPanel } from './PeriodPanel.tsx';
import { useIndicatorValue } from './useIndicatorValue.ts';

/** An indicator with its baseline, kind of target, and periods. */
export function IndicatorCard({ agreement, indicator, user }: { agreement: AgreementDetail; indicator: ResultIndicator; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const value = useIndicatorValue(indicator);
  const headingId = `indicator-${indicator.id}`;
  const baseline = value.baseline();
  return (
    <section className="card indicator-card" aria-labelledby={headingId}>
      <h4 id={headingId}>{indicator.title}</h4>
      <p className="badges">
        <span className="badge">{t(`results.indicatorTypes.${indicator.type}`)}</span>
        <span className="badge">{t(`results.targetKinds.${indicator.targetKind}`)}</span>
        {indicator.type === 'quantitative' && <span className="badge">{indicator.measure === 'percentage' ? '%' : (indicator.unit ?? t('results.measures.unit'))}</span>}
      </p>
      {indicator.description && <p className="prose">{indicator.description}</p>}
      {baseline && <p className="card-meta">{t('results.baseline', { year: indicator.baselineYear ?? '', value: baseline })}</p>}
      {indicator.periods.map((period) => (
        <PeriodPanel key={period.id} agreement={agreement} indicator={indicator} period={period} user={user} />
      ))}
      {agreement.canEdit && (
        <details className="panel">
          <summary>{t('results.addPeriod')}</summary>
          <PeriodForm agreementId={agreement.id} indicatorId={indicator.id} />
        </details>
      )}
    </section>
  );
}
