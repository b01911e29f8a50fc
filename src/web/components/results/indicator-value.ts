import type { ResultIndicator } from '../../../common/api/results.ts';

/**
 * An indicator's value as text: a percentage with one decimal ("45,5%"), or a number with its
 * unit ("12 desa"); null when there is no value (or the indicator is qualitative).
 */
export function formatIndicatorValue(indicator: Pick<ResultIndicator, 'type' | 'measure' | 'unit'>, value: number | null, language: string): string | null {
  if (value === null || indicator.type === 'qualitative') return null;
  if (indicator.measure === 'percentage') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return indicator.unit ? `${number} ${indicator.unit}` : number;
}
