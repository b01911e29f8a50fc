import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  contains,
  FIRST_PERIOD_YEAR,
  isPeriodCode,
  LAST_PERIOD_YEAR,
  parsePeriod,
  PERIOD_TYPES,
  periodOf,
  periodsBetween,
  rollupTargets,
  weeksInYear,
} from './period.ts';
import type { Period, PeriodType } from './period.ts';

// Expected dates are written out by hand (checked against a calendar and Python's date.isocalendar());
// the helpers below only step through them with the platform's own UTC calendar.

/** `isoDate` moved by `days`, with the platform's UTC calendar (independent of the module's arithmetic). */
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every ISO date from `first` to `last`, both included. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function period(code: string, type: PeriodType, start: string, end: string): Period {
  return { code, type, start, end };
}

/** Calendar facts of the years walked through below. */
const YEARS = [
  { year: 1900, leap: false, weeks: 52, firstMonday: '1900-01-01', lastSunday: '1900-12-30' },
  { year: 2000, leap: true, weeks: 52, firstMonday: '2000-01-03', lastSunday: '2000-12-31' },
  { year: 2020, leap: true, weeks: 53, firstMonday: '2019-12-30', lastSunday: '2021-01-03' },
  { year: 2021, leap: false, weeks: 52, firstMonday: '2021-01-04', lastSunday: '2022-01-02' },
  { year: 2024, leap: true, weeks: 52, firstMonday: '2024-01-01', lastSunday: '2024-12-29' },
  { year: 2025, leap: false, weeks: 52, firstMonday: '2024-12-30', lastSunday: '2025-12-28' },
  { year: 2026, leap: false, weeks: 53, firstMonday: '2025-12-29', lastSunday: '2027-01-03' },
  { year: 2100, leap: false, weeks: 52, firstMonday: '2100-01-04', lastSunday: '2101-01-02' },
];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;
const HALVES = [
  ['01-01', '06-30'],
  ['07-01', '12-31'],
] as const;

/** Every year from 1900 to 2100 with 53 ISO weeks (Jan 1 on a Thursday, or on a Wednesday in a leap year). */
const YEARS_WITH_53_WEEKS = [
  1903, 1908, 1914, 1920, 1925, 1931, 1936, 1942, 1948, 1953, 1959, 1964, 1970, 1976, 1981, 1987, 1992, 1998, 2004, 2009,
  2015, 2020, 2026, 2032, 2037, 2043, 2048, 2054, 2060, 2065, 2071, 2076, 2082, 2088, 2093, 2099,
];

describe('period types', () => {
  it('are listed finest first', () => {
    expect(PERIOD_TYPES).toEqual(['daily', 'weekly', 'monthly', 'quarterly', 'sixmonthly', 'yearly']);
  });

  it('allow the years 1900 to 2100', () => {
    expect([FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR]).toEqual([1900, 2100]);
  });
});

