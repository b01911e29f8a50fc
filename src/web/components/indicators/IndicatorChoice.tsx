import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import { yearOptions } from '../data-entry/period-choice.ts';
import { indicatorName } from '../data-entry/labels.ts';
import { groupIndicators, joinPeriod, splitPeriod } from './panel.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

interface IndicatorChoiceProps {
  indicators: Indicator[];
  indicator: string;
  period: string;
  currentYear: number;
  onIndicator: (code: string) => void;
  onPeriod: (period: string) => void;
}

/** Which indicator, by group, and which year and month (or the whole year). */
export function IndicatorChoice({ indicators, indicator, period, currentYear, onIndicator, onPeriod }: IndicatorChoiceProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const { year, month } = splitPeriod(period);

  return (
    <div className="panel-choice">
      <div className="field panel-indicator">
        <label htmlFor={`${id}-indicator`}>{t('indicators.indicator')}</label>
        <select id={`${id}-indicator`} value={indicator} onChange={(event) => onIndicator(event.target.value)}>
          {groupIndicators(indicators).map(({ group, items }) => (
            <optgroup key={group} label={t(`dataEntry.groups.${group}`)}>
              {items.map((item) => (
                <option key={item.code} value={item.code}>
                  {indicatorName(item, i18n.language)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('indicators.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(event) => onPeriod(joinPeriod(Number(event.target.value), month))}>
          {yearOptions(currentYear, year).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-month`}>{t('indicators.month')}</label>
        <select
          id={`${id}-month`}
          value={month ?? ''}
          onChange={(event) => onPeriod(joinPeriod(year, event.target.value === '' ? null : Number(event.target.value)))}
        >
          <option value="">{t('indicators.wholeYear')}</option>
          {MONTHS.map((option) => (
            <option key={option} value={option}>
              {monthName.format(Date.UTC(2000, option - 1, 1))}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
