import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { statusLabel } from '../data-entry/labels.ts';

/** Ways to write a figure in the reader's language: "89,2%", "1.200", "2 dari 16 desa/kelurahan melapor". */
export function useFigureFormat() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePercent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });

  /** The headline: a percentage, a number, or the count of the last (best) status value; null without data. */
  function headline(indicator: Indicator, row: ValueRow): string | null {
    if (indicator.measure === 'status') {
      const last = indicator.statusValues?.at(-1);
      if (!row.statusCounts || !last) return null;
      return t('indicators.statusCount', { status: statusLabel(t, last), count: number.format(row.statusCounts[last] ?? 0) });
    }
    if (row.value === null) return null;
    return indicator.measure === 'ratio' ? percent.format(row.value) : number.format(row.value);
  }

  return {
    number: (value: number) => number.format(value),
    headline,
    ratioParts: (row: ValueRow) =>
      row.numerator !== null && row.denominator !== null
        ? t('indicators.ratioParts', { numerator: number.format(row.numerator), denominator: number.format(row.denominator) })
        : null,
    coverage: (indicator: Indicator, row: ValueRow) =>
      t('indicators.coverage', {
        reporting: number.format(row.reporting),
        expected: number.format(row.expected),
        units: t(`indicators.units.${indicator.collectionLevel}`),
      }),
    /** National targets of percent indicators are written as percentages (15 for 15%). */
    target: (indicator: Indicator, value: number) => (indicator.unit === 'percent' ? wholePercent.format(value / 100) : number.format(value)),
  };
}