describe('parsing period codes', () => {
  it.each([
    ['2021', 'yearly', '2021-01-01', '2021-12-31'],
    ['1900', 'yearly', '1900-01-01', '1900-12-31'],
    ['2100', 'yearly', '2100-01-01', '2100-12-31'],
    ['2021S1', 'sixmonthly', '2021-01-01', '2021-06-30'],
    ['2021S2', 'sixmonthly', '2021-07-01', '2021-12-31'],
    ['2021Q1', 'quarterly', '2021-01-01', '2021-03-31'],
    ['2021Q2', 'quarterly', '2021-04-01', '2021-06-30'],
    ['2021Q3', 'quarterly', '2021-07-01', '2021-09-30'],
    ['2021Q4', 'quarterly', '2021-10-01', '2021-12-31'],
    ['202101', 'monthly', '2021-01-01', '2021-01-31'],
    ['202102', 'monthly', '2021-02-01', '2021-02-28'],
    ['202002', 'monthly', '2020-02-01', '2020-02-29'],
    ['190002', 'monthly', '1900-02-01', '1900-02-28'],
    ['200002', 'monthly', '2000-02-01', '2000-02-29'],
    ['210002', 'monthly', '2100-02-01', '2100-02-28'],
    ['202104', 'monthly', '2021-04-01', '2021-04-30'],
    ['202110', 'monthly', '2021-10-01', '2021-10-31'],
    ['202112', 'monthly', '2021-12-01', '2021-12-31'],
    ['2021W1', 'weekly', '2021-01-04', '2021-01-10'],
    ['2021W43', 'weekly', '2021-10-25', '2021-10-31'],
    ['2021W52', 'weekly', '2021-12-27', '2022-01-02'],
    ['2020W1', 'weekly', '2019-12-30', '2020-01-05'],
    ['2020W53', 'weekly', '2020-12-28', '2021-01-03'],
    ['2024W1', 'weekly', '2024-01-01', '2024-01-07'],
    ['2024W52', 'weekly', '2024-12-23', '2024-12-29'],
    ['2025W1', 'weekly', '2024-12-30', '2025-01-05'],
    ['2026W1', 'weekly', '2025-12-29', '2026-01-04'],
    ['2026W53', 'weekly', '2026-12-28', '2027-01-03'],
    ['1900W1', 'weekly', '1900-01-01', '1900-01-07'],
    ['1900W52', 'weekly', '1900-12-24', '1900-12-30'],
    ['1901W1', 'weekly', '1900-12-31', '1901-01-06'],
    ['2099W53', 'weekly', '2099-12-28', '2100-01-03'],
    ['2100W1', 'weekly', '2100-01-04', '2100-01-10'],
    ['2100W52', 'weekly', '2100-12-27', '2101-01-02'],
    ['20211026', 'daily', '2021-10-26', '2021-10-26'],
    ['20200229', 'daily', '2020-02-29', '2020-02-29'],
    ['20000229', 'daily', '2000-02-29', '2000-02-29'],
    ['19000101', 'daily', '1900-01-01', '1900-01-01'],
    ['21001231', 'daily', '2100-12-31', '2100-12-31'],
  ] as const)('reads %s as %s from %s to %s', (code, type, start, end) => {
    expect(parsePeriod(code)).toEqual(period(code, type, start, end));
    expect(isPeriodCode(code)).toBe(true);
  });

  it.each([
    ['2021W01', '2021W1'],
    ['2021W09', '2021W9'],
    ['2020W05', '2020W5'],
  ])('accepts the DHIS2 zero-padded week %s and writes it as %s', (padded, canonical) => {
    expect(isPeriodCode(padded)).toBe(true);
    expect(parsePeriod(padded)).toEqual(parsePeriod(canonical));
    expect(parsePeriod(padded).code).toBe(canonical);
  });

  const invalid = [
    ['', 'empty'],
    [' 2021', 'leading space'],
    ['2021 ', 'trailing space'],
    ['2021\n', 'trailing newline'],
    ['\t2021Q3', 'leading tab'],
    ['2021Q3 ', 'space after a quarter'],
    ['2021q3', 'lowercase q'],
    ['2021s1', 'lowercase s'],
    ['2021w43', 'lowercase w'],
    ['2021Q0', 'quarter 0'],
    ['2021Q5', 'quarter 5'],
    ['2021Q01', 'zero-padded quarter'],
    ['2021Q', 'quarter without number'],
    ['2021S0', 'half 0'],
    ['2021S3', 'half 3'],
    ['2021S01', 'zero-padded half'],
    ['2021W0', 'week 0'],
    ['2021W00', 'week 00'],
    ['2021W53', 'week 53 in a 52-week year'],
    ['2024W53', 'week 53 in a 52-week leap year'],
    ['2020W54', 'week 54'],
    ['2021W001', 'three-digit week'],
    ['2021W', 'week without number'],
    ['2021-W43', 'ISO week with a dash'],
    ['202100', 'month 00'],
    ['202113', 'month 13'],
    ['20211', 'one-digit month'],
    ['2021-10', 'month with a dash'],
    ['2021M10', 'month with a letter'],
    ['2021-10-26', 'ISO date instead of a day code'],
    ['20211000', 'day 00'],
    ['20211032', 'day 32'],
    ['20210431', 'April 31'],
    ['20210229', 'Feb 29 in 2021'],
    ['19000229', 'Feb 29 in 1900 (not a leap year)'],
    ['21000229', 'Feb 29 in 2100 (not a leap year)'],
    ['202110261', 'nine digits'],
    ['1899', 'year before 1900'],
    ['2101', 'year after 2100'],
    ['0000', 'year 0'],
    ['189912', 'month before 1900'],
    ['210101', 'month after 2100'],
    ['18991231', 'day before 1900'],
    ['21010101', 'day after 2100'],
    ['2101Q1', 'quarter after 2100'],
    ['1899S2', 'half-year before 1900'],
    ['1899W52', 'week before 1900'],
    ['2101W1', 'week after 2100'],
    ['021', 'three-digit year'],
    ['02021', 'five-digit year'],
    ['+2021', 'signed year'],
    ['2021.0', 'decimal'],
    ['２０２１', 'full-width digits'],
    ['٢٠٢١', 'Arabic-Indic digits'],
    ['2021H1', 'H instead of S'],
    ['2021BiW1', 'bi-weekly (not supported)'],
    ['2021April', 'named month'],
    ['2021AprilS', 'six-monthly April (not supported)'],
    ['FY2021', 'financial year prefix'],
    ['Q32021', 'quarter before the year'],
    ['2021Q3Q4', 'two quarters'],
  ] as const;

  it.each(invalid)('rejects %j (%s)', (code) => {
    expect(isPeriodCode(code)).toBe(false);
    expect(() => parsePeriod(code)).toThrow(RangeError);
  });

  it('names the code and every accepted form in the error', () => {
    expect(() => parsePeriod('2021Q5')).toThrow(
      new RangeError('"2021Q5" is not a period: use 2021, 2021S2, 2021Q3, 202110, 2021W43 or 20211026'),
    );
    expect(() => parsePeriod('2021 ')).toThrow('"2021 " is not a period');
    expect(() => parsePeriod('2021\n')).toThrow('"2021\\n" is not a period');
  });
});

