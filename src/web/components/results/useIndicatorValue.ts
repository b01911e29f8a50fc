import { useTranslation } from 'react-i18next';
import type { ResultIndicator } from '../../../common/api/results.ts';
import { formatIndicatorValue } from './indicator-value.ts';

/** Writes an indicator's values in the reader's language: "12 desa", "45,5%". */
export function useIndicatorValue(indicator: ResultIndicator) {
  const { i18n } = useTranslation();
  const format = (value: number | null) => formatIndicatorValue(indicator, value, i18n.language);
  return {
    format,
    baseline: () =>
      indicator.measure === 'percentage' && indicator.baselineNumerator !== null && indicator.baselineDenominator
        ? format((100 * indicator.baselineNumerator) / indicator.baselineDenominator)
        : format(indicator.baselineValue),
  };
}
