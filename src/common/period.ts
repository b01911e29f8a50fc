/**
 * Periods as DHIS2 ISO period codes, the identity of a period in Kembar: `2021` (year),
 * `2021S2` (half-year, Jul–Dec), `2021Q3` (quarter), `202110` (month), `2021W43` (ISO week) and
 * `20211026` (day). The code alone fixes the days a value covers, so observations and rollups store
 * only the code and the dates are derived here. Dates are ISO `YYYY-MM-DD` strings computed in UTC,
 * so no answer depends on the time zone of the server or the browser.
 * Pure: no I/O, shared by server and web.
 */

/** Finest first: the order a value rolls up in, from a day to its week, month, quarter, half-year and year. */
export const PERIOD_TYPES = ['daily', 'weekly', 'monthly', 'quarterly', 'sixmonthly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A period and the days it covers. */
export interface Period {
  /** Canonical code: weeks without a leading zero (`2021W1`, never `2021W01`), as DHIS2 writes them. */
  code: string;
  type: PeriodType;
  /** First day, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day, inclusive, ISO `YYYY-MM-DD`. A week may end in the next year (`2020W53` ends 2021-01-03). */
  end: string;
}

/**
 * Years a code may name. Wide enough for any census or survey series, narrow enough to catch a
 * mistyped year (`0221`, `2201`); it also keeps clear of years 0–99, which `Date.UTC` reads as 19xx.
 */
export const FIRST_PERIOD_YEAR = 1900;
export const LAST_PERIOD_YEAR = 2100;

/** One example of each accepted form, for error messages. */
const PERIOD_EXAMPLES = '2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026';

const MS_PER_DAY = 86_400_000;

/** Throws a RangeError naming the code and the accepted forms when it is not a period. */
export function parsePeriod(code: string): Period {
  const period = readPeriod(code);
  if (!period) throw new RangeError(`${JSON.stringify(code)} is not a period: use ${PERIOD_EXAMPLES}`);
  return period;
}

export function isPeriodCode(code: string): boolean {
  return readPeriod(code) !== null;
}

/**
 * The period of `type` holding the day `isoDate` (YYYY-MM-DD): `periodOf('weekly', '2021-01-01')` is
 * 2020W53. The day must fall in the period years (1900-01-01 to 2100-12-31), so 2101-01-01 is refused
 * even though it lies in 2100W52.
 */
export function periodOf(type: PeriodType, isoDate: string): Period {
  return periodContaining(type, parseIsoDate(isoDate));
}

/**
 * Number of ISO weeks in `year`, 52 or 53, so a form can offer exactly the weeks that exist.
 * An ISO year runs from the Monday of its week 1 to the Monday of the next year's week 1.
 */
export function weeksInYear(year: number): number {
  if (!isPeriodYear(year)) {
    throw new RangeError(`${year} is not a year from ${FIRST_PERIOD_YEAR} to ${LAST_PERIOD_YEAR}`);
  }
  return (firstMonday(year + 1) - firstMonday(year)) / 7;
}

/**
 * True when every day of `inner` lies in `outer`; a period contains itself. Decided by dates, not by
 * code prefixes, so a week that straddles New Year (`2020W53`) lies in neither year.
 */
export function contains(outer: string, inner: string): boolean {
  const container = parsePeriod(outer);
  const period = parsePeriod(inner);
  return container.start <= period.start && period.end <= container.end;
}

/**
 * The coarser periods a value of `code` adds into, finest first, without `code` itself. A day rolls
 * into its week, month, quarter, half-year and year. A week rolls only into the calendar periods that
 * hold all seven of its days: `2021W43` (Oct 25–31) into 202110 and up, `2021W13` (Mar 29–Apr 4)
 * into 2021S1 and 2021 only, `2021W52` (Dec 27–Jan 2) into nothing. Splitting a week's value between
 * two months would invent numbers nobody reported, so it is left out of both.
 */
export function rollupTargets(code: string): string[] {
  const period = parsePeriod(code);
  const first = dayOf(period.start);
  return PERIOD_TYPES.slice(PERIOD_TYPES.indexOf(period.type) + 1)
    .map((type) => periodContaining(type, first))
    .filter((target) => target.end >= period.end)
    .map((target) => target.code);
}

/**
 * Chronological order for sorting codes: by first day, then finer first, so `202101` comes before
 * `2021Q1`, `2021S1` and `2021`, which all start on 2021-01-01. Zero only for the same period.
 */
export function comparePeriods(a: string, b: string): number {
  const left = parsePeriod(a);
  const right = parsePeriod(b);
  if (left.start !== right.start) return left.start < right.start ? -1 : 1;
  return PERIOD_TYPES.indexOf(left.type) - PERIOD_TYPES.indexOf(right.type);
}

/**
 * Codes of every period of `type` from the one holding `from` to the one holding `to` (ISO dates),
 * both included, oldest first; empty when `to` falls in an earlier period than `from`.
 */
export function periodsBetween(type: PeriodType, from: string, to: string): string[] {
  const last = periodContaining(type, parseIsoDate(to));
  const codes: string[] = [];
  for (let period = periodContaining(type, parseIsoDate(from)); period.start <= last.start; ) {
    codes.push(period.code);
    period = periodContaining(type, dayOf(period.end) + 1);
  }
  return codes;
}

/** One parser per form; each returns null when the code is not of its form or names no real period. */
const PARSERS: readonly ((code: string) => Period | null)[] = [parseYear, parseHalfYear, parseQuarter, parseMonth, parseWeek, parseDay];

function readPeriod(code: string): Period | null {
  for (const parse of PARSERS) {
    const period = parse(code);
    if (period) return period;
  }
  return null;
}

// The patterns are case-sensitive and anchored at both ends: `2021q3` and ` 2021` are not codes.
// A code that does not match leaves every number at 0, which is not a valid year.

function parseYear(code: string): Period | null {
  const [year = 0] = captures(/^(\d{4})$/, code) ?? [];
  return isPeriodYear(year) ? yearPeriod(year) : null;
}

function parseHalfYear(code: string): Period | null {
  const [year = 0, half = 0] = captures(/^(\d{4})S([12])$/, code) ?? [];
  return isPeriodYear(year) ? halfYearPeriod(year, half) : null;
}

function parseQuarter(code: string): Period | null {
  const [year = 0, quarter = 0] = captures(/^(\d{4})Q([1-4])$/, code) ?? [];
  return isPeriodYear(year) ? quarterPeriod(year, quarter) : null;
}

function parseMonth(code: string): Period | null {
  const [year = 0, month = 0] = captures(/^(\d{4})(\d{2})$/, code) ?? [];
  return isPeriodYear(year) && month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
}

/** DHIS2 accepts `2021W1` and `2021W01`; both parse to the canonical `2021W1`. */
function parseWeek(code: string): Period | null {
  const [year = 0, week = 0] = captures(/^(\d{4})W(\d{1,2})$/, code) ?? [];
  return isPeriodYear(year) && week >= 1 && week <= weeksInYear(year) ? weekPeriod(year, week) : null;
}

function parseDay(code: string): Period | null {
  const [year = 0, month = 0, day = 0] = captures(/^(\d{4})(\d{2})(\d{2})$/, code) ?? [];
  return isCalendarDate(year, month, day) ? dayPeriod(dayNumber(year, month, day)) : null;
}

/** The numbers a pattern captures from `text`, or null when `text` does not match it. */
function captures(pattern: RegExp, text: string): number[] | null {
  const match = pattern.exec(text);
  return match ? match.slice(1).map(Number) : null;
}

/** A day given by a caller: strictly `YYYY-MM-DD`, a real date, in a period year. */
function parseIsoDate(isoDate: string): number {
  const [year = 0, month = 0, day = 0] = captures(/^(\d{4})-(\d{2})-(\d{2})$/, isoDate) ?? [];
  if (!isCalendarDate(year, month, day)) {
    throw new RangeError(
      `${JSON.stringify(isoDate)} is not a date: use YYYY-MM-DD from ${FIRST_PERIOD_YEAR}-01-01 to ${LAST_PERIOD_YEAR}-12-31`,
    );
  }
  return dayNumber(year, month, day);
}

function isPeriodYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_PERIOD_YEAR && year <= LAST_PERIOD_YEAR;
}

