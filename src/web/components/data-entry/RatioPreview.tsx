import { useTranslation } from 'react-i18next';
import { parseDecimal } from './decimal.ts';
import type { DecimalMark } from './decimal.ts';

interface RatioPreviewProps {
  numerator: string;
  denominator: string;
  mark: DecimalMark;
  /** False for ratios that may exceed 100% (plant utilisation); otherwise more than 100% is marked. */
  proportion: boolean;
}

/** The percentage the two numbers make, recomputed as they are typed; a dash until both are numbers. */
export function RatioPreview({ numerator, denominator, mark, proportion }: RatioPreviewProps) {
  const { t, i18n } = useTranslation();
  const top = parseDecimal(numerator, mark);
  const bottom = parseDecimal(denominator, mark);
  const ratio = top !== null && bottom !== null && bottom > 0 ? top / bottom : Number.NaN;
  const known = Number.isFinite(ratio);
  const format = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const over = known && proportion && ratio > 1;
  return (
    <p className="ratio-preview">
      {t('dataEntry.percent')}: <output className={over ? 'over' : undefined}>{known ? format.format(ratio) : '–'}</output>
    </p>
  );
}
