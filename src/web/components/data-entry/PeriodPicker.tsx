import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../common/period.ts';
import { ENTRY_PERIOD_TYPES, partOf, withPart, withType, withYear, yearOf, yearOptions } from './period-choice.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const QUARTERS = [1, 2, 3, 4];
const ROMAN = ['I', 'II', 'III', 'IV'];

interface PeriodPickerProps {
  period: Period;
  currentYear: number;
  onChange: (period: Period) => void;
}

/** Kind of period, year, and month or quarter: three selects that together name one period. */
export function PeriodPicker({ period, currentYear, onChange }: PeriodPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  const nameOfMonth = (month: number, format = monthName) => format.format(Date.UTC(2000, month - 1, 1));
  const part = partOf(period);

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('dataEntry.periodType')}</label>
        <select
          id={`${id}-type`}
          value={period.type}
          onChange={(event) => {
            const type = ENTRY_PERIOD_TYPES.find((option) => option === event.target.value);
            if (type) onChange(withType(period, type));
          }}
        >
          {ENTRY_PERIOD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`dataEntry.periodTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('dataEntry.year')}</label>
        <select id={`${id}-year`} value={yearOf(period)} onChange={(event) => onChange(withYear(period, Number(event.target.value)))}>
          {yearOptions(currentYear, yearOf(period)).map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {part !== null && (
        <div className="field">
          <label htmlFor={`${id}-part`}>{period.type === 'quarterly' ? t('dataEntry.quarter') : t('dataEntry.month')}</label>
          <select id={`${id}-part`} value={part} onChange={(event) => onChange(withPart(period, Number(event.target.value)))}>
            {period.type === 'quarterly'
              ? QUARTERS.map((quarter) => (
                  <option key={quarter} value={quarter}>
                    {t('dataEntry.quarterName', {
                      roman: ROMAN[quarter - 1],
                      number: quarter,
                      months: `${nameOfMonth(quarter * 3 - 2, shortMonth)}–${nameOfMonth(quarter * 3, shortMonth)}`,
                    })}
                  </option>
                ))
              : MONTHS.map((month) => (
                  <option key={month} value={month}>
                    {nameOfMonth(month)}
                  </option>
                ))}
          </select>
        </div>
      )}
    </>
  );
}