/** Rejects Feb 29 outside leap years, Apr 31 and the like. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  return isPeriodYear(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function periodContaining(type: PeriodType, day: number): Period {
  const { year, month } = calendarDate(day);
  switch (type) {
    case 'daily':
      return dayPeriod(day);
    case 'weekly':
      return weekContaining(day);
    case 'monthly':
      return monthPeriod(year, month);
    case 'quarterly':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'sixmonthly':
      return halfYearPeriod(year, Math.ceil(month / 6));
    case 'yearly':
      return yearPeriod(year);
  }
}

/** A week belongs to the ISO year of its Thursday: 2021-01-01, a Friday, lies in 2020W53. */
function weekContaining(day: number): Period {
  const monday = day - weekday(day);
  const isoYear = calendarDate(monday + 3).year;
  return weekPeriod(isoYear, (monday - firstMonday(isoYear)) / 7 + 1);
}

function yearPeriod(year: number): Period {
  return monthsPeriod(`${year}`, 'yearly', year, 1, 12);
}

function halfYearPeriod(year: number, half: number): Period {
  return monthsPeriod(`${year}S${half}`, 'sixmonthly', year, half * 6 - 5, 6);
}

function quarterPeriod(year: number, quarter: number): Period {
  return monthsPeriod(`${year}Q${quarter}`, 'quarterly', year, quarter * 3 - 2, 3);
}

function monthPeriod(year: number, month: number): Period {
  return monthsPeriod(`${year}${twoDigits(month)}`, 'monthly', year, month, 1);
}

/** `count` whole months from `firstMonth`: the shape of a month, a quarter, a half-year and a year. */
function monthsPeriod(code: string, type: PeriodType, year: number, firstMonth: number, count: number): Period {
  return makePeriod(code, type, dayNumber(year, firstMonth, 1), dayNumber(year, firstMonth + count, 1) - 1);
}

function weekPeriod(isoYear: number, week: number): Period {
  const monday = firstMonday(isoYear) + (week - 1) * 7;
  return makePeriod(`${isoYear}W${week}`, 'weekly', monday, monday + 6);
}

function dayPeriod(day: number): Period {
  const date = calendarDate(day);
  return makePeriod(`${date.year}${twoDigits(date.month)}${twoDigits(date.day)}`, 'daily', day, day);
}

function makePeriod(code: string, type: PeriodType, first: number, last: number): Period {
  return { code, type, start: isoDate(first), end: isoDate(last) };
}

// Days are counted from 1970-01-01 in UTC, so adding 7 is always a week: there are no time zones,
// no daylight saving and no leap seconds in between.

/** Monday of ISO week 1: the week holding January 4th, hence the year's first Thursday. */
function firstMonday(isoYear: number): number {
  const january4 = dayNumber(isoYear, 1, 4);
  return january4 - weekday(january4);
}

/** 0 for Monday … 6 for Sunday, as ISO weeks start on Monday. Day 0, 1970-01-01, was a Thursday. */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The day before the first of the next month; `Date.UTC` carries month 13 into January. */
function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Day number of an ISO date this module produced (a period's start or end), without re-validating it. */
function dayOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
}

function calendarDate(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
