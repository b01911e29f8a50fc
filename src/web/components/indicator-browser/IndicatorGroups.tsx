import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Indicator } from '../../../common/api/indicators.ts';
import { indicatorName, unitLabel } from '../data-entry/labels.ts';
import { groupIndicators } from '../indicators/panel.ts';

/** The filtered catalogue as one list per domain, each entry linking to its page. */
export function IndicatorGroups({ indicators }: { indicators: Indicator[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {groupIndicators(indicators).map(({ group, items }) => (
        <section key={group} className="indicator-group">
          <h2 id={`group-${group}`}>{t(`dataEntry.groups.${group}`)}</h2>
          <ul className="indicator-list" aria-labelledby={`group-${group}`}>
            {items.map((indicator) => (
              <li key={indicator.code}>
                <Link href={`/indikator/${indicator.code}`}>{indicatorName(indicator, i18n.language)}</Link>
                <span className="indicator-meta">
                  <span className="code">{indicator.code}</span> · {unitLabel(t, indicator.unit)} ·{' '}
                  {t(`indicatorBrowser.levels.${indicator.collectionLevel}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
