import { isPeriodCode, parsePeriod, periodOf } from '../../../common/period.ts';
import type { Period, PeriodType } from '../../../common/period.ts';

/** The kinds of period the form offers, coarsest last: a value is entered per month, quarter or year. */
export const ENTRY_PERIOD_TYPES = ['monthly', 'quarterly', 'yearly'] as const satisfies readonly PeriodType[];
export type EntryPeriodType = (typeof ENTRY_PERIOD_TYPES)[number];

/** First year the year list offers; a period in the URL outside the list is still shown and kept. */
export const FIRST_ENTRY_YEAR = 2010;

export function isEntryPeriodType(type: PeriodType): type is EntryPeriodType {
  return ENTRY_PERIOD_TYPES.some((entryType) => entryType === type);
}

/** Today's date in the reader's time zone, as `YYYY-MM-DD`: the month a field officer is in. */
export function localIsoDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The period of `?periode=`, when it is one the form offers; otherwise the current month. */
export function readEntryPeriod(code: string | null, today: string): Period {
  if (code && isPeriodCode(code)) {
    const period = parsePeriod(code);
    if (isEntryPeriodType(period.type)) return period;
  }
  return periodOf('monthly', today);
}

/** The period of another type that starts where `period` starts: October 2026 becomes 2026Q4 or 2026. */
export function withType(period: Period, type: EntryPeriodType): Period {
  return periodOf(type, period.start);
}

/** The same part of the year (month, quarter) in another year. */
export function withYear(period: Period, year: number): Period {
  return periodOf(period.type, `${year}${period.start.slice(4)}`);
}

/** A month (1–12) or quarter (1–4) of the period's year; ignored for a year. */
export function withPart(period: Period, part: number): Period {
  const firstMonth = period.type === 'quarterly' ? part * 3 - 2 : part;
  return period.type === 'yearly' ? period : periodOf(period.type, `${yearOf(period)}-${String(firstMonth).padStart(2, '0')}-01`);
}

export function yearOf(period: Period): number {
  return Number(period.start.slice(0, 4));
}

/** The month (1–12) or quarter (1–4) a period is, or null for a year. */
export function partOf(period: Period): number | null {
  const month = Number(period.start.slice(5, 7));
  if (period.type === 'monthly') return month;
  if (period.type === 'quarterly') return Math.ceil(month / 3);
  return null;
}

/** Years to choose from, newest first: the current year down to FIRST_ENTRY_YEAR, plus the chosen one. */
export function yearOptions(currentYear: number, chosen: number): number[] {
  const years = new Set<number>([chosen]);
  for (let year = currentYear; year >= FIRST_ENTRY_YEAR; year -= 1) years.add(year);
  return [...years].sort((a, b) => b - a);
}
