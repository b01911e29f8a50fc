import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AreaDetail } from '../../../common/api/areas.ts';
import type { Indicator } from '../../../common/api/indicators.ts';
import { useCatalogueQuery } from '../../api/useCatalogueQuery.ts';
import { useValueSeriesQuery } from '../../api/useValueSeriesQuery.ts';
import { useValuesQuery } from '../../api/useValuesQuery.ts';
import '../../i18n/indicators.ts';
import { ErrorMessage, Loading } from '../Status.tsx';
import { AreaFigure } from './AreaFigure.tsx';
import { ChildValues } from './ChildValues.tsx';
import { IndicatorChoice } from './IndicatorChoice.tsx';
import { PublishedFigures } from './PublishedFigures.tsx';
import { DEFAULT_INDICATOR, indicatorsFor, latestPeriod } from './panel.ts';
import { VillageValues } from './VillageValues.tsx';
import { showsVillages } from './villages.ts';

/**
 * "Indikator" on the area page: one indicator's figure for this area and one period, and the same
 * for each area directly under it. Loaded on demand (see AreaPage), with its texts and styles.
 */
export default function IndicatorPanel({ area }: { area: AreaDetail }) {
  const { t } = useTranslation();
  const catalogue = useCatalogueQuery();
  const [chosen, setChosen] = useState(DEFAULT_INDICATOR);
  const indicators = catalogue.data ? indicatorsFor(catalogue.data.items, area.level) : [];
  const indicator = indicators.find((item) => item.code === chosen) ?? indicators[0];

  let body;
  if (catalogue.isPending) body = <Loading />;
  else if (catalogue.isError) body = <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  else if (!indicator) body = <p className="empty">{t('indicators.none')}</p>;
  else body = <IndicatorView key={indicator.code} area={area} indicators={indicators} indicator={indicator} onIndicator={setChosen} />;

  return (
    <section className="indicator-panel" aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('indicators.title')}</h2>
      {body}
      <PublishedFigures areaCode={area.code} />
    </section>
  );
}

interface IndicatorViewProps {
  area: AreaDetail;
  indicators: Indicator[];
  indicator: Indicator;
  onIndicator: (code: string) => void;
}

/** Keyed by indicator, so a new indicator starts again on its own latest period. */
function IndicatorView({ area, indicators, indicator, onIndicator }: IndicatorViewProps) {
  const { t } = useTranslation();
  const series = useValueSeriesQuery(indicator.code, area.code);
  const [period, setPeriod] = useState<string | null>(null);
  const currentYear = new Date().getFullYear();
  const shown = period ?? (series.data ? (latestPeriod(series.data.items) ?? String(currentYear)) : null);

  return (
    <>
      {shown === null ? (
        series.isError ? (
          <ErrorMessage error={series.error} onRetry={() => void series.refetch()} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <IndicatorChoice
            indicators={indicators}
            indicator={indicator.code}
            period={shown}
            currentYear={currentYear}
            onIndicator={onIndicator}
            onPeriod={setPeriod}
          />
          <p className="panel-about">
            <Link href={`/indikator/${indicator.code}`}>{t('indicators.about')}</Link>
          </p>
          <PeriodValues area={area} indicator={indicator} period={shown} />
        </>
      )}
    </>
  );
}

function PeriodValues({ area, indicator, period }: { area: AreaDetail; indicator: Indicator; period: string }) {
  const { t } = useTranslation();
  const childrenId = useId();
  const hasChildren = area.level < 4 && area.children.length > 0;
  const self = useValuesQuery({ indicator: indicator.code, area: area.code, period, by: 'self' });
  const children = useValuesQuery({ indicator: indicator.code, area: area.code, period, by: 'children' }, hasChildren);

  if (self.isPending) return <Loading />;
  if (self.isError) return <ErrorMessage error={self.error} onRetry={() => void self.refetch()} />;
  return (
    <>
      <AreaFigure indicator={indicator} row={self.data.items[0]} areaName={area.name} />
      {hasChildren && (
        <div className="panel-children">
          <h3 id={childrenId}>{t('indicators.children')}</h3>
          {children.isPending ? (
            <Loading />
          ) : children.isError ? (
            <ErrorMessage error={children.error} onRetry={() => void children.refetch()} />
          ) : (
            <ChildValues indicator={indicator} rows={children.data.items} labelledBy={childrenId} />
          )}
        </div>
      )}
      {showsVillages(indicator, area.level) && <VillageValues key={`${indicator.code}-${period}`} area={area} indicator={indicator} period={period} />}
    </>
  );
}
