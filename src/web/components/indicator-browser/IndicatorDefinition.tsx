import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import { statusLabel, unitLabel } from '../data-entry/labels.ts';
import { useFigureFormat } from '../indicators/useFigureFormat.ts';
import { evidenceUrl } from './evidence.ts';

function Entry({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="definition-entry">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Everything the catalogue says about one indicator, as a description list. */
export function IndicatorDefinition({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const statuses = (indicator.statusValues ?? []).map((value) => statusLabel(t, value)).join(', ');
  const target = indicator.nationalTarget;

  return (
    <dl className="indicator-definition">
      <Entry term={t('indicatorBrowser.code')}>
        <span className="code">{indicator.code}</span>
      </Entry>
      <Entry term={t('indicatorBrowser.definition')}>{indicator.definition}</Entry>
      <Entry term={t('indicatorBrowser.unit')}>{unitLabel(t, indicator.unit)}</Entry>
      <Entry term={t('indicatorBrowser.formula')}>
        {indicator.measure === 'ratio' ? (
          <>
            <p>{t('indicatorBrowser.formulaRatio')}</p>
            <dl className="formula">
              <dt>{t('indicatorBrowser.numerator')}</dt>
              <dd>{indicator.numerator ?? t('indicators.noValue')}</dd>
              <dt>{t('indicatorBrowser.denominator')}</dt>
              <dd>{indicator.denominator ?? t('indicators.noValue')}</dd>
            </dl>
            {indicator.proportion === false && <p className="hint">{t('indicatorBrowser.canExceed')}</p>}
          </>
        ) : indicator.measure === 'status' ? (
          t('indicatorBrowser.formulaStatus', { values: statuses })
        ) : (
          t('indicatorBrowser.formulaValue')
        )}
      </Entry>
      <Entry term={t('indicatorBrowser.overAreas')}>{t(`indicatorBrowser.areaAggregations.${indicator.areaAggregation}`, { values: statuses })}</Entry>
      <Entry term={t('indicatorBrowser.overTime')}>{t(`indicatorBrowser.timeAggregations.${indicator.timeAggregation}`)}</Entry>
      <Entry term={t('indicatorBrowser.direction')}>{t(`indicatorBrowser.directions.${indicator.direction}`)}</Entry>
      <Entry term={t('indicatorBrowser.collectionLevel')}>{t(`indicatorBrowser.levels.${indicator.collectionLevel}`)}</Entry>
      <Entry term={t('indicatorBrowser.frequency')}>{t(`indicatorBrowser.frequencies.${indicator.frequency}`)}</Entry>
      <Entry term={t('indicatorBrowser.source')}>
        <p>{indicator.source}</p>
        {indicator.evidence.length > 0 && (
          <p>
            {t('indicatorBrowser.evidence')}:{' '}
            {indicator.evidence.map((key, index) => {
              const url = evidenceUrl(key);
              return (
                <span key={key}>
                  {index > 0 && ', '}
                  {url ? (
                    <a href={url} rel="noreferrer noopener" target="_blank">
                      {key}
                    </a>
                  ) : (
                    key
                  )}
                </span>
              );
            })}
          </p>
        )}
      </Entry>
      <Entry term={t('indicatorBrowser.target')}>
        {target ? (
          <>
            <p>{t('indicatorBrowser.targetValue', { value: format.target(indicator, target.value), year: target.year })}</p>
            <p className="hint">{t('indicatorBrowser.targetSource', { source: target.source })}</p>
          </>
        ) : (
          t('indicatorBrowser.noTarget')
        )}
      </Entry>
    </dl>
  );
}