describe('weeks in a year', () => {
  it('is 53 exactly in the listed years from 1900 to 2100', () => {
    const years = Array.from({ length: 201 }, (_, index) => 1900 + index);
    expect(years.filter((year) => weeksInYear(year) === 53)).toEqual(YEARS_WITH_53_WEEKS);
    expect(years.every((year) => [52, 53].includes(weeksInYear(year)))).toBe(true);
  });

  it('decides whether week 53 parses', () => {
    const years = Array.from({ length: 201 }, (_, index) => 1900 + index);
    expect(years.filter((year) => isPeriodCode(`${year}W53`))).toEqual(YEARS_WITH_53_WEEKS);
    expect(years.every((year) => isPeriodCode(`${year}W52`))).toBe(true);
  });

  it.each([1899, 2101, 2020.5, Number.NaN])('refuses %s', (year) => {
    expect(() => weeksInYear(year)).toThrow(RangeError);
  });
});

describe.each(YEARS)('every period of $year', ({ year, leap, weeks, firstMonday, lastSunday }) => {
  it('is one year', () => {
    expect(parsePeriod(`${year}`)).toEqual(period(`${year}`, 'yearly', `${year}-01-01`, `${year}-12-31`));
    expect(periodOf('yearly', `${year}-01-01`).code).toBe(`${year}`);
    expect(periodOf('yearly', `${year}-12-31`).code).toBe(`${year}`);
  });

  it('has two half-years', () => {
    HALVES.forEach(([first, last], index) => {
      const code = `${year}S${index + 1}`;
      const expected = period(code, 'sixmonthly', `${year}-${first}`, `${year}-${last}`);
      expect(parsePeriod(code)).toEqual(expected);
      expect(periodOf('sixmonthly', expected.start)).toEqual(expected);
      expect(periodOf('sixmonthly', expected.end)).toEqual(expected);
    });
  });

  it('has four quarters', () => {
    QUARTERS.forEach(([first, last], index) => {
      const code = `${year}Q${index + 1}`;
      const expected = period(code, 'quarterly', `${year}-${first}`, `${year}-${last}`);
      expect(parsePeriod(code)).toEqual(expected);
      expect(periodOf('quarterly', expected.start)).toEqual(expected);
      expect(periodOf('quarterly', expected.end)).toEqual(expected);
    });
  });

  it('has twelve months, February with 29 days only in a leap year', () => {
    MONTH_DAYS.forEach((days, index) => {
      const month = pad(index + 1);
      const lastDay = index === 1 && leap ? 29 : days;
      const code = `${year}${month}`;
      const expected = period(code, 'monthly', `${year}-${month}-01`, `${year}-${month}-${lastDay}`);
      expect(parsePeriod(code)).toEqual(expected);
      expect(periodOf('monthly', expected.start)).toEqual(expected);
      expect(periodOf('monthly', expected.end)).toEqual(expected);
    });
    expect(isPeriodCode(`${year}0229`)).toBe(leap);
  });

  it(`has ${weeks} ISO weeks of seven days, back to back from ${firstMonday} to ${lastSunday}`, () => {
    let monday = firstMonday;
    for (let week = 1; week <= weeks; week += 1) {
      const code = `${year}W${week}`;
      const expected = period(code, 'weekly', monday, addDays(monday, 6));
      expect(parsePeriod(code)).toEqual(expected);
      expect(parsePeriod(`${year}W${pad(week)}`)).toEqual(expected);
      for (const date of datesFrom(expected.start, expected.end)) {
        if (date <= '2100-12-31') expect(periodOf('weekly', date)).toEqual(expected);
      }
      monday = addDays(monday, 7);
    }
    expect(addDays(monday, -1)).toBe(lastSunday);
    expect(isPeriodCode(`${year}W${weeks + 1}`)).toBe(false);
  });

  it(`has ${leap ? 366 : 365} days, each in the month, quarter, half-year and year its date says`, () => {
    const dates = datesFrom(`${year}-01-01`, `${year}-12-31`);
    expect(dates).toHaveLength(leap ? 366 : 365);
    for (const date of dates) {
      const code = date.replaceAll('-', '');
      const monthDay = date.slice(5);
      const quarter = QUARTERS.findIndex(([first, last]) => monthDay >= first && monthDay <= last) + 1;
      const half = monthDay <= '06-30' ? 1 : 2;
      expect(parsePeriod(code)).toEqual(period(code, 'daily', date, date));
      expect(periodOf('daily', date).code).toBe(code);
      expect(periodOf('monthly', date).code).toBe(code.slice(0, 6));
      expect(periodOf('quarterly', date).code).toBe(`${year}Q${quarter}`);
      expect(periodOf('sixmonthly', date).code).toBe(`${year}S${half}`);
      expect(periodOf('yearly', date).code).toBe(`${year}`);
    }
  });
});

