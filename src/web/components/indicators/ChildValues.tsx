import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { useFormatDate } from '../useFormatDate.ts';
import { ExampleBadge } from './ExampleBadge.tsx';
import { hasData } from './panel.ts';
import { useExampleText } from './useExampleText.ts';
import { useFigureFormat } from './useFigureFormat.ts';

interface ChildValuesProps {
  indicator: Indicator;
  rows: ValueRow[];
  labelledBy: string;
  /** Villages report or not: "1 dari 1 desa melapor" says nothing a dash does not, so their table leaves coverage out. */
  showCoverage?: boolean;
}

/**
 * The figure of each area directly under this one: cards on a phone, a table on a wide screen.
 * Only one of the two is displayed (the other is `display: none`, so screen readers skip it too).
 */
export function ChildValues({ indicator, rows, labelledBy, showCoverage = true }: ChildValuesProps) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const formatDate = useFormatDate();
  const exampleText = useExampleText(indicator);
  const cells = rows.map((row) => ({
    row,
    value: (hasData(row) && format.headline(indicator, row)) || t('indicators.noValue'),
    coverage: format.coverage(indicator, row),
    asOf: row.asOf ? formatDate(row.asOf) : t('indicators.noValue'),
    example: exampleText(row),
  }));

  return (
    <>
      <ul className="child-cards" aria-labelledby={labelledBy}>
        {cells.map(({ row, value, coverage, asOf, example }) => (
          <li key={row.areaCode} aria-label={row.areaName}>
            <Link href={`/wilayah/${row.areaCode}`} className="child-name">
              {row.areaName}
            </Link>
            <strong className="child-value">{value}</strong>
            {example && <ExampleBadge text={example} />}
            {showCoverage && <span className="figure-meta">{coverage}</span>}
            {row.asOf && <span className="figure-meta">{t('indicators.asOf', { date: asOf })}</span>}
          </li>
        ))}
      </ul>
      <table className="child-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('indicators.columns.area')}</th>
            <th scope="col">{t('indicators.columns.value')}</th>
            {showCoverage && <th scope="col">{t('indicators.columns.coverage')}</th>}
            <th scope="col">{t('indicators.columns.asOf')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map(({ row, value, coverage, asOf, example }) => (
            <tr key={row.areaCode}>
              <th scope="row">
                <Link href={`/wilayah/${row.areaCode}`}>{row.areaName}</Link>
              </th>
              <td className="number">
                {value} {example && <ExampleBadge text={example} />}
              </td>
              {showCoverage && <td>{coverage}</td>}
              <td>{asOf}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
