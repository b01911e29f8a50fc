import { describe, expect, it } from 'vitest';
import { localIsoDate, partOf, readEntryPeriod, withPart, withType, withYear, yearOf, yearOptions } from './period-choice.ts';

const TODAY = '2026-11-28';

describe('readEntryPeriod', () => {
  it('reads a month, a quarter or a year from the URL', () => {
    expect(readEntryPeriod('202610', TODAY).code).toBe('202610');
    expect(readEntryPeriod('2026Q3', TODAY).code).toBe('2026Q3');
    expect(readEntryPeriod('2025', TODAY).code).toBe('2025');
  });

  it('falls back to the current month for a missing, malformed or unsupported period', () => {
    expect(readEntryPeriod(null, TODAY).code).toBe('202611');
    expect(readEntryPeriod('202613', TODAY).code).toBe('202611');
    expect(readEntryPeriod('2026W43', TODAY).code).toBe('202611');
    expect(readEntryPeriod('20261026', TODAY).code).toBe('202611');
  });
});

describe('changing the period', () => {
  const october = readEntryPeriod('202610', TODAY);

  it('keeps the start when the type changes', () => {
    expect(withType(october, 'quarterly').code).toBe('2026Q4');
    expect(withType(october, 'yearly').code).toBe('2026');
    expect(withType(withType(october, 'yearly'), 'monthly').code).toBe('202601');
  });

  it('keeps the month or quarter when the year changes', () => {
    expect(withYear(october, 2024).code).toBe('202410');
    expect(withYear(readEntryPeriod('2026Q2', TODAY), 2020).code).toBe('2020Q2');
    expect(withYear(readEntryPeriod('2026', TODAY), 2019).code).toBe('2019');
  });

  it('picks a month or a quarter of the same year', () => {
    expect(withPart(october, 3).code).toBe('202603');
    expect(withPart(readEntryPeriod('2026Q2', TODAY), 4).code).toBe('2026Q4');
    expect(withPart(readEntryPeriod('2026', TODAY), 4).code).toBe('2026');
  });

  it('names the year and the part', () => {
    expect(yearOf(october)).toBe(2026);
    expect(partOf(october)).toBe(10);
    expect(partOf(readEntryPeriod('2026Q4', TODAY))).toBe(4);
    expect(partOf(readEntryPeriod('2026', TODAY))).toBeNull();
  });
});

describe('yearOptions', () => {
  it('lists the current year down to 2010, newest first, and keeps a chosen year outside that', () => {
    const years = yearOptions(2026, 2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2010);
    expect(years).toHaveLength(17);
    expect(yearOptions(2026, 2005).at(-1)).toBe(2005);
    expect(yearOptions(2026, 2027)[0]).toBe(2027);
  });
});

describe('localIsoDate', () => {
  it('writes the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
