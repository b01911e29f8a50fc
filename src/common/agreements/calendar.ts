/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates (UTC, no time of day), for lifecycle guards and
 * reminders. Pure: today is always passed in.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** The date `workingDays` Monday–Friday days after `date` (public holidays are not known here). */
export function addWorkingDays(date: string, workingDays: number): string {
  let time = toUtc(date);
  let left = workingDays;
  while (left > 0) {
    time += DAY_MS;
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return fromUtc(time);
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = (year ?? 0) + years;
  const lastDay = new Date(Date.UTC(target, month ?? 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(target, (month ?? 1) - 1, Math.min(day ?? 1, lastDay)));
}

/** Hours Western Indonesian Time (WIB) is ahead of UTC: "today" for the whole country, by the capital's clock. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in WIB, for callers at the edge (services); pure code takes it as a parameter. */
export function todayInIndonesia(now: Date = new Date()): string {
  return fromUtc(now.getTime() + WIB_OFFSET_MS);
}
