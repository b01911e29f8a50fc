import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ValueRow } from '../../../common/api/values.ts';
import { exampleShare } from './example-share.ts';
import { useFigureFormat } from './useFigureFormat.ts';

export interface ExampleText {
  /** The badge: "Data contoh", or "Sebagian data contoh (3 dari 65 desa/kelurahan)". */
  label: string;
  /** What that means, in a sentence. */
  hint: string;
}

/** The example mark of a figure in the reader's language, or null for a wholly real one. */
export function useExampleText(indicator: Indicator): (row: ValueRow) => ExampleText | null {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const units = t(`indicators.units.${indicator.collectionLevel}`);

  return (row) => {
    const share = exampleShare(row);
    if (share.kind === 'none') return null;
    if (share.kind === 'all') return { label: t('indicators.example'), hint: t('indicators.exampleHint') };
    const counts = { example: format.number(share.example), reporting: format.number(share.reporting), units };
    return { label: t('indicators.examplePartly', counts), hint: t('indicators.examplePartlyHint', counts) };
  };
}