describe('the period holding a date', () => {
  it.each([
    ['2021-10-26', '2021W43'],
    ['2021-10-25', '2021W43'],
    ['2021-10-31', '2021W43'],
    ['2021-01-01', '2020W53'],
    ['2021-01-03', '2020W53'],
    ['2021-01-04', '2021W1'],
    ['2019-12-30', '2020W1'],
    ['2020-02-29', '2020W9'],
    ['2024-01-01', '2024W1'],
    ['2024-12-29', '2024W52'],
    ['2024-12-30', '2025W1'],
    ['2025-01-01', '2025W1'],
    ['2026-12-31', '2026W53'],
    ['2027-01-03', '2026W53'],
    ['2022-01-02', '2021W52'],
    ['1900-01-01', '1900W1'],
    ['1900-12-31', '1901W1'],
    ['2100-01-01', '2099W53'],
    ['2100-12-31', '2100W52'],
  ])('puts %s in week %s', (date, code) => {
    expect(periodOf('weekly', date).code).toBe(code);
  });

  it('gives the whole period, not only its code', () => {
    expect(periodOf('weekly', '2021-01-01')).toEqual(period('2020W53', 'weekly', '2020-12-28', '2021-01-03'));
    expect(periodOf('quarterly', '2020-02-29')).toEqual(period('2020Q1', 'quarterly', '2020-01-01', '2020-03-31'));
    expect(periodOf('daily', '2021-10-26')).toEqual(period('20211026', 'daily', '2021-10-26', '2021-10-26'));
  });

  it.each([
    '2021-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-1-5',
    '20211026',
    ' 2021-10-26',
    '2021-10-26 ',
    '2021-10-26T00:00:00Z',
    '1899-12-31',
    '2101-01-01',
    '2101-01-02', // inside 2100W52, but after the last day of the period years
    '',
  ])('refuses the date %j', (date) => {
    expect(() => periodOf('monthly', date)).toThrow(RangeError);
  });

  it('names the date and the accepted form in the error', () => {
    expect(() => periodOf('daily', '2021-02-29')).toThrow(
      new RangeError('"2021-02-29" is not a date: use YYYY-MM-DD from 1900-01-01 to 2100-12-31'),
    );
  });
});

