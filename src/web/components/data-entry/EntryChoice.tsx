import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../common/period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { SourceSelect } from './SourceSelect.tsx';
import type { EntrySource } from './sources.ts';

interface EntryChoiceProps {
  period: Period;
  currentYear: number;
  source: EntrySource;
  onPeriodChange: (period: Period) => void;
  onSourceChange: (source: EntrySource) => void;
}

/** Which sheet the form shows: the period and the data source. */
export function EntryChoice({ period, currentYear, source, onPeriodChange, onSourceChange }: EntryChoiceProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="entry-choice">
      <legend>{t('dataEntry.choice')}</legend>
      <div className="choice-grid">
        <PeriodPicker period={period} currentYear={currentYear} onChange={onPeriodChange} />
        <SourceSelect source={source} onChange={onSourceChange} describedBy={hintId} />
      </div>
      <p id={hintId} className="hint">
        {t('dataEntry.sourceHint')}
      </p>
    </fieldset>
  );
}
