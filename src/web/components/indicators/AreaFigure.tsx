import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { statusLabel } from '../data-entry/labels.ts';
import { useFormatDate } from '../useFormatDate.ts';
import { hasData } from './panel.ts';
import { useExampleText } from './useExampleText.ts';
import { useFigureFormat } from './useFigureFormat.ts';

/** The area's own figure for the chosen period, with how many units reported and when; or "no data yet". */
export function AreaFigure({ indicator, row, areaName }: { indicator: Indicator; row: ValueRow | undefined; areaName: string }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFigureFormat();
  const formatDate = useFormatDate();
  const headline = row && hasData(row) ? format.headline(indicator, row) : null;
  // The headline figure explains its mark in plain sight; the lists below open theirs on a tap.
  const exampleText = useExampleText(indicator);
  const example = row ? exampleText(row) : null;

  return (
    <div className="figure" role="group" aria-labelledby={id}>
      <p id={id} className="figure-label">
        {t('indicators.figure', { area: areaName })} {example && <span className="badge example">{example.label}</span>}
      </p>
      {example && <p className="figure-meta">{example.hint}</p>}
      {row && headline !== null ? (
        <>
          <p className="figure-value">{headline}</p>
          {indicator.measure === 'ratio' && format.ratioParts(row) && <p className="figure-parts">{format.ratioParts(row)}</p>}
          {indicator.measure === 'status' && row.statusCounts && (
            <ul className="status-counts" aria-label={t('indicators.statusCounts')}>
              {(indicator.statusValues ?? Object.keys(row.statusCounts)).map((status) => (
                <li key={status}>{t('indicators.statusCount', { status: statusLabel(t, status), count: format.number(row.statusCounts?.[status] ?? 0) })}</li>
              ))}
            </ul>
          )}
          <p className="figure-meta">{format.coverage(indicator, row)}</p>
          {row.asOf && <p className="figure-meta">{t('indicators.asOf', { date: formatDate(row.asOf) })}</p>}
        </>
      ) : (
        <>
          <p className="empty">{t('indicators.empty')}</p>
          {row && <p className="figure-meta">{format.coverage(indicator, row)}</p>}
        </>
      )}
      {indicator.nationalTarget && (
        <p className="figure-target">
          {t('indicators.target', {
            value: format.target(indicator, indicator.nationalTarget.value),
            year: indicator.nationalTarget.year,
            source: indicator.nationalTarget.source,
          })}
        </p>
      )}
    </div>
  );
}