describe('containment', () => {
  // Outer period by row, inner period by column; 1 where the row's period covers the column's.
  const codes = ['2021', '2021S2', '2021Q4', '202110', '2021W43', '20211026', '2020W53', '2021W52', '20210101', '2022'];
  const matrix = [
    '1111110010', // 2021 holds neither straddling week, 2020W53 nor 2021W52
    '0111110000', // 2021S2
    '0011110000', // 2021Q4
    '0001110000', // 202110
    '0000110000', // 2021W43 = 2021-10-25..31
    '0000010000', // 20211026
    '0000001010', // 2020W53 = 2020-12-28..2021-01-03 holds 2021-01-01
    '0000000100', // 2021W52 = 2021-12-27..2022-01-02
    '0000000010', // 20210101
    '0000000001', // 2022 does not hold 2021W52 although the week ends in 2022
  ];
  const cases = codes.flatMap((outer, row) =>
    codes.map((inner, column) => [outer, inner, matrix[row]?.[column] === '1'] as const),
  );

  it('has a full matrix', () => {
    expect(cases).toHaveLength(100);
    expect(cases.filter(([, , expected]) => expected)).toHaveLength(27);
  });

  it.each(cases)('contains(%s, %s) is %s', (outer, inner, expected) => {
    expect(contains(outer, inner)).toBe(expected);
  });

  it.each([
    ['2021', '2021W1', true],
    ['2021', '2021W01', true],
    ['2021W01', '2021W1', true],
    ['2020', '2020W53', false],
    ['2020', '2020W1', false],
    ['2020', '2020W52', true],
    ['2021S1', '2021W26', false],
    ['2021S2', '2021W26', false],
    ['2021', '2021W26', true],
    ['202110', '2021W39', false],
    ['202110', '2021W44', false],
    ['202111', '2021W44', true],
    ['2021Q4', '2021S2', false],
    ['2021Q2', '202107', false],
    ['2024', '2024W1', true],
    ['2024', '2025W1', false],
    ['2025', '2025W1', false],
    ['2020Q1', '20200229', true],
    ['202003', '20200229', false],
  ] as const)('contains(%s, %s) is %s', (outer, inner, expected) => {
    expect(contains(outer, inner)).toBe(expected);
  });

  it('throws on a malformed code on either side', () => {
    expect(() => contains('2021q4', '202110')).toThrow(RangeError);
    expect(() => contains('2021', '2021-10')).toThrow(RangeError);
  });
});

describe('rollup targets', () => {
  it.each([
    ['20211026', ['2021W43', '202110', '2021Q4', '2021S2', '2021']],
    ['20210101', ['2020W53', '202101', '2021Q1', '2021S1', '2021']],
    ['20200229', ['2020W9', '202002', '2020Q1', '2020S1', '2020']],
    ['21001231', ['2100W52', '210012', '2100Q4', '2100S2', '2100']],
    ['202110', ['2021Q4', '2021S2', '2021']],
    ['202101', ['2021Q1', '2021S1', '2021']],
    ['2021Q2', ['2021S1', '2021']],
    ['2021S1', ['2021']],
    ['2021', []],
    ['2021W43', ['202110', '2021Q4', '2021S2', '2021']],
    ['2021W5', ['202102', '2021Q1', '2021S1', '2021']],
    ['2021W1', ['202101', '2021Q1', '2021S1', '2021']],
    ['2021W01', ['202101', '2021Q1', '2021S1', '2021']],
    ['2021W13', ['2021S1', '2021']],
    ['2021W26', ['2021']],
    ['2021W39', ['2021S2', '2021']],
    ['2021W52', []],
    ['2020W53', []],
    ['2024W1', ['202401', '2024Q1', '2024S1', '2024']],
    ['2025W1', []],
    ['2100W52', []],
    ['1900W1', ['190001', '1900Q1', '1900S1', '1900']],
  ])('%s rolls into %j', (code, expected) => {
    expect(rollupTargets(code)).toEqual(expected);
  });

  it('sends every day of 2020 and 2021 to one period of each coarser type, finest first', () => {
    for (const date of datesFrom('2020-01-01', '2021-12-31')) {
      const code = date.replaceAll('-', '');
      const targets = rollupTargets(code);
      expect(targets.map((target) => parsePeriod(target).type)).toEqual(['weekly', 'monthly', 'quarterly', 'sixmonthly', 'yearly']);
      expect(targets[1]).toBe(code.slice(0, 6));
      expect(targets[4]).toBe(code.slice(0, 4));
      expect(targets.every((target) => contains(target, code))).toBe(true);
    }
  });

  it('sends a week to a calendar period exactly when its Monday and Sunday share that period', () => {
    // 2100W52 ends in 2101, a day periodOf refuses; the examples above cover it.
    for (const { year, weeks } of YEARS.filter((facts) => facts.year < 2100)) {
      for (let week = 1; week <= weeks; week += 1) {
        const { code, start, end } = parsePeriod(`${year}W${week}`);
        const expected = (['monthly', 'quarterly', 'sixmonthly', 'yearly'] as const)
          .filter((type) => periodOf(type, start).code === periodOf(type, end).code)
          .map((type) => periodOf(type, start).code);
        expect(rollupTargets(code)).toEqual(expected);
      }
    }
  });

  it('counts the weeks of 2021 that fit inside one month', () => {
    const weeks = Array.from({ length: 52 }, (_, index) => `2021W${index + 1}`);
    // A week splits when it holds the 1st of a month on a day other than Monday. Of the 1sts from
    // Feb 2021 to Jan 2022, only Feb, Mar and Nov fall on a Monday, so 9 of the 52 weeks split.
    expect(weeks.filter((week) => rollupTargets(week).length === 4)).toHaveLength(43);
    expect(weeks.filter((week) => rollupTargets(week).length === 0)).toEqual(['2021W52']);
  });

  it('throws on a malformed code', () => {
    expect(() => rollupTargets('2021W53')).toThrow(RangeError);
  });
});

describe('ordering', () => {
  it('sorts by first day, then finer first', () => {
    const sorted = ['2020W53', '20210101', '202101', '2021Q1', '2021S1', '2021', '20210104', '2021W1', '202107', '2021Q3', '2021S2', '2022'];
    const shuffled = ['2021S2', '2022', '2021', '20210104', '202101', '2020W53', '2021Q3', '2021W1', '20210101', '2021S1', '202107', '2021Q1'];
    expect([...shuffled].sort(comparePeriods)).toEqual(sorted);
  });

  it('gives the sign of the order and zero for the same period', () => {
    expect(comparePeriods('2021', '2022')).toBeLessThan(0);
    expect(comparePeriods('2022', '2021W52')).toBeGreaterThan(0);
    expect(comparePeriods('202101', '2021')).toBeLessThan(0);
    expect(comparePeriods('2021', '202101')).toBeGreaterThan(0);
    expect(comparePeriods('2021W01', '2021W1')).toBe(0);
    expect(comparePeriods('2021Q4', '2021Q4')).toBe(0);
  });
});

describe('periods between two dates', () => {
  it.each([
    ['quarterly', '2021-02-15', '2021-11-30', ['2021Q1', '2021Q2', '2021Q3', '2021Q4']],
    ['monthly', '2020-11-30', '2021-02-01', ['202011', '202012', '202101', '202102']],
    ['weekly', '2020-12-20', '2021-01-11', ['2020W51', '2020W52', '2020W53', '2021W1', '2021W2']],
    ['daily', '2020-02-27', '2020-03-01', ['20200227', '20200228', '20200229', '20200301']],
    ['sixmonthly', '2021-03-01', '2021-03-01', ['2021S1']],
    ['sixmonthly', '2020-06-30', '2021-07-01', ['2020S1', '2020S2', '2021S1', '2021S2']],
    ['yearly', '2099-06-01', '2100-12-31', ['2099', '2100']],
    ['weekly', '2100-12-31', '2100-12-31', ['2100W52']],
    ['weekly', '2021-01-02', '2021-01-03', ['2020W53']],
    ['monthly', '2021-03-01', '2021-02-28', []],
    ['weekly', '2021-01-05', '2021-01-04', ['2021W1']],
  ] as const)('lists %s periods from %s to %s', (type, from, to, expected) => {
    expect(periodsBetween(type, from, to)).toEqual(expected);
  });

  it('covers the whole range of years without a gap', () => {
    expect(periodsBetween('monthly', '1900-01-01', '2100-12-31')).toHaveLength(201 * 12);
    expect(periodsBetween('daily', '1900-01-01', '2100-12-31')).toHaveLength(73_414);
    expect(periodsBetween('weekly', '2021-01-01', '2021-12-31')).toHaveLength(53);
  });

  it('refuses malformed dates', () => {
    expect(() => periodsBetween('monthly', '2021-02-29', '2021-12-31')).toThrow(RangeError);
    expect(() => periodsBetween('monthly', '2021-01-01', '2101-01-01')).toThrow(RangeError);
  });
});
